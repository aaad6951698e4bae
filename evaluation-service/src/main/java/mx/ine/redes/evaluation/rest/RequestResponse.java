package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request, where it stands, and every time its deadline moved. {@code noticeSentAt} is when its
 * notice to the administrators left: until then the term does not run and {@code dueAt} is
 * provisional; {@code awaitingAdministrator} flags a request that cannot be notified. A WITHDRAWN
 * request says when, by whom (a CNCS e-mail, or {@code registry} for a baja) and why. An ad hoc
 * request made on the Committee's behalf (Art. 8 II) cites the Committee's resolution.
 */
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
        Instant windowOpensAt,
        Instant noticeSentAt,
        boolean awaitingAdministrator,
        String escalatedToEmail,
        String escalatedToArea,
        Instant headNoticeSentAt,
        boolean awaitingHead,
        Instant chainWithdrawnAt,
        Instant withdrawnAt,
        String withdrawnBy,
        String withdrawalReason,
        boolean onBehalfOfCommittee,
        UUID committeeResolutionId,
        List<DeadlineChange> deadlineChanges) {

    public record DeadlineChange(Instant changedAt, Instant previousDueAt, Instant newDueAt, long calendarVersion, String reason) {
    }
}
