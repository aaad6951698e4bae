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
 *
 * <p>Each event gets its aggregate's next sequence number (table {@code aggregate_sequence}), so
 * that consumers can refuse an older event arriving after a newer one.
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
        // The number first, then the row: the upsert's row lock makes a concurrent transaction on the
        // same aggregate wait, so its outbox id (the relay's order) comes after this one's too.
        long sequence = nextSequence(event.aggregateId());
        EventEnvelope envelope = EventEnvelope.wrap(event, clock.instant(),
                correlation != null ? correlation : UUID.randomUUID().toString(), sequence);
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

    private long nextSequence(String aggregateId) {
        Number next = (Number) entityManager.createNativeQuery("""
                insert into aggregate_sequence (aggregate_id, last_sequence) values (:aggregateId, 1)
                on conflict (aggregate_id) do update set last_sequence = aggregate_sequence.last_sequence + 1
                returning last_sequence""")
                .setParameter("aggregateId", aggregateId)
                .getSingleResult();
        return next.longValue();
    }
}
