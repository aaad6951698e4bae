package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/** An observation was attended. */
public record ObservationResolved(
        UUID observationId,
        UUID accountId,
        String cycleId,
        Instant resolvedAt,
        boolean onTime) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
