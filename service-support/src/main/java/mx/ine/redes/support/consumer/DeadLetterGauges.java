package mx.ine.redes.support.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mx.ine.redes.support.consumer.DeadLetterStore.Source;
import org.jboss.logging.Logger;

/**
 * {@code dead_letters_parked{topic, consumer}}: records parked and not yet replayed. Kept from the
 * table (not counted in memory) so that every instance of a service reports the same figure and
 * a restart does not reset it; refreshed after each park or replay and on a schedule.
 */
@ApplicationScoped
public class DeadLetterGauges {

    static final String GAUGE = "dead.letters.parked";

    private static final Logger LOG = Logger.getLogger(DeadLetterGauges.class);

    @Inject
    MeterRegistry registry;

    @Inject
    DeadLetterStore store;

    private final Map<Source, AtomicLong> parked = new ConcurrentHashMap<>();

    /** Makes the gauge of a source exist (at 0) from its first record on, before anything is parked. */
    void track(String topic, String consumer) {
        gauge(new Source(topic, consumer));
    }

    @Scheduled(every = "${consumer.dead-letters.gauge-refresh:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Map<Source, Long> counts = store.parkedCounts();
            counts.forEach((source, count) -> gauge(source).set(count));
            parked.forEach((source, value) -> {
                if (!counts.containsKey(source)) {
                    value.set(0);
                }
            });
        } catch (RuntimeException e) {
            // The database is away; the gauges keep their last figures until it is back.
            LOG.warnf("Dead-letter gauges not refreshed: %s", e.toString());
        }
    }

    private AtomicLong gauge(Source source) {
        return parked.computeIfAbsent(source, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(GAUGE, value, AtomicLong::get)
                    .description("Records a consumer could not decode, parked and not yet replayed")
                    .tag("topic", key.topic())
                    .tag("consumer", key.consumer())
                    .register(registry);
            return value;
        });
    }
}
