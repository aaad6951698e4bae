package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/** CNCS issued an observation (Art. 14); the administrator has until {@code dueAt} to correct. */
public record ObservationIssued(
        UUID observationId,
        UUID accountId,
        String cycleId,
        String areaCode,
        String text,
        Instant effectiveAt,
        Instant dueAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
