package mx.ine.redes.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/**
 * The one JSON codec of the contract, a tolerant reader: unknown envelope and payload fields are
 * ignored and an envelope of a newer {@code schemaVersion} is read as far as this version
 * understands it, so that a producer can add to an event without breaking older consumers. An
 * unknown type is an {@link UnknownEventTypeException} (skipped, not poison); a missing envelope
 * field or a payload that cannot be built is a {@link MalformedEventException}.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // read() goes through a JsonNode tree: keep decimals (TrainingRecorded.hours) as exact
            // BigDecimals, scale included, instead of rounding them through double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + envelope.eventId(), e);
        }
    }

    public static EventEnvelope read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Empty record");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new MalformedEventException("Not a JSON object");
            }
            String wireName = text(root, "type");
            EventType type = EventType.find(wireName).orElse(null);
            if (type == null) {
                throw new UnknownEventTypeException(UUID.fromString(text(root, "eventId")), wireName);
            }
            JsonNode payloadNode = root.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new MalformedEventException("Missing payload");
            }
            DomainEvent payload = MAPPER.treeToValue(payloadNode, type.payloadType());
            String aggregateId = text(root, "aggregateId");
            if (!aggregateId.equals(aggregateIdOf(payload))) {
                throw new MalformedEventException("Envelope aggregateId " + aggregateId
                        + " does not match the payload's " + aggregateIdOf(payload));
            }
            return new EventEnvelope(
                    UUID.fromString(text(root, "eventId")),
                    type.wireName(),
                    Instant.parse(text(root, "occurredAt")),
                    aggregateId,
                    sequenceOf(root),
                    root.path("schemaVersion").asInt(type.schemaVersion()),
                    root.path("correlationId").isTextual() ? root.get("correlationId").asText() : null,
                    payload);
        } catch (MalformedEventException | UnknownEventTypeException e) {
            throw e;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new MalformedEventException("Unreadable event: " + e.getMessage(), e);
        }
    }

    /** A payload without its aggregate's id cannot be keyed, ordered or applied: it is poison. */
    private static String aggregateIdOf(DomainEvent payload) {
        try {
            return payload.aggregateId();
        } catch (NullPointerException e) {
            throw new MalformedEventException("Payload of " + payload.type().wireName() + " lacks its aggregate id", e);
        }
    }

    /** Records written before sequences existed have none: 0, "order not known". */
    private static long sequenceOf(JsonNode root) {
        JsonNode node = root.get("sequence");
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < 0) {
            throw new MalformedEventException("Envelope sequence is not a non-negative integer: " + node);
        }
        return node.asLong();
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new MalformedEventException("Missing envelope field " + field);
        }
        return node.asText();
    }
}
