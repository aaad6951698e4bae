package mx.ine.redes.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.outbox.OutboxRelay;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestProfile(SmallBatches.class)
class OutboxDeliveryTest {

    @Inject
    EventPublisher publisher;

    @Inject
    OutboxRelay relay;

    @Inject
    ScriptedProducerFactory producers;

    @Inject
    MeterRegistry registry;

    /**
     * Two writers commit small transactions on one account while four relays (plus the service's
     * own) claim batches of {@link SmallBatches#RELAY_BATCH}: rows keep arriving between claims, so
     * a relay that let two batches of one key overlap, or claimed a row twice, shows here.
     */
    @Test
    void shouldKeepPerKeyOrderAndNeverPublishTwiceWithConcurrentRelaysAndInterleavedCommits() throws Exception {
        UUID accountId = UUID.randomUUID();
        int writers = 2;
        int transactionsPerWriter = 30;
        int eventsPerTransaction = 3;
        int events = writers * transactionsPerWriter * eventsPerTransaction;
        AtomicBoolean writing = new AtomicBoolean(true);

        ExecutorService threads = Executors.newFixedThreadPool(writers + 4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(threads.submit(() -> {
                    for (int t = 0; t < transactionsPerWriter; t++) {
                        int transaction = t;
                        QuarkusTransaction.requiringNew().run(() -> {
                            for (int e = 0; e < eventsPerTransaction; e++) {
                                publisher.publish(new AccountFlaggedDormant(accountId, "JDE-PRUEBA",
                                        LocalDate.of(2020, 1, 1).plusDays(transaction), 1000 * writer + e, false));
                            }
                        });
                    }
                }));
            }
            List<Future<?>> relays = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                relays.add(threads.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while ((writing.get() || unpublishedFor(accountId.toString()) > 0) && System.nanoTime() < deadline) {
                        relay.publishBatch();
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> run : relays) {
                run.get(90, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }

        assertThat(unpublishedFor(accountId.toString())).isZero();
        List<EventEnvelope> delivered = KafkaTestClient.readAll(Topics.ACCOUNTS).stream()
                .filter(record -> accountId.toString().equals(record.key()))
                .map(record -> EventJson.read(record.value()))
                .toList();
        assertThat(delivered).extracting(EventEnvelope::sequence)
                .as("every event once, in the order of its sequence")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events).boxed().toList());
        assertThat(delivered).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
    }

    /**
     * The broker goes away after 3 records of a batch of 5: only those 3 are marked published; the
     * other 2 wait and, once the broker is back, follow in order, each once.
     */
    @Test
    void shouldMarkOnlyTheAcknowledgedPrefixAndRetryTheRestInOrder() {
        UUID accountId = UUID.randomUUID();
        String key = accountId.toString();
        producers.failAfter(key, 3);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int day = 0; day < SmallBatches.RELAY_BATCH; day++) {
                    publisher.publish(new AccountFlaggedDormant(accountId, "JDE-PRUEBA",
                            LocalDate.of(2021, 1, 1).plusDays(day), 400 + day, false));
                }
            });
            // The service's own relay (woken by the commit) and this one compete; either claims the batch.
            relay.publishBatch();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(publishedFlagsInOutboxOrder(key)).containsExactly(true, true, true, false, false));
            double failuresSoFar = registry.counter("outbox.publish.failures").count();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                relay.publishBatch();
                assertThat(registry.counter("outbox.publish.failures").count()).isGreaterThan(failuresSoFar);
            });

            assertThat(publishedFlagsInOutboxOrder(key)).as("after a retry that failed again")
                    .containsExactly(true, true, true, false, false);
            assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, key)).extracting(EventEnvelope::sequence)
                    .containsExactly(1L, 2L, 3L);
        } finally {
            producers.heal(key);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unpublishedFor(key)).isZero());
        assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, key)).extracting(EventEnvelope::sequence)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldWriteNoEventWhenTheStateChangeRollsBack() {
        UUID accountId = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                publisher.publish(new AccountFlaggedDormant(accountId, "JDE-PRUEBA", LocalDate.of(2024, 1, 1), 500, false));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(rowsFor(accountId.toString())).isZero();
    }

    static long unpublishedFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Account.getEntityManager()
                .createQuery("select count(o) from OutboxMessage o where o.messageKey = :key and o.publishedAt is null")
                .setParameter("key", key).getSingleResult());
    }

    static long rowsFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Account.getEntityManager()
                .createQuery("select count(o) from OutboxMessage o where o.messageKey = :key")
                .setParameter("key", key).getSingleResult());
    }

    private static List<Boolean> publishedFlagsInOutboxOrder(String key) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                .createQuery("select o.publishedAt is not null from OutboxMessage o where o.messageKey = :key order by o.id",
                        Boolean.class)
                .setParameter("key", key).getResultList());
    }
}
