package mx.ine.redes.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: identity and provenance of one event, and its payload.
 * {@code eventId} is what consumers deduplicate on; {@code sequence} (1, 2, 3… per aggregate and
 * producing service) is what they order on, since a redelivery or a replay can bring an older event
 * after a newer one. {@code 0} means "not known": a record written before sequences existed.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        Instant occurredAt,
        String aggregateId,
        long sequence,
        int schemaVersion,
        String correlationId,
        DomainEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }

    /** An envelope whose sequence is not known (0), as records written before sequences existed. */
    public EventEnvelope(UUID eventId, String type, Instant occurredAt, String aggregateId, int schemaVersion,
                         String correlationId, DomainEvent payload) {
        this(eventId, type, occurredAt, aggregateId, 0, schemaVersion, correlationId, payload);
    }

    public static EventEnvelope wrap(DomainEvent payload, Instant occurredAt, String correlationId) {
        return wrap(payload, occurredAt, correlationId, 0);
    }

    /** {@code sequence}: the aggregate's next number, which the producer's outbox assigns. */
    public static EventEnvelope wrap(DomainEvent payload, Instant occurredAt, String correlationId, long sequence) {
        EventType type = payload.type();
        return new EventEnvelope(UUID.randomUUID(), type.wireName(), occurredAt, payload.aggregateId(), sequence,
                type.schemaVersion(), correlationId, payload);
    }

    public EventType eventType() {
        return EventType.fromWireName(type);
    }
}
