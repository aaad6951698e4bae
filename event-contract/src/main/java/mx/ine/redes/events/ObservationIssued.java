package mx.ine.redes.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * CNCS issued an observation (Art. 14) on an account's submission: the administrator has 2
 * business days to correct. {@code dueAt} is provisional until the notice leaves (the term runs
 * from it; {@link ObservationDeadlineMoved} follows). {@code fields} are the wire names
 * ({@link StatisticField}) of the figures concerned; {@code followsUpObservationId} names the
 * observation this one follows up (its correction did not satisfy CNCS), which is then closed.
 */
public record ObservationIssued(
        UUID observationId,
        UUID accountId,
        String cycleId,
        String areaCode,
        String text,
        Instant effectiveAt,
        Instant dueAt,
        UUID evaluationId,
        UUID requestId,
        List<String> fields,
        UUID followsUpObservationId,
        String issuedBy) implements DomainEvent {

    public ObservationIssued {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public ObservationIssued(UUID observationId, UUID accountId, String cycleId, String areaCode, String text,
                             Instant effectiveAt, Instant dueAt) {
        this(observationId, accountId, cycleId, areaCode, text, effectiveAt, dueAt, null, null, List.of(), null, null);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
