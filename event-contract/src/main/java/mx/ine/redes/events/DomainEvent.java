package mx.ine.redes.events;

/**
 * The payload of an {@link EventEnvelope}. Every event names the aggregate it belongs to; for
 * account events that is the account id, which is also the Kafka key, so that one account's events
 * stay in order on one partition.
 */
public interface DomainEvent {

    String aggregateId();

    default EventType type() {
        return EventType.of(getClass());
    }
}
