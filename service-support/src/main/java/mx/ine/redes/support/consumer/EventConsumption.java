package mx.ine.redes.support.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mx.ine.redes.events.MalformedEventException;
import mx.ine.redes.support.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * How every {@code @Incoming} method consumes a record: retry, never skip.
 *
 * <ul>
 *   <li>A record that cannot be decoded ({@link MalformedEventException}) is parked in the
 *       service's dead-letter store ({@link DeadLetterStore}) and then acknowledged. Nothing else
 *       is ever parked: an event type the consumer does not know is recorded as seen by the inbox.</li>
 *   <li>Any other failure (database down, lock timeout, deadlock, optimistic lock, a bug) is
 *       retried in a new transaction, with exponential backoff from
 *       {@code consumer.retry.initial-backoff} up to {@code consumer.retry.max-backoff}. The method
 *       does not return until the record is applied (or parked), so the partition waits behind it
 *       and nothing after it is acknowledged.</li>
 *   <li>On shutdown a record still being retried is left unacknowledged
 *       ({@link ConsumptionStoppedException}); whoever owns the partition next consumes it again.</li>
 * </ul>
 *
 * The channel must therefore not give up on a record that takes long: the shared configuration
 * turns off the throttled commit strategy's age check ({@code throttled.unprocessed-record-max-age.ms=0}).
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    DeadLetterGauges gauges;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "consumer.retry.initial-backoff", defaultValue = "PT0.5S")
    Duration initialBackoff;

    @ConfigProperty(name = "consumer.retry.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    private final CountDownLatch stopping = new CountDownLatch(1);

    /** Applies one record through its consumer's handler; returns only once it is applied or parked. */
    public void consume(RecordHandler handler, ConsumerRecord<String, String> record) {
        gauges.track(record.topic(), handler.consumerName());
        Inbox.Decoded decoded;
        try {
            decoded = Inbox.decode(record.value());
        } catch (MalformedEventException malformed) {
            park(handler, record, malformed.getMessage());
            return;
        }
        // Decoded once: the handler's inbox reuses this decoding instead of reading the record again. A retry
        // decodes afresh: the attempt that failed may have changed what the decoded payload holds.
        AtomicReference<Inbox.Decoded> firstAttempt = new AtomicReference<>(decoded);
        untilDone(handler, record, "apply", () -> {
            Runnable apply = () -> QuarkusTransaction.requiringNew().run(() -> handler.apply(record.value()));
            Inbox.Decoded reused = firstAttempt.getAndSet(null);
            if (reused != null) {
                Inbox.withDecoded(reused, apply);
            } else {
                apply.run();
            }
        });
    }

    private void park(RecordHandler handler, ConsumerRecord<String, String> record, String undecodable) {
        LOG.warnf("%s parks record %s-%d@%d, which cannot be decoded: %s", handler.consumerName(), record.topic(),
                record.partition(), record.offset(), undecodable);
        untilDone(handler, record, "park", () -> deadLetters.park(handler.consumerName(), record.topic(),
                record.partition(), record.offset(), record.key(), record.value(), undecodable));
        gauges.refresh();
    }

    /** @return why the record cannot be decoded, or {@code null} if it can (an unknown type can: it is skipped) */
    static String undecodable(String value) {
        try {
            Inbox.decode(value);
            return null;
        } catch (MalformedEventException malformed) {
            return malformed.getMessage();
        }
    }

    private void untilDone(RecordHandler handler, ConsumerRecord<String, String> record, String what, Runnable action) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            if (stopping.getCount() == 0) {
                throw stopped(handler, record);
            }
            try {
                action.run();
                if (attempt > 1) {
                    LOG.infof("%s could %s record %s-%d@%d at attempt %d", handler.consumerName(), what, record.topic(),
                            record.partition(), record.offset(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                retries(handler, record).increment();
                String message = "%s could not %s record %s-%d@%d (attempt %d); the partition waits and it is retried in %s";
                if (attempt == 1) {
                    LOG.warnf(e, message, handler.consumerName(), what, record.topic(), record.partition(),
                            record.offset(), attempt, backoff);
                } else {
                    LOG.warnf(message + ": %s", handler.consumerName(), what, record.topic(), record.partition(),
                            record.offset(), attempt, backoff, e);
                }
            }
            try {
                if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw stopped(handler, record);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped(handler, record);
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    private Counter retries(RecordHandler handler, ConsumerRecord<String, String> record) {
        return Counter.builder("consumer.retries")
                .description("Failed attempts to apply or park a record, each retried")
                .tag("topic", record.topic())
                .tag("consumer", handler.consumerName())
                .register(registry);
    }

    private static ConsumptionStoppedException stopped(RecordHandler handler, ConsumerRecord<String, String> record) {
        return new ConsumptionStoppedException(handler.consumerName() + " stops with record " + record.topic() + "-"
                + record.partition() + "@" + record.offset() + " not yet applied; it is left unacknowledged");
    }

    // Before the messaging connector waits for in-flight records on shutdown, so a record being
    // retried does not hold the shutdown until the database comes back.
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping.countDown();
    }

    @PreDestroy
    void destroy() {
        stopping.countDown();
    }
}
