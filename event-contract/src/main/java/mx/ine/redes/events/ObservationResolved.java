package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * CNCS resolved an observation: the correction (submission version {@code answeredByVersion})
 * attended it. {@code onTime} tells whether that correction was received within the deadline.
 */
public record ObservationResolved(
        UUID observationId,
        UUID accountId,
        String cycleId,
        Instant resolvedAt,
        boolean onTime,
        UUID evaluationId,
        String areaCode,
        Integer answeredByVersion,
        String resolvedBy) implements DomainEvent {

    public ObservationResolved(UUID observationId, UUID accountId, String cycleId, Instant resolvedAt, boolean onTime) {
        this(observationId, accountId, cycleId, resolvedAt, onTime, null, null, null, null);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
