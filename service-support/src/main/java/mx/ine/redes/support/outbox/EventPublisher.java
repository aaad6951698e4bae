package mx.ine.redes.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.support.correlation.CorrelationId;

/**
 * Records an event in the outbox, inside the caller's transaction: the state change and its event
 * commit together or not at all. Publishing to Kafka is the {@link OutboxRelay}'s job.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    CorrelationId correlationId;

    @Inject
    Event<OutboxMessageWritten> written;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        return publish(event, correlationId.current());
    }

    /** For consumers that carry the correlation id of the event that caused this one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event, String correlation) {
        EventEnvelope envelope = EventEnvelope.wrap(event, clock.instant(),
                correlation != null ? correlation : UUID.randomUUID().toString());
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.topic = event.type().topic();
        message.messageKey = envelope.aggregateId();
        message.eventType = envelope.type();
        message.envelope = EventJson.write(envelope);
        message.createdAt = envelope.occurredAt();
        entityManager.persist(message);
        entityManager.flush();
        written.fire(new OutboxMessageWritten(message.id));
        return envelope;
    }
}
