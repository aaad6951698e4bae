package mx.ine.redes.support.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The retry loop without a database: a store that fails as a database that is down does. The
 * loop with a real database (and a real outage) is DatabaseOutageConsumptionTest in
 * reporting-service.
 */
class EventConsumptionTest {

    private static final String UNDECODABLE = "{\"esto\": \"no es un evento\"";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldRetryParkingWhileTheDatabaseIsDownAndStopOnShutdownWithoutAcknowledging() throws Exception {
        CountDownLatch threeAttempts = new CountDownLatch(3);
        EventConsumption consumption = consumption(new DeadLetterStore() {
            @Override
            public void park(String consumer, String topic, int partition, long offset, String key, String value,
                             String error) {
                threeAttempts.countDown();
                throw new IllegalStateException("Connection to 127.0.0.1:5432 refused");
            }
        });

        CompletableFuture<Void> consuming = CompletableFuture.runAsync(() -> consumption.consume(handler(), record()));

        assertThat(threeAttempts.await(10, TimeUnit.SECONDS)).as("parking retried").isTrue();
        assertThat(consuming).as("the record is not given up while the database is down").isNotDone();
        consumption.onShutdown(null);
        assertThatThrownBy(() -> consuming.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConsumptionStoppedException.class);
        assertThat(registry.get("consumer.retries").tag("consumer", "prueba").counter().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldReturnOnceTheUndecodableRecordIsParkedAndNeverApplyIt() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> parked = new ArrayList<>();
        EventConsumption consumption = consumption(new DeadLetterStore() {
            @Override
            public void park(String consumer, String topic, int partition, long offset, String key, String value,
                             String error) {
                if (attempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("deadlock detected");
                }
                parked.add(consumer + " " + topic + "-" + partition + "@" + offset + " " + key + " " + value + " | " + error);
            }

            @Override
            public Map<Source, Long> parkedCounts() {
                return Map.of(new Source("ine.accounts.events", "prueba"), 1L);
            }
        });

        consumption.consume(handler(), record());

        assertThat(parked).singleElement().asString()
                .startsWith("prueba ine.accounts.events-2@41 clave " + UNDECODABLE + " | ")
                .contains("Unreadable event");
        assertThat(registry.get(DeadLetterGauges.GAUGE).tag("consumer", "prueba").gauge().value()).isEqualTo(1);
    }

    @Test
    void shouldParkOnlyWhatCannotBeDecoded() {
        assertThat(EventConsumption.undecodable(UNDECODABLE)).contains("Unreadable event");
        assertThat(EventConsumption.undecodable(null)).isNotNull();
        // A type this version does not know is decodable: the inbox records it as seen and skips it.
        assertThat(EventConsumption.undecodable("""
                {"eventId":"5b1f6c1e-0a59-4a51-9a53-3c1f9b1a2e10","type":"AccountTransferred",
                 "occurredAt":"2026-11-20T17:00:00Z","aggregateId":"x","schemaVersion":3,"payload":{}}""")).isNull();
    }

    private EventConsumption consumption(DeadLetterStore store) {
        EventConsumption consumption = new EventConsumption();
        consumption.registry = registry;
        consumption.deadLetters = store;
        consumption.gauges = new DeadLetterGauges();
        consumption.gauges.registry = registry;
        consumption.gauges.store = store;
        consumption.initialBackoff = Duration.ofMillis(10);
        consumption.maxBackoff = Duration.ofMillis(40);
        return consumption;
    }

    private static RecordHandler handler() {
        return new RecordHandler() {
            @Override
            public String consumerName() {
                return "prueba";
            }

            @Override
            public void apply(String record) {
                throw new AssertionError("an undecodable record must not reach the handler");
            }
        };
    }

    private static ConsumerRecord<String, String> record() {
        return new ConsumerRecord<>("ine.accounts.events", 2, 41L, "clave", UNDECODABLE);
    }
}
