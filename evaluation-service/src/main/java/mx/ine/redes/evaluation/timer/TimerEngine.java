package mx.ine.redes.evaluation.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.evaluation.config.TimersConfig;
import org.jboss.logging.Logger;

/**
 * Durable timers. A sweep claims due timers with {@code FOR UPDATE SKIP LOCKED}, runs each one's
 * effect and marks it fired in the same transaction: the effect commits exactly once with the
 * timer, a crash before the commit leaves the timer pending for the next sweep, and two
 * instances never claim the same timer. "Due" follows the injected clock, not the database's, so
 * the local stack's simulated clock drives the engine like real time.
 *
 * <p>A batch is one transaction. If an effect fails, the batch is rolled back and its timers are
 * retried one per transaction, so the failing one is set aside with a backoff and the others fire.
 */
@ApplicationScoped
public class TimerEngine implements Timers {

    private static final Logger LOG = Logger.getLogger(TimerEngine.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    TimersConfig config;

    @Inject
    @Any
    Instance<TimerHandler> handlerBeans;

    @Inject
    MeterRegistry meters;

    private Map<String, TimerHandler> handlers;
    private Counter fired;
    private Counter failures;
    private Timer lag;

    @PostConstruct
    void init() {
        handlers = new HashMap<>();
        for (TimerHandler handler : handlerBeans) {
            handlers.put(handler.kind(), handler);
        }
        fired = meters.counter("timers_fired_total");
        failures = meters.counter("timers_failures_total");
        lag = Timer.builder("timers_firing_lag").publishPercentileHistogram().register(meters);
        meters.gauge("timers_pending", this, engine -> engine.pendingCount());
    }

    // --- Timers -------------------------------------------------------------------------------

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, UUID subjectId, Instant dueAt) {
        entityManager.createNativeQuery("""
                        insert into timer (id, kind, subject_id, due_at, status, created_at)
                        values (:id, :kind, :subject, :due, 'PENDING', :now)
                        on conflict (kind, subject_id) where status = 'PENDING'
                        do update set due_at = excluded.due_at, attempts = 0, last_error = null, next_attempt_at = null""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("kind", kind)
                .setParameter("subject", subjectId)
                .setParameter("due", Timestamp.from(dueAt))
                .setParameter("now", Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(String kind, UUID subjectId) {
        entityManager.createNativeQuery("update timer set status = 'CANCELLED' where kind = :kind and subject_id = :subject and status = 'PENDING'")
                .setParameter("kind", kind)
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> pendingDueAt(String kind, UUID subjectId) {
        List<?> rows = entityManager.createNativeQuery("select due_at from timer where kind = :kind and subject_id = :subject and status = 'PENDING'")
                .setParameter("kind", kind)
                .setParameter("subject", subjectId)
                .getResultList();
        return rows.stream().findFirst().map(TimerEngine::toInstant);
    }

    // --- the sweep ------------------------------------------------------------------------------

    @Scheduled(every = "${timers.poll-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        if (config.enabled() && !stopping) {
            sweep();
        }
    }

    private volatile boolean stopping;

    void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Fires every timer due now, batch after batch; returns how many fired. */
    public int sweep() {
        int total = 0;
        while (true) {
            int firedNow;
            try {
                firedNow = QuarkusTransaction.requiringNew().call(() -> fireBatch(config.batchSize()));
            } catch (RuntimeException batchFailed) {
                // Some effect in the batch failed: everything rolled back. Go one by one.
                firedNow = fireOneByOne(config.batchSize());
            }
            total += firedNow;
            if (firedNow == 0) {
                return total;
            }
        }
    }

    private int fireOneByOne(int limit) {
        int count = 0;
        for (int i = 0; i < limit; i++) {
            try {
                Integer one = QuarkusTransaction.requiringNew().call(() -> fireBatch(1));
                if (one == 0) {
                    return count;
                }
                count += one;
            } catch (RuntimeException failed) {
                if (!setAside(failed)) {
                    return count; // not a timer's fault (database down, shutting down): try again next sweep
                }
            }
        }
        return count;
    }

    /** Claims up to {@code limit} due timers and fires them; runs inside the caller's transaction. */
    int fireBatch(int limit) {
        Instant now = clock.instant();
        List<Claimed> claimed = claim(limit, now);
        for (Claimed timer : claimed) {
            TimerHandler handler = handlers.get(timer.kind);
            if (handler == null) {
                throw new TimerFailure(timer.id, "No hay manejador para el tipo de temporizador " + timer.kind, null);
            }
            try {
                handler.fire(timer.subjectId, timer.dueAt, now);
            } catch (RuntimeException e) {
                throw new TimerFailure(timer.id, e.toString(), e);
            }
            entityManager.createNativeQuery("update timer set status = 'FIRED', fired_at = :now, attempts = attempts + 1 where id = :id")
                    .setParameter("now", Timestamp.from(now))
                    .setParameter("id", timer.id)
                    .executeUpdate();
            fired.increment();
            lag.record(Duration.between(timer.dueAt, now).isNegative() ? Duration.ZERO : Duration.between(timer.dueAt, now));
        }
        return claimed.size();
    }

    private List<Claimed> claim(int limit, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, kind, subject_id, due_at from timer
                        where status = 'PENDING' and coalesce(next_attempt_at, due_at) <= :now
                        order by coalesce(next_attempt_at, due_at), id
                        limit :limit
                        for update skip locked""")
                .setParameter("now", Timestamp.from(now))
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Claimed((UUID) row[0], (String) row[1], (UUID) row[2], toInstant(row[3]))).toList();
    }

    /**
     * Records the failure on the timer (in its own transaction) and pushes its next attempt back;
     * {@code false} if the failure was not a timer's own.
     */
    private boolean setAside(RuntimeException failed) {
        failures.increment();
        TimerFailure failure = null;
        for (Throwable cause = failed; cause != null && failure == null; cause = cause.getCause()) {
            if (cause instanceof TimerFailure timerFailure) {
                failure = timerFailure;
            }
        }
        if (failure == null) {
            LOG.error("Timer sweep failed", failed);
            return false;
        }
        UUID timerId = failure.timerId;
        String error = failure.getMessage();
        LOG.errorf(failure.getCause(), "Timer %s failed: %s", failure.timerId, failure.getMessage());
        QuarkusTransaction.requiringNew().run(() -> {
            Number attempts = (Number) entityManager.createNativeQuery("select attempts from timer where id = :id")
                    .setParameter("id", timerId).getSingleResult();
            Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(20, attempts.intValue()));
            Duration backoff = delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
            entityManager.createNativeQuery("""
                            update timer set attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                            where id = :id and status = 'PENDING'""")
                    .setParameter("error", error)
                    .setParameter("next", Timestamp.from(clock.instant().plus(backoff)))
                    .setParameter("id", timerId)
                    .executeUpdate();
        });
        return true;
    }

    long pendingCount() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                    .createNativeQuery("select count(*) from timer where status = 'PENDING'").getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private record Claimed(UUID id, String kind, UUID subjectId, Instant dueAt) {
    }

    /** The effect of one timer failed; carries which one so that it alone is set aside. */
    static final class TimerFailure extends RuntimeException {
        final UUID timerId;

        TimerFailure(UUID timerId, String message, Throwable cause) {
            super(message, cause);
            this.timerId = timerId;
        }
    }
}
