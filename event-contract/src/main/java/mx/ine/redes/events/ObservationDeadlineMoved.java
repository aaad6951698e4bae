package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An observation's deadline moved: its notice left later than assumed (the term runs from it), or
 * the calendar changed. A deadline already notified only ever moves later (Art. 7 III);
 * {@code notified} says whether the previous one had been told to the administrators.
 */
public record ObservationDeadlineMoved(
        UUID observationId,
        UUID accountId,
        String cycleId,
        Instant previousDueAt,
        Instant dueAt,
        Instant effectiveAt,
        long calendarVersion,
        String reason,
        boolean notified) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
