package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A request no longer stands: CNCS withdrew it, or its account was decommissioned. No submission is
 * taken for it any more, its timers stopped and nothing of its Art. 15 chain runs on.
 * {@code reason} is what a person reads (Spanish); {@code withdrawnBy} is the CNCS e-mail, or
 * {@code registry} when a baja withdrew it.
 */
public record SubmissionRequestWithdrawn(
        UUID requestId,
        UUID accountId,
        String cycleId,
        String reason,
        Instant withdrawnAt,
        String withdrawnBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
