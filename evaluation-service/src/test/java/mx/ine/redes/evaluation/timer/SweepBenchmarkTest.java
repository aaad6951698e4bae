package mx.ine.redes.evaluation.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.testing.BenchmarkFigures;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 100,000 timers due at once, fired by two sweepers (as two instances would) against the real
 * database: time to fire all, duplicates and misses.
 * {@code mvn -B verify -Pbenchmark -pl evaluation-service -Dtest=SweepBenchmarkTest}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class SweepBenchmarkTest {

    private static final int TIMERS = 100_000;

    @Inject
    TimerEngine engine;

    @Inject
    EntityManager entityManager;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldFireOneHundredThousandDueTimers() throws Exception {
        Instant due = clock.instant().plus(Duration.ofDays(3000));
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("create table if not exists test_timer_effect (subject_id uuid not null, fired_at timestamptz not null)").executeUpdate();
            entityManager.createNativeQuery("""
                    insert into timer (id, kind, subject_id, due_at, status, created_at)
                    select gen_random_uuid(), :kind, gen_random_uuid(), :due, 'PENDING', now() from generate_series(1, :n)""")
                    .setParameter("kind", RecordingHandlers.RECORD)
                    .setParameter("due", Timestamp.from(due))
                    .setParameter("n", TIMERS)
                    .executeUpdate();
        });
        clock.advance(Duration.ofDays(3001));

        long started = System.nanoTime();
        ExecutorService sweepers = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> sweep = engine::sweep;
            for (Future<Integer> result : sweepers.invokeAll(List.of(sweep, sweep))) {
                result.get();
            }
        } finally {
            sweepers.shutdown();
        }
        engine.sweep();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                select count(e.subject_id), count(distinct e.subject_id),
                       (select count(*) from timer t where t.kind = :kind and t.due_at = :due and t.status = 'PENDING')
                from test_timer_effect e join timer t on t.subject_id = e.subject_id
                where t.kind = :kind and t.due_at = :due""")
                .setParameter("kind", RecordingHandlers.RECORD)
                .setParameter("due", Timestamp.from(due))
                .getSingleResult());
        long effects = ((Number) counts[0]).longValue();
        long distinct = ((Number) counts[1]).longValue();
        long stillPending = ((Number) counts[2]).longValue();
        System.out.printf("%nSWEEP BENCHMARK: %,d timers due at once fired in %.1f s (%,.0f/s) by 2 sweepers; duplicates %d, misses %d%n%n",
                TIMERS, took.toMillis() / 1000.0, TIMERS / (took.toMillis() / 1000.0), effects - distinct, TIMERS - distinct);
        String section = "Deadlines (evaluation-service)";
        double seconds = took.toMillis() / 1000.0;
        BenchmarkFigures.record(section, String.format(java.util.Locale.ROOT,
                "%,d deadlines due at once: time to fire all (2 sweepers; each effect a row in the timer's transaction)", TIMERS),
                seconds, "s", "< 60 s", seconds < 60);
        BenchmarkFigures.record(section, String.format(java.util.Locale.ROOT, "%,d deadlines due at once: duplicates", TIMERS),
                effects - distinct, "", "0", effects == distinct);
        BenchmarkFigures.record(section, String.format(java.util.Locale.ROOT, "%,d deadlines due at once: misses", TIMERS),
                TIMERS - distinct, "", "0", distinct == TIMERS && stillPending == 0);
        assertThat(effects - distinct).as("duplicates").isZero();
        assertThat(TIMERS - distinct).as("misses").isZero();
        assertThat(stillPending).isZero();
    }
}
