package mx.ine.redes.evaluation.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class TimerEngineTest {

    @Inject
    TimerEngine engine;

    @Inject
    ShiftableClock clock;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeEach
    void effectsTable() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "create table if not exists test_timer_effect (subject_id uuid not null, fired_at timestamptz not null)")
                .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                create table if not exists test_deferred_unique (
                    v integer,
                    constraint test_deferred_unique_v unique (v) deferrable initially deferred)""").executeUpdate());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldFireAtItsDueTimeAndNotBefore() {
        UUID subject = UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofDays(400)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> engine.schedule(RecordingHandlers.RECORD, subject, due));

        engine.sweep();
        assertThat(effects(subject)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> engine.pendingDueAt(RecordingHandlers.RECORD, subject))).contains(due);

        clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));
        engine.sweep();
        assertThat(effects(subject)).isEqualTo(1);
        engine.sweep();
        assertThat(effects(subject)).isEqualTo(1);
    }

    @Test
    void shouldMoveARescheduledTimerAndNeverFireACancelledOne() {
        UUID moved = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            engine.schedule(RecordingHandlers.RECORD, moved, now.plus(Duration.ofDays(500)));
            engine.schedule(RecordingHandlers.RECORD, moved, now.plus(Duration.ofDays(600)));
            engine.schedule(RecordingHandlers.RECORD, cancelled, now.plus(Duration.ofDays(500)));
            engine.cancel(RecordingHandlers.RECORD, cancelled);
        });
        clock.advance(Duration.ofDays(550));
        engine.sweep();
        assertThat(effects(moved)).isZero();
        clock.advance(Duration.ofDays(100));
        engine.sweep();
        assertThat(effects(moved)).isEqualTo(1);
        assertThat(effects(cancelled)).isZero();
    }

    @Test
    void shouldFireEachTimerExactlyOnceWithTwoEnginesSweepingTogether() throws Exception {
        List<UUID> subjects = new ArrayList<>();
        Instant due = clock.instant().plus(Duration.ofDays(700));
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 2000; i++) {
                UUID subject = UUID.randomUUID();
                subjects.add(subject);
                engine.schedule(RecordingHandlers.RECORD, subject, due);
            }
        });
        clock.advance(Duration.ofDays(701));

        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sweeps = List.of(engine::sweep, engine::sweep, engine::sweep, engine::sweep);
            for (Future<Integer> result : instances.invokeAll(sweeps)) {
                result.get();
            }
        } finally {
            instances.shutdown();
        }
        engine.sweep();
        long total = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from test_timer_effect where subject_id in (:subjects)").setParameter("subjects", subjects)
                .getSingleResult()).longValue());
        long distinct = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(distinct subject_id) from test_timer_effect where subject_id in (:subjects)")
                .setParameter("subjects", subjects).getSingleResult()).longValue());
        assertThat(distinct).as("no timer missed").isEqualTo(2000);
        assertThat(total).as("no timer fired twice").isEqualTo(2000);
    }

    @Test
    void shouldSetAFailingTimerAsideAndStillFireTheOthers() {
        UUID failing = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        // Fails in its batch and again when retried alone: set aside, while the other fires.
        RecordingHandlers.FAILURES_LEFT.put(failing, 2);
        Instant due = clock.instant().plus(Duration.ofDays(800));
        QuarkusTransaction.requiringNew().run(() -> {
            engine.schedule(RecordingHandlers.FAIL_ONCE, failing, due);
            engine.schedule(RecordingHandlers.RECORD, healthy, due.plusMillis(1));
        });
        clock.advance(Duration.ofDays(801));

        engine.sweep();
        assertThat(effects(healthy)).isEqualTo(1);
        assertThat(effects(failing)).as("the failed attempt left nothing").isZero();

        clock.advance(Duration.ofMinutes(1)); // past the backoff
        engine.sweep();
        assertThat(effects(failing)).isEqualTo(1);
    }

    @Test
    void shouldPinAFailureAtCommitOnItsOwnTimerAndFireTheOthers() {
        UUID failing = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofDays(810));
        QuarkusTransaction.requiringNew().run(() -> {
            engine.schedule(RecordingHandlers.FAIL_AT_COMMIT, failing, due);
            engine.schedule(RecordingHandlers.RECORD, behind, due.plusMillis(1));
        });
        clock.advance(Duration.ofDays(811));
        try {
            engine.sweep();
            assertThat(effects(behind)).as("the timer behind the failing one fired").isEqualTo(1);
            Object[] row = timerRow(failing);
            assertThat(row[0]).isEqualTo("PENDING");
            assertThat(((Number) row[1]).intValue()).as("attempts").isEqualTo(1);
            assertThat((String) row[2]).contains("test_deferred_unique_v");
            assertThat(row[3]).as("next attempt pushed back").isNotNull();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> engine.cancel(RecordingHandlers.FAIL_AT_COMMIT, failing));
        }
    }

    @Test
    void shouldMarkATimerDeadAfterItsAttemptsAndLetAnOperatorRetryIt() {
        UUID failing = UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofDays(820));
        QuarkusTransaction.requiringNew().run(() -> engine.schedule(RecordingHandlers.FAIL_AT_COMMIT, failing, due));
        clock.advance(Duration.ofDays(821));
        try {
            // timers.max-attempts is 12; the backoff never exceeds timers.max-backoff (10 minutes).
            for (int attempt = 1; attempt <= 11; attempt++) {
                engine.sweep();
                assertThat(timerRow(failing)[0]).as("after attempt " + attempt).isEqualTo("PENDING");
                clock.advance(Duration.ofMinutes(11));
            }
            engine.sweep();
            assertThat(timerRow(failing)[0]).isEqualTo("DEAD");
            assertThat(((Number) timerRow(failing)[1]).intValue()).isEqualTo(12);

            clock.advance(Duration.ofHours(2));
            engine.sweep();
            assertThat(((Number) timerRow(failing)[1]).intValue()).as("a DEAD timer is not tried again").isEqualTo(12);

            String cncs = mx.ine.redes.support.testing.TestTokens.forRole(mx.ine.redes.support.security.Roles.CNCS);
            io.restassured.RestAssured.given().auth().oauth2(cncs).get("/api/operations/timers?size=500").then().statusCode(200)
                    .body("items.findAll { it.subjectId == '" + failing + "' }.kind",
                            org.hamcrest.Matchers.contains(RecordingHandlers.FAIL_AT_COMMIT))
                    .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            String timerId = io.restassured.RestAssured.given().auth().oauth2(cncs).get("/api/operations/timers?size=500")
                    .then().extract().path("items.find { it.subjectId == '" + failing + "' }.id");
            io.restassured.RestAssured.given().auth().oauth2(cncs).post("/api/operations/timers/" + timerId + "/retry")
                    .then().statusCode(204);
            assertThat(timerRow(failing)[0]).isEqualTo("PENDING");
            assertThat(((Number) timerRow(failing)[1]).intValue()).isZero();
            io.restassured.RestAssured.given().auth().oauth2(cncs).post("/api/operations/timers/" + timerId + "/retry")
                    .then().statusCode(404).contentType("application/problem+json");
            io.restassured.RestAssured.given().auth().oauth2(mx.ine.redes.support.testing.TestTokens.forRole(
                    mx.ine.redes.support.security.Roles.INTEGRATION)).get("/api/operations/timers").then().statusCode(403);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> engine.cancel(RecordingHandlers.FAIL_AT_COMMIT, failing));
        }
    }

    private Object[] timerRow(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select status, attempts, last_error, next_attempt_at from timer where subject_id = :s order by created_at desc limit 1")
                .setParameter("s", subject).getSingleResult());
    }

    @Test
    void shouldFireOnceAfterACrashBetweenClaimAndCommit() {
        UUID subject = UUID.randomUUID();
        RecordingHandlers.FAILURES_LEFT.put(subject, 1);
        Instant due = clock.instant().plus(Duration.ofDays(900));
        QuarkusTransaction.requiringNew().run(() -> engine.schedule(RecordingHandlers.CRASH_ONCE, subject, due));
        clock.advance(Duration.ofDays(901));

        // The first attempt writes its effect, then its connection dies before the commit: the
        // effect is rolled back with the claim, and the retry fires it once.
        engine.sweep();
        clock.advance(Duration.ofMinutes(1));
        engine.sweep();
        assertThat(effects(subject)).isEqualTo(1);
        assertThat(RecordingHandlers.FAILURES_LEFT.get(subject)).as("the crash did happen").isLessThanOrEqualTo(0);
    }

    @Test
    void shouldFireEachTimerOnceWhenAnotherInstanceIsKilledMidSweep() throws Exception {
        List<UUID> subjects = new ArrayList<>();
        Instant due = clock.instant().plus(Duration.ofDays(1000)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 500; i++) {
                UUID subject = UUID.randomUUID();
                subjects.add(subject);
                engine.schedule(RecordingHandlers.RECORD, subject, due);
            }
        });
        clock.advance(Duration.ofDays(1001));

        // The other instance claims 200 timers, writes their effects, and is killed before committing.
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledSweeper.class.getName(), jdbcUrl,
                RecordingHandlers.RECORD, clock.instant().toString(), "200")
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("CLAIMED")) {
                // wait until it holds its claims
            }
            assertThat(line).isEqualTo("CLAIMED 200");
            engine.sweep(); // fires the 300 it did not claim, skipping the locked ones
            assertThat(count(subjects)).isEqualTo(300);
            other.destroyForcibly().waitFor(); // SIGKILL mid-sweep
        }
        // PostgreSQL releases the dead instance's locks once it notices the closed connection.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            engine.sweep();
            assertThat(count(subjects)).as("each effect once").isEqualTo(500);
        });
        long distinct = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(distinct subject_id) from test_timer_effect where subject_id in (:subjects)")
                .setParameter("subjects", subjects).getSingleResult()).longValue());
        assertThat(distinct).isEqualTo(500);
    }

    private long count(List<UUID> subjects) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from test_timer_effect where subject_id in (:subjects)").setParameter("subjects", subjects)
                .getSingleResult()).longValue());
    }

    private long effects(UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from test_timer_effect where subject_id = :subject").setParameter("subject", subject)
                .getSingleResult()).longValue());
    }
}
