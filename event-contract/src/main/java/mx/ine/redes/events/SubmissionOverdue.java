package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/** A request's deadline passed without a submission (Art. 15). */
public record SubmissionOverdue(
        UUID requestId,
        UUID accountId,
        String cycleId,
        String areaCode,
        Instant dueAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
