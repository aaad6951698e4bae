package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request, where it stands, and every time its deadline moved. */
public record RequestResponse(
        UUID id,
        String kind,
        String cycleId,
        UUID accountId,
        String network,
        String handle,
        String areaCode,
        String areaLevel,
        List<String> requestedFields,
        String reason,
        Instant issuedAt,
        Instant effectiveAt,
        Instant dueAt,
        String policy,
        long calendarVersion,
        String status,
        Instant submittedAt,
        Boolean submittedLate,
        Instant escalatedAt,
        Instant attendBy,
        Instant reportedAt,
        List<DeadlineChange> deadlineChanges) {

    public record DeadlineChange(Instant changedAt, Instant previousDueAt, Instant newDueAt, long calendarVersion, String reason) {
    }
}
