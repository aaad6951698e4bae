package mx.ine.redes.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mx.ine.redes.evaluation.calendar.CalendarChanged;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.rest.NonWorkingDayRequest;
import mx.ine.redes.evaluation.service.CalendarService;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Calendar changes are serialised and no deadline is issued under a stale version (domain.md §3),
 * against the real PostgreSQL. Another instance of the service is simulated by a plain JDBC
 * connection that changes the tables the way the service does (advisory lock, data, version row).
 * Uses 2037, which no other test touches, and leaves its days removed.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class CalendarConsistencyTest {

    /** What each 2037 change's own transaction saw of the calendar while it recomputed. */
    @ApplicationScoped
    static class RecomputationProbe {
        static final Map<Long, Set<LocalDate>> SEEN = new ConcurrentHashMap<>();
        static final Map<Long, Long> CURRENT_VERSION = new ConcurrentHashMap<>();

        @Inject
        CalendarService calendar;

        void seen(@Observes CalendarChanged change) {
            if (!change.description().contains("2037-")) {
                return;
            }
            // What RequestService's recomputation would use, and what current() answers inside the change.
            SEEN.put(change.calendarVersion(), Set.copyOf(calendar.load().instituteDays().keySet()));
            CURRENT_VERSION.put(change.calendarVersion(), calendar.current().calendarVersion());
        }
    }

    @Inject
    CalendarService calendar;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void shouldSerialiseTwoConcurrentChangesIntoConsecutiveVersionsEachSeeingTheOther() throws Exception {
        LocalDate first = LocalDate.of(2037, 3, 3);
        LocalDate second = LocalDate.of(2037, 3, 6);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = instances.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                calendar.addNonWorkingDay(new NonWorkingDayRequest(first, "prueba concurrente A", "DOF prueba 2037"), "a@ine.mx");
                firstHoldsTheLock.countDown();
                await(releaseFirst);
            }));
            assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> b = instances.submit(() -> QuarkusTransaction.requiringNew().run(() ->
                    calendar.addNonWorkingDay(new NonWorkingDayRequest(second, "prueba concurrente B", "DOF prueba 2037"), "b@ine.mx")));
            // B must be waiting for A's lock (without the lock it would read the calendar without A's day).
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitingForAdvisoryLock() == 1);
            releaseFirst.countDown();
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            releaseFirst.countDown();
            instances.shutdownNow();
        }
        try {
            List<CalendarChange> log = QuarkusTransaction.requiringNew().call(() -> calendar.changeLog(new mx.ine.redes.support.paging.PageRequest(0, 500)).items());
            CalendarChange byA = log.stream().filter(c -> c.description.contains(first.toString())).findFirst().orElseThrow();
            CalendarChange byB = log.stream().filter(c -> c.description.contains(second.toString())).findFirst().orElseThrow();
            assertThat(byB.version).isEqualTo(byA.version + 1);
            assertThat(log.getFirst().version).isEqualTo(byB.version);
            assertThat(RecomputationProbe.SEEN.get(byA.version)).contains(first).doesNotContain(second);
            assertThat(RecomputationProbe.SEEN.get(byB.version)).contains(first, second);
            // Inside a change, current() answers with that change's own version.
            assertThat(RecomputationProbe.CURRENT_VERSION.get(byB.version)).isEqualTo(byB.version);
            assertThat(calendar.calculator().calendarVersion()).isEqualTo(byB.version);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> calendar.removeNonWorkingDay(first, "test"));
            QuarkusTransaction.requiringNew().run(() -> calendar.removeNonWorkingDay(second, "test"));
        }
    }

    @Test
    void shouldNeverAnswerCurrentFromAStaleSnapshotNorDuringAnotherInstancesChange() throws Exception {
        LocalDate committedElsewhere = LocalDate.of(2037, 3, 4);
        LocalDate inFlight = LocalDate.of(2037, 3, 5);
        long before = QuarkusTransaction.requiringNew().call(() -> calendar.current().calendarVersion());
        assertThat(calendar.calculator().calendarVersion()).isEqualTo(before);
        assertThat(calendar.calculator().isBusinessDay(committedElsewhere)).isTrue();

        // The other instance commits a change; this instance hears nothing of it (no event, no refresh yet).
        try (Connection other = connect()) {
            changeAsAnotherInstance(other, committedElsewhere);
            other.commit();
        }
        DeadlineCalculator current = QuarkusTransaction.requiringNew().call(calendar::current);
        assertThat(current.calendarVersion()).isEqualTo(before + 1);
        assertThat(current.isBusinessDay(committedElsewhere)).isFalse();
        assertThat(calendar.calculator().calendarVersion()).isEqualTo(before + 1);

        // The other instance is in the middle of a change: current() waits for it and answers with it.
        ExecutorService issuer = Executors.newSingleThreadExecutor();
        try (Connection other = connect()) {
            changeAsAnotherInstance(other, inFlight);
            Future<DeadlineCalculator> issued = issuer.submit(() -> QuarkusTransaction.requiringNew().call(calendar::current));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waitingForAdvisoryLock() == 1);
            assertThat(issued.isDone()).isFalse();
            other.commit();
            DeadlineCalculator afterWait = issued.get(30, TimeUnit.SECONDS);
            assertThat(afterWait.calendarVersion()).isEqualTo(before + 2);
            assertThat(afterWait.isBusinessDay(inFlight)).isFalse();
        } finally {
            issuer.shutdownNow();
            QuarkusTransaction.requiringNew().run(() -> calendar.removeNonWorkingDay(committedElsewhere, "test"));
            QuarkusTransaction.requiringNew().run(() -> calendar.removeNonWorkingDay(inFlight, "test"));
        }
    }

    @Test
    void shouldRefuseCurrentOutsideATransaction() {
        // Without the caller's transaction the shared lock would be gone before the deadline is written.
        assertThatThrownBy(() -> calendar.current()).isInstanceOf(TransactionalException.class);
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        connection.setAutoCommit(false);
        return connection;
    }

    /** What CalendarService does on another instance, left uncommitted: lock, data, next version. */
    private static void changeAsAnotherInstance(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CalendarService.CALENDAR_LOCK_KEY);
            lock.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into non_working_day (day, description, source_reference, "
                + "created_at, created_by) values (?, 'otra instancia', 'DOF prueba 2037', now(), 'otra@ine.mx')")) {
            insert.setObject(1, day);
            insert.executeUpdate();
        }
        try (PreparedStatement version = connection.prepareStatement("insert into calendar_change (version, changed_at, changed_by, "
                + "description) select coalesce(max(version), 0) + 1, now(), 'otra@ine.mx', ? from calendar_change")) {
            version.setString(1, "Día inhábil agregado por otra instancia: " + day);
            version.executeUpdate();
        }
    }

    private long waitingForAdvisoryLock() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
