package mx.ine.redes.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Many events in one go (bulk work such as opening a cycle for every account): the same rows as
     * {@link #publish} one by one, in the given order, with two round trips instead of three per
     * event — one upsert numbers every aggregate (its row locks taken in aggregate order, so two bulk
     * transactions cannot deadlock on them), one JDBC batch writes the outbox rows — and no flush of
     * the caller's session per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String correlation = correlationId.current() != null ? correlationId.current() : UUID.randomUUID().toString();
        Map<String, Integer> perAggregate = new TreeMap<>();
        events.forEach(event -> perAggregate.merge(event.aggregateId(), 1, Integer::sum));
        // Flush first: the caller's pending rows are written before the numbers are taken, as with publish().
        entityManager.flush();
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        long[] lastId = {0};
        entityManager.unwrap(org.hibernate.Session.class).doWork(connection -> {
            Map<String, Long> next = new HashMap<>();
            try (PreparedStatement numbers = connection.prepareStatement("""
                    insert into aggregate_sequence (aggregate_id, last_sequence)
                    select id, n from unnest(?::text[], ?::bigint[]) as t(id, n) order by id
                    on conflict (aggregate_id) do update set last_sequence = aggregate_sequence.last_sequence + excluded.last_sequence
                    returning aggregate_id, last_sequence""")) {
                numbers.setArray(1, connection.createArrayOf("text", perAggregate.keySet().toArray()));
                numbers.setArray(2, connection.createArrayOf("bigint", perAggregate.values().stream().map(Long::valueOf).toArray()));
                try (ResultSet rows = numbers.executeQuery()) {
                    while (rows.next()) {
                        String aggregate = rows.getString(1);
                        next.put(aggregate, rows.getLong(2) - perAggregate.get(aggregate) + 1);
                    }
                }
            }
            java.time.Instant now = clock.instant();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_message (event_id, topic, message_key, event_type, envelope, created_at)
                    values (?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
                for (DomainEvent event : events) {
                    long sequence = next.merge(event.aggregateId(), 1L, Long::sum) - 1;
                    EventEnvelope envelope = EventEnvelope.wrap(event, now, correlation, sequence);
                    envelopes.add(envelope);
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, event.type().topic());
                    insert.setString(3, envelope.aggregateId());
                    insert.setString(4, envelope.type());
                    insert.setString(5, EventJson.write(envelope));
                    insert.setObject(6, java.time.OffsetDateTime.ofInstant(envelope.occurredAt(), java.time.ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        lastId[0] = Math.max(lastId[0], keys.getLong(1));
                    }
                }
            }
        });
        written.fire(new OutboxMessageWritten(lastId[0]));
        return envelopes;
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
