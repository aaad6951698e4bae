package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The first version of a request's submission opened its evaluation (Art. 13): CNCS's own term
 * of 10 business days runs from {@code firstReceivedAt} and closes at {@code dueAt}. A later
 * calendar change moves it ({@link EvaluationTermMoved}); {@link EvaluationCompleted} closes it.
 */
public record EvaluationOpened(
        UUID evaluationId,
        UUID requestId,
        UUID accountId,
        String cycleId,
        String network,
        String areaCode,
        String areaLevel,
        Instant firstReceivedAt,
        Instant dueAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
