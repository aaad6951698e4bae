package mx.ine.redes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The aggregate sequence that EventPublisher assigns in the caller's transaction. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EventSequenceTest {

    @Inject
    EventPublisher publisher;

    @Test
    void shouldGiveConcurrentTransactionsOnOneAggregateDistinctConsecutiveNumbersInCommitOrder() throws Exception {
        UUID accountId = UUID.randomUUID();
        int threads = 4;
        int transactionsPerThread = 15;
        int eventsPerTransaction = 2;
        List<Long> assigned = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier together = new CyclicBarrier(threads);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < transactionsPerThread; i++) {
                        // All threads start each round together, so their transactions overlap.
                        together.await(30, TimeUnit.SECONDS);
                        QuarkusTransaction.requiringNew().run(() -> {
                            for (int e = 0; e < eventsPerTransaction; e++) {
                                assigned.add(publisher.publish(dormant(accountId)).sequence());
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> expected = LongStream.rangeClosed(1, (long) threads * transactionsPerThread * eventsPerTransaction)
                .boxed().toList();
        assertThat(assigned).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sequencesInOutboxOrder(accountId))
                .as("the relay publishes by outbox id, so ids must follow the sequence")
                .containsExactlyElementsOf(expected);
    }

    @Test
    void shouldNumberEachAggregateFromOne() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            publisher.publish(dormant(first));
            publisher.publish(dormant(second));
            publisher.publish(dormant(first));
        });

        assertThat(sequencesInOutboxOrder(first)).containsExactly(1L, 2L);
        assertThat(sequencesInOutboxOrder(second)).containsExactly(1L);
    }

    @Test
    void shouldNotConsumeANumberWhenTheTransactionRollsBack() {
        UUID accountId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> publisher.publish(dormant(accountId)));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                publisher.publish(dormant(accountId));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back, number included
        }
        QuarkusTransaction.requiringNew().run(() -> publisher.publish(dormant(accountId)));

        assertThat(sequencesInOutboxOrder(accountId)).containsExactly(1L, 2L);
    }

    private static AccountFlaggedDormant dormant(UUID accountId) {
        return new AccountFlaggedDormant(accountId, "JDE-PRUEBA", LocalDate.of(2025, 1, 1), 400, false);
    }

    private static List<Long> sequencesInOutboxOrder(UUID accountId) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                        .createQuery("select o.envelope from OutboxMessage o where o.messageKey = :key order by o.id",
                                String.class)
                        .setParameter("key", accountId.toString())
                        .getResultList())
                .stream().map(EventJson::read).map(EventEnvelope::sequence).toList();
    }
}
