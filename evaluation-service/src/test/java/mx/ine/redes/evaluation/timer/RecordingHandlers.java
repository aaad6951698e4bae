package mx.ine.redes.evaluation.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test effects that write a row in the timer's own transaction, so the table shows exactly how
 * many times each timer's effect committed.
 */
final class RecordingHandlers {

    static final String RECORD = "TEST_RECORD";
    static final String FAIL_ONCE = "TEST_FAIL_ONCE";
    static final String CRASH_ONCE = "TEST_CRASH_ONCE";
    static final String FAIL_AT_COMMIT = "TEST_FAIL_AT_COMMIT";

    /** How many more attempts of a subject's effect must fail (or crash). */
    static final Map<UUID, Integer> FAILURES_LEFT = new ConcurrentHashMap<>();

    static boolean failsNow(UUID subjectId) {
        Integer left = FAILURES_LEFT.computeIfPresent(subjectId, (id, n) -> n - 1);
        return left != null && left >= 0;
    }

    private RecordingHandlers() {
    }

    static void record(EntityManager entityManager, UUID subjectId, Instant firedAt) {
        entityManager.createNativeQuery("insert into test_timer_effect (subject_id, fired_at) values (:subject, :at)")
                .setParameter("subject", subjectId)
                .setParameter("at", java.sql.Timestamp.from(firedAt))
                .executeUpdate();
    }

    @ApplicationScoped
    static class Record implements TimerHandler {
        @Inject
        EntityManager entityManager;

        @Override
        public String kind() {
            return RECORD;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            record(entityManager, subjectId, firedAt);
        }
    }

    @ApplicationScoped
    static class FailOnce implements TimerHandler {
        @Inject
        EntityManager entityManager;

        @Override
        public String kind() {
            return FAIL_ONCE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            record(entityManager, subjectId, firedAt);
            if (failsNow(subjectId)) {
                throw new IllegalStateException("efecto fallido a propósito");
            }
        }
    }

    /** Kills its own database connection after writing its effect: a crash between claim and commit. */
    @ApplicationScoped
    static class CrashOnce implements TimerHandler {
        @Inject
        EntityManager entityManager;

        @Override
        public String kind() {
            return CRASH_ONCE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            record(entityManager, subjectId, firedAt);
            if (failsNow(subjectId)) {
                entityManager.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getResultList();
            }
        }
    }

    /**
     * Writes a duplicate into a table whose unique constraint is checked only at commit: the effect
     * itself returns normally, and the transaction fails when it commits.
     */
    @ApplicationScoped
    static class FailAtCommit implements TimerHandler {
        @Inject
        EntityManager entityManager;

        @Override
        public String kind() {
            return FAIL_AT_COMMIT;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            entityManager.createNativeQuery("insert into test_deferred_unique (v) values (1), (1)").executeUpdate();
        }
    }
}
