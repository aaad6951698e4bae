package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A calendar change moved the close of CNCS's term for an open evaluation (Art. 13) from
 * {@code previousDueAt} to {@code dueAt}.
 */
public record EvaluationTermMoved(
        UUID evaluationId,
        UUID accountId,
        String cycleId,
        Instant previousDueAt,
        Instant dueAt,
        long calendarVersion) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
