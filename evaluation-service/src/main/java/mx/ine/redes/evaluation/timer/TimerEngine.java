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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
        meters.gauge("timers_dead", this, engine -> engine.count("DEAD"));
        meters.gauge("timers_overdue", this, engine -> engine.overdueCount());
    }

    // --- Timers -------------------------------------------------------------------------------

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, UUID subjectId, Instant dueAt) {
        cancel(kind, subjectId);
        entityManager.createNativeQuery("""
                        insert into timer (id, kind, subject_id, due_at, status, created_at)
                        values (:id, :kind, :subject, :due, 'PENDING', :now)""")
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
        cancel(List.of(kind), subjectId);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Collection<String> kinds, UUID subjectId) {
        // SKIP LOCKED: a timer a sweep is firing right now is left to it; its handler waits for the
        // subject's lock, which the caller holds, and then finds nothing to do.
        entityManager.createNativeQuery("""
                        update timer set status = 'CANCELLED'
                        where id in (select id from timer where kind in (:kinds) and subject_id = :subject and status = 'PENDING'
                                     for update skip locked)""")
                .setParameter("kinds", List.copyOf(kinds))
                .setParameter("subject", subjectId)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> pendingDueAt(String kind, UUID subjectId) {
        List<?> rows = entityManager.createNativeQuery("""
                        select due_at from timer where kind = :kind and subject_id = :subject and status = 'PENDING'
                        order by created_at desc, due_at desc limit 1""")
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
                firedNow = QuarkusTransaction.requiringNew().call(() -> fireBatch(config.batchSize(), new AtomicReference<>()));
            } catch (RuntimeException batchFailed) {
                // Some effect, flush or the commit failed: everything rolled back. Go one by one, so
                // the failure is pinned on its own timer and the others fire.
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
            AtomicReference<UUID> current = new AtomicReference<>();
            try {
                Integer one = QuarkusTransaction.requiringNew().call(() -> fireBatch(1, current));
                if (one == 0) {
                    return count;
                }
                count += one;
            } catch (RuntimeException failed) {
                // Whatever failed — the effect, its flush or the commit — failed for this timer.
                if (current.get() == null || !setAside(current.get(), failed)) {
                    return count; // not a timer's fault (database down, shutting down): try again next sweep
                }
            }
        }
        return count;
    }

    /**
     * Claims up to {@code limit} due timers and fires them; runs inside the caller's transaction.
     * {@code current} names the timer being fired, so that a failure is attributed to it.
     */
    int fireBatch(int limit, AtomicReference<UUID> current) {
        Instant now = clock.instant();
        List<Claimed> claimed = claim(limit, now);
        for (Claimed timer : claimed) {
            current.set(timer.id);
            TimerHandler handler = handlers.get(timer.kind);
            if (handler == null) {
                throw new IllegalStateException("No hay manejador para el tipo de temporizador " + timer.kind);
            }
            handler.fire(timer.subjectId, timer.dueAt, now);
            entityManager.createNativeQuery("update timer set status = 'FIRED', fired_at = :now, attempts = attempts + 1 where id = :id")
                    .setParameter("now", Timestamp.from(now))
                    .setParameter("id", timer.id)
                    .executeUpdate();
            // Flush here, not at the commit, so that a failing write is this timer's failure.
            entityManager.flush();
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
     * Records the failure on the timer (in its own transaction) and pushes its next attempt back,
     * or marks it DEAD after the configured attempts; {@code false} if even that could not be
     * written (the database is down): nothing is the timer's fault then.
     */
    private boolean setAside(UUID timerId, RuntimeException failed) {
        failures.increment();
        String error = describe(failed);
        String lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        LOG.errorf(failed, "Timer %s failed: %s", timerId, lastError);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Number attempts = (Number) entityManager.createNativeQuery("select attempts from timer where id = :id")
                        .setParameter("id", timerId).getSingleResult();
                int made = attempts.intValue() + 1;
                if (made >= config.maxAttempts()) {
                    entityManager.createNativeQuery("""
                                    update timer set attempts = :made, last_error = :error, status = 'DEAD'
                                    where id = :id and status = 'PENDING'""")
                            .setParameter("made", made)
                            .setParameter("error", lastError)
                            .setParameter("id", timerId)
                            .executeUpdate();
                    LOG.errorf("Timer %s is DEAD after %d attempts; an operator must retry it", timerId, made);
                    return;
                }
                Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(20, attempts.intValue()));
                Duration backoff = delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
                entityManager.createNativeQuery("""
                                update timer set attempts = :made, last_error = :error, next_attempt_at = :next
                                where id = :id and status = 'PENDING'""")
                        .setParameter("made", made)
                        .setParameter("error", lastError)
                        .setParameter("next", Timestamp.from(clock.instant().plus(backoff)))
                        .setParameter("id", timerId)
                        .executeUpdate();
            });
            return true;
        } catch (RuntimeException alsoFailed) {
            LOG.error("Could not set timer " + timerId + " aside", alsoFailed);
            return false;
        }
    }

    /**
     * What went wrong, for the operator: the exception and its causes, and what the transaction
     * manager keeps as suppressed (a commit refused by the database arrives that way).
     */
    static String describe(Throwable failed) {
        StringBuilder text = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>(List.of(failed));
        while (!pending.isEmpty() && seen.size() < 20) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            text.append(text.isEmpty() ? "" : " <- ").append(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return text.toString();
    }

    /** The DEAD timers, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadTimer> dead(int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, kind, subject_id, due_at, attempts, last_error from timer where status = 'DEAD'
                        order by created_at, id limit :limit offset :offset""")
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        return rows.stream().map(row -> new DeadTimer((UUID) row[0], (String) row[1], (UUID) row[2], toInstant(row[3]),
                ((Number) row[4]).intValue(), (String) row[5])).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long deadCount() {
        return ((Number) entityManager.createNativeQuery("select count(*) from timer where status = 'DEAD'")
                .getSingleResult()).longValue();
    }

    /** An operator retries a DEAD timer: pending again, due now, attempts counted afresh. */
    @Transactional
    public boolean retry(UUID timerId) {
        return entityManager.createNativeQuery("""
                        update timer set status = 'PENDING', attempts = 0, next_attempt_at = :now
                        where id = :id and status = 'DEAD'""")
                .setParameter("now", Timestamp.from(clock.instant()))
                .setParameter("id", timerId)
                .executeUpdate() == 1;
    }

    public record DeadTimer(UUID id, String kind, UUID subjectId, Instant dueAt, int attempts, String lastError) {
    }

    long pendingCount() {
        return count("PENDING");
    }

    private long count(String status) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                    .createNativeQuery("select count(*) from timer where status = :status")
                    .setParameter("status", status).getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The backlog: pending timers already due (a healthy engine keeps this near zero). */
    public long overdueCount() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                    .createNativeQuery("select count(*) from timer where status = 'PENDING' and coalesce(next_attempt_at, due_at) <= :now")
                    .setParameter("now", Timestamp.from(clock.instant())).getSingleResult()).longValue());
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
}
