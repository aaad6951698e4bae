package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An observation (Art. 14) with its Art. 15 chain. {@code term} explains the administrators'
 * deadline day by day from the instant its notice left (provisional, from the issue, while it has
 * not); {@code headTerm} the head's, from the head's notice. Both only in a single read.
 */
public record ObservationResponse(
        UUID id,
        UUID evaluationId,
        UUID requestId,
        UUID accountId,
        String cycleId,
        String network,
        String handle,
        String areaCode,
        String text,
        List<String> fields,
        Map<String, String> figures,
        String suggestion,
        String issuedBy,
        Instant issuedAt,
        String status,
        Instant noticeSentAt,
        Instant effectiveAt,
        Instant dueAt,
        OffsetDateTime dueAtLocal,
        Instant notifiedDueAt,
        long calendarVersion,
        String policy,
        boolean awaitingAdministrator,
        Answer answer,
        Instant overdueAt,
        Instant escalatedAt,
        String escalatedToEmail,
        String escalatedToArea,
        Instant headNoticeSentAt,
        Instant attendBy,
        Instant notifiedAttendBy,
        boolean awaitingHead,
        Instant reportedAt,
        Instant chainWithdrawnAt,
        boolean reportedWithdrawn,
        UUID followsUpObservationId,
        UUID followedUpByObservationId,
        String resolvedBy,
        Instant resolvedAt,
        String resolutionNote,
        List<DeadlineChange> deadlineChanges,
        DeadlineResponse term,
        DeadlineResponse headTerm) {

    /** The correction that answered it: the submission version, its receipt and whether it was within the deadline. */
    public record Answer(UUID submissionId, int version, Instant receivedAt, boolean onTime) {
    }

    public record DeadlineChange(Instant changedAt, Instant previousDueAt, Instant newDueAt, long calendarVersion, String reason,
                                 boolean notified) {
    }

    /** What an evaluation lists of each of its observations. */
    public record Summary(UUID id, String status, Instant dueAt, Instant attendBy) {
    }
}
