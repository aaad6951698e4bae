package mx.ine.redes.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mx.ine.redes.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first.
 *
 * <p>Why these choices:
 * <ul>
 * <li>One relay publishes at a time per database ({@code pg_try_advisory_xact_lock}); rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}. With several instances of a service this keeps
 * the per-key order that {@code SKIP LOCKED} alone would break, and never publishes a row twice
 * at once.</li>
 * <li>A plain idempotent producer with {@code acks=all}: a row is marked published only after the
 * broker acknowledged it, and only the acknowledged prefix of a batch is marked, so a retry never
 * overtakes an earlier event of the same key. A retry after an ambiguous failure can deliver an
 * event twice; consumers deduplicate by event id (the inbox).</li>
 * <li>The relay is woken right after a commit that wrote a row; the poll interval is only the
 * safety net (failures, rows written by another instance).</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock id: "one outbox relay per database". */
    private static final long RELAY_LOCK = 0x4F7574626F78L;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxProducerFactory producers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String applicationName;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;
    /**
     * When the loop last went round, on the monotonic clock: the simulation and the tests move
     * the injected {@link Clock} by days, which must not make a live relay look dead.
     */
    private volatile long lastRoundNanos = System.nanoTime();
    private Producer<String, String> producer;
    private Counter published;
    private Counter failures;
    private Timer lag;

    void onStart(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        published = registry.counter("outbox.published");
        failures = registry.counter("outbox.publish.failures");
        lag = Timer.builder("outbox.publish.lag")
                .description("Time from commit of an event to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        producer = producers.create(producerConfig());
        running = true;
        lastRoundNanos = System.nanoTime();
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        running = false;
        wakeUp.release();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxMessageWritten written) {
        wakeUp.release();
    }

    private void run() {
        warmUp();
        Duration backoff = config.pollInterval();
        while (running) {
            lastRoundNanos = System.nanoTime();
            try {
                boolean more = publishBatch();
                backoff = config.pollInterval();
                if (!more) {
                    wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("Outbox relay could not publish (retrying in %s): %s", backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** What readiness reports of the relay loop. */
    public RelayState state() {
        if (!config.enabled()) {
            return new RelayState(false, false, Duration.ZERO);
        }
        Thread current = worker;
        boolean alive = current != null && current.isAlive();
        return new RelayState(true, alive, Duration.ofNanos(System.nanoTime() - lastRoundNanos));
    }

    /**
     * @param enabled      whether this instance runs a relay at all
     * @param alive        whether its thread is still there
     * @param sinceLastRound how long ago the loop last started a round
     */
    public record RelayState(boolean enabled, boolean alive, Duration sinceLastRound) {
    }

    /**
     * Fetches the topics' metadata before the first event needs it, so that the first event after
     * a start is not the one that waits for it. A broker that is down is simply retried later.
     */
    private void warmUp() {
        for (String topic : Topics.ALL) {
            try {
                producer.partitionsFor(topic);
            } catch (RuntimeException e) {
                LOG.infof("Outbox relay could not reach the broker yet (%s); it will keep trying", e.getMessage());
                return;
            }
        }
    }

    /**
     * Claims and publishes one batch. The relay thread calls it in a loop; tests and benchmarks may
     * call it from several threads to play several instances.
     *
     * @return whether a full batch went out, so more rows may be waiting
     */
    public boolean publishBatch() {
        return QuarkusTransaction.requiringNew()
                .timeout((int) config.sendTimeout().plusSeconds(30).toSeconds())
                .call(this::publishClaimedRows);
    }

    @SuppressWarnings("unchecked")
    private boolean publishClaimedRows() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return false;
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, topic, message_key, envelope, event_id, event_type, created_at
                from outbox_message
                where published_at is null
                order by id
                limit :batch
                for update skip locked""")
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        RuntimeException sendFailure = null;
        for (Object[] row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[3]);
            record.headers().add("eventId", row[4].toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventType", ((String) row[5]).getBytes(StandardCharsets.UTF_8));
            try {
                Future<RecordMetadata> sent = producer.send(record);
                sends.add(sent);
                // A send that could not even be queued (no metadata: the broker is away) comes back
                // already failed after blocking up to max.block.ms; queuing the rest would block as
                // long again for each and outlast the transaction. They go in a later batch.
                if (sent.isDone() && failed(sent)) {
                    break;
                }
            } catch (RuntimeException e) {
                sendFailure = e;
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>(sends.size());
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(((Number) rows.get(i)[0]).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                sendFailure = new IllegalStateException("Broker did not acknowledge event " + rows.get(i)[4], e);
                break;
            }
        }
        Instant now = clock.instant();
        if (!acknowledged.isEmpty()) {
            entityManager.createNativeQuery("update outbox_message set published_at = :now where id in (:ids)")
                    .setParameter("now", OffsetDateTime.ofInstant(now, clock.getZone()))
                    .setParameter("ids", acknowledged)
                    .executeUpdate();
            published.increment(acknowledged.size());
            for (int i = 0; i < acknowledged.size(); i++) {
                lag.record(Duration.between(toInstant(rows.get(i)[6]), now).abs());
            }
        }
        if (sendFailure != null) {
            // Commit what was acknowledged, then report the failure: the rest is retried in order.
            failures.increment();
            LOG.warnf("Outbox relay published %d of %d events; the rest will be retried: %s",
                    acknowledged.size(), rows.size(), sendFailure.getMessage());
            return false;
        }
        return rows.size() == config.batchSize();
    }

    private static boolean failed(Future<RecordMetadata> done) {
        try {
            done.get(0, TimeUnit.NANOSECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            return true;
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.now();
    }

    private Map<String, Object> producerConfig() {
        int timeoutMs = (int) config.sendTimeout().toMillis();
        return Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay-" + UUID.randomUUID()),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 2),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, timeoutMs)),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5010)),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs),
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }
}
