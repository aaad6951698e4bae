package mx.ine.redes.events;

import java.time.Instant;
import java.time.LocalDate;

/** CNCS opened a semester cycle (e.g. {@code 2026-S1}) and issued its requests. */
public record ReviewCycleOpened(
        String cycleId,
        LocalDate periodStart,
        LocalDate periodEnd,
        Instant openedAt,
        Instant submissionDueAt,
        int requestCount) implements DomainEvent {

    @Override
    public String aggregateId() {
        return cycleId;
    }
}
