package mx.ine.redes.support.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Prunes what the outbox and the inbox no longer need: published outbox rows older than
 * {@code outbox.retention} and inbox ids ({@code processed_event}) older than
 * {@code inbox.retention}. Unpublished outbox rows are never pruned, whatever their age, and
 * {@code aggregate_sequence} is never touched (numbering goes on).
 *
 * <p>An inbox id is what makes a redelivery harmless, so it must outlive every copy of its event
 * the broker may still hand out: inbox retention must be longer than the topics' retention (Kafka's
 * default is 7 days, {@code P7D} like the outbox default), or a replay from the topic would apply
 * an event a second time. A start with inbox retention not longer than outbox retention is refused.
 *
 * <p>Deletes go in batches of {@code retention.batch-size} rows, each batch its own transaction, so
 * a first run over a large journal neither holds long locks nor bloats one transaction.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "outbox.retention", defaultValue = "P7D")
    Duration outboxRetention;

    @ConfigProperty(name = "inbox.retention", defaultValue = "P30D")
    Duration inboxRetention;

    @ConfigProperty(name = "retention.batch-size", defaultValue = "1000")
    int batchSize;

    /** Rows pruned by one run. */
    public record Pruned(long outboxRows, long inboxIds) {
    }

    void checkAtStart(@Observes StartupEvent startup) {
        validate(outboxRetention, inboxRetention);
    }

    /**
     * @throws IllegalStateException when the inbox would forget an event id before the outbox (and
     *         the topic, whose retention the outbox's mirrors) forgets the event
     */
    public static void validate(Duration outboxRetention, Duration inboxRetention) {
        if (outboxRetention.isNegative() || outboxRetention.isZero()) {
            throw new IllegalStateException("outbox.retention (OUTBOX_RETENTION) must be positive, not " + outboxRetention);
        }
        if (inboxRetention.compareTo(outboxRetention) <= 0) {
            throw new IllegalStateException("inbox.retention (INBOX_RETENTION) " + inboxRetention
                    + " must be longer than outbox.retention (OUTBOX_RETENTION) " + outboxRetention
                    + " and than the topics' retention, or a redelivered event would be applied twice");
        }
    }

    @Scheduled(identity = "outbox-inbox-retention", every = "${retention.every:1h}", delayed = "${retention.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Pruned pruned = prune();
        if (pruned.outboxRows() > 0 || pruned.inboxIds() > 0) {
            LOG.infof("Retention pruned %d published outbox rows older than %s and %d inbox ids older than %s",
                    pruned.outboxRows(), outboxRetention, pruned.inboxIds(), inboxRetention);
        }
    }

    /** One run, at the injected clock's now. Public for tests, which move the clock instead of waiting. */
    public Pruned prune() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), clock.getZone());
        long outbox = deleteInBatches("""
                delete from outbox_message where id in (
                    select id from outbox_message
                    where published_at is not null and published_at < :cutoff
                    order by id
                    limit :batch)""", now.minus(outboxRetention));
        long inbox = deleteInBatches("""
                delete from processed_event where (event_id, consumer) in (
                    select event_id, consumer from processed_event
                    where processed_at < :cutoff
                    limit :batch)""", now.minus(inboxRetention));
        counter("outbox.pruned").increment(outbox);
        counter("inbox.pruned").increment(inbox);
        return new Pruned(outbox, inbox);
    }

    private long deleteInBatches(String delete, OffsetDateTime cutoff) {
        long total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(delete)
                    .setParameter("cutoff", cutoff)
                    .setParameter("batch", batchSize)
                    .executeUpdate());
            total += deleted;
            if (deleted < batchSize) {
                return total;
            }
        }
    }

    private Counter counter(String name) {
        return registry.counter(name);
    }
}
