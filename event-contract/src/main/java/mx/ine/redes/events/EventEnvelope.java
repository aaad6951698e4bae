package mx.ine.redes.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: identity and provenance of one event, and its payload.
 * {@code eventId} is what consumers deduplicate on.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        Instant occurredAt,
        String aggregateId,
        int schemaVersion,
        String correlationId,
        DomainEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    public static EventEnvelope wrap(DomainEvent payload, Instant occurredAt, String correlationId) {
        EventType type = payload.type();
        return new EventEnvelope(UUID.randomUUID(), type.wireName(), occurredAt, payload.aggregateId(),
                type.schemaVersion(), correlationId, payload);
    }

    public EventType eventType() {
        return EventType.fromWireName(type);
    }
}
