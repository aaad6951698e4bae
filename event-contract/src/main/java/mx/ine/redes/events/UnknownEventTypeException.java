package mx.ine.redes.events;

import java.util.UUID;

/**
 * A well-formed envelope whose type this version of the contract does not know, e.g. an event a
 * newer producer added. Not poison: a tolerant consumer records its id as seen and skips it.
 */
public class UnknownEventTypeException extends RuntimeException {

    private final UUID eventId;
    private final String type;

    public UnknownEventTypeException(UUID eventId, String type) {
        super("Unknown event type: " + type + " (event " + eventId + ")");
        this.eventId = eventId;
        this.type = type;
    }

    public UUID eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }
}
