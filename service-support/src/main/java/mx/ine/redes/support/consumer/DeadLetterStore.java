package mx.ine.redes.support.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The service's dead letters ({@code dead_letter}): records its consumers could not decode. */
@ApplicationScoped
public class DeadLetterStore {

    /** Errors are for a human to read; a whole stack of causes is in the log. */
    static final int MAX_ERROR_LENGTH = 4000;

    /** Where a count of parked records is kept, per topic and consumer. */
    public record Source(String topic, String consumer) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /**
     * Parks one record in a transaction of its own. A record already parked by this consumer (a
     * redelivery after a crash between parking and acknowledging) is not parked twice.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void park(String consumer, String topic, int partition, long offset, String key, String value, String error) {
        entityManager.createNativeQuery("""
                insert into dead_letter (consumer, topic, kafka_partition, kafka_offset, record_key, record_value, error, parked_at)
                values (:consumer, :topic, :partition, :offset, :key, :value, :error, :parkedAt)
                on conflict (consumer, topic, kafka_partition, kafka_offset) do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("topic", topic)
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .setParameter("key", key)
                .setParameter("value", value)
                .setParameter("error", truncate(error))
                .setParameter("parkedAt", OffsetDateTime.ofInstant(clock.instant(), clock.getZone()))
                .executeUpdate();
    }

    /** One page in parking order (id), replayed ones included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadLetter> page(int page, int size) {
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            return List.of();
        }
        return entityManager.createQuery("from DeadLetterEntry order by id", DeadLetterEntry.class)
                .setFirstResult((int) first)
                .setMaxResults(size)
                .getResultList().stream().map(this::detached).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return entityManager.createQuery("select count(*) from DeadLetterEntry", Long.class).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetter> find(long id) {
        return Optional.ofNullable(entityManager.find(DeadLetterEntry.class, id)).map(this::detached);
    }

    // Outside a transaction reads share the request's session: a row read before a replay must not
    // be answered, stale, after it.
    private DeadLetter detached(DeadLetterEntry entry) {
        DeadLetter view = entry.view();
        entityManager.detach(entry);
        return view;
    }

    /** The ids of records still parked after {@code afterId}, in order, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> parkedIds(long afterId, int limit) {
        return entityManager.createQuery(
                        "select id from DeadLetterEntry where replayedAt is null and id > :after order by id", Long.class)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Records not yet replayed per topic and consumer; a source whose records were all replayed
     * counts 0. In a transaction of its own: the gauges refresh it from the consumer's thread and
     * the scheduler, where there is no request to lend it a session.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<Source, Long> parkedCounts() {
        Map<Source, Long> counts = new HashMap<>();
        for (Object[] row : entityManager.createQuery("""
                        select topic, consumer, sum(case when replayedAt is null then 1 else 0 end)
                        from DeadLetterEntry group by topic, consumer""", Object[].class).getResultList()) {
            counts.put(new Source((String) row[0], (String) row[1]), ((Number) row[2]).longValue());
        }
        return counts;
    }

    /**
     * Locks a parked record for its replay, so that two operators replaying it at once apply it in
     * turn (and the inbox makes the second one a no-op).
     *
     * @return empty if there is no such record or it was replayed meanwhile
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<DeadLetterEntry> lockParked(long id) {
        return Optional.ofNullable(entityManager.find(DeadLetterEntry.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(entry -> entry.replayedAt == null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void markReplayed(DeadLetterEntry entry) {
        entry.replayedAt = clock.instant();
        entry.lastReplayError = null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordReplayError(long id, String error) {
        DeadLetterEntry entry = entityManager.find(DeadLetterEntry.class, id);
        if (entry != null) {
            entry.lastReplayError = truncate(error);
        }
    }

    private static String truncate(String text) {
        String value = text == null || text.isBlank() ? "(sin detalle)" : text;
        return value.length() <= MAX_ERROR_LENGTH ? value : value.substring(0, MAX_ERROR_LENGTH);
    }
}
