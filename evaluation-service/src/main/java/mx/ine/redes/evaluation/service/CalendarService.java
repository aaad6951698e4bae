package mx.ine.redes.evaluation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mx.ine.redes.evaluation.CalendarChange;
import mx.ine.redes.evaluation.ElectoralProcess;
import mx.ine.redes.evaluation.InstituteNonWorkingDay;
import mx.ine.redes.evaluation.calendar.BusinessCalendar;
import mx.ine.redes.evaluation.calendar.CalendarChanged;
import mx.ine.redes.evaluation.calendar.Deadline;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.calendar.Deadlines;
import mx.ine.redes.evaluation.config.CalendarConfig;
import mx.ine.redes.evaluation.rest.ElectoralProcessRequest;
import mx.ine.redes.evaluation.rest.NonWorkingDayRequest;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * The calendar: its data changes here (each change one version, recorded and announced inside the
 * same transaction) and deadlines are answered from an in-memory snapshot of the current version,
 * replaced after each commit and whenever another instance has moved the version on.
 *
 * <p><b>Serialisation.</b> Every change transaction takes the PostgreSQL advisory lock
 * {@link #CALENDAR_LOCK_KEY} exclusively ({@code pg_advisory_xact_lock}) before it reads or writes
 * anything, and holds it to its commit. So two changes, on this instance or another, run one after
 * the other: they get consecutive versions, and the second one's recomputation of open deadlines
 * sees the first one's data (and the deadlines the first one moved).
 *
 * <p><b>No deadline under a stale version.</b> {@link #current()} takes the same lock in shared mode
 * ({@code pg_advisory_xact_lock_shared}) and returns a calculator at exactly the committed version;
 * the shared lock is held until the caller's transaction ends, so no calendar change can commit in
 * between: either the change committed first (and the caller computes with it), or it waits for
 * the caller's commit and its recomputation then sees the caller's new deadlines. The
 * {@link Deadlines} methods of this bean answer from the snapshot instead (no lock, no query when
 * the snapshot is fresh; a change made through another instance is seen within
 * {@code calendar.refresh-interval}): good for "is it business time now", not for issuing a term.
 */
@ApplicationScoped
@Transactional
public class CalendarService implements Deadlines {

    /**
     * The advisory lock that serialises calendar changes (exclusive) against each other and
     * against the issuing of deadlines (shared). A fixed key, the same on every instance
     * ("INECALEN" in ASCII); nothing else in this database uses advisory locks with it.
     */
    public static final long CALENDAR_LOCK_KEY = 0x494E4543414C454EL;

    /** Marks, in the transaction's registry, a transaction that holds the change lock. */
    private static final Object CHANGING = CalendarService.class.getName() + ".changing";

    /** Committed calendar changes: the snapshot is replaced only once the change is durable. */
    record Committed(long version) {
    }

    @Inject
    CalendarConfig config;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    Event<CalendarChanged> changes;

    @Inject
    Event<Committed> committed;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The snapshot: only ever replaced by a higher version (see {@link #publish}). */
    private final AtomicReference<DeadlineCalculator> snapshot = new AtomicReference<>();
    /** The highest version known to be committed; a snapshot below it is reloaded on next use. */
    private final AtomicLong knownCommitted = new AtomicLong(-1);

    // --- Deadlines (from the snapshot) ------------------------------------------------------

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Instant effectiveTime(Instant act) {
        return calculator().effectiveTime(act);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Deadline afterBusinessDays(Instant act, int businessDays) {
        return calculator().afterBusinessDays(act, businessDays);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Deadline submissionWindow(Instant requestAct, YearMonth windowMonth) {
        return calculator().submissionWindow(requestAct, windowMonth);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isBusinessTime(Instant instant) {
        return calculator().isBusinessTime(instant);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Instant nextBusinessTime(Instant instant) {
        return calculator().nextBusinessTime(instant);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isBusinessDay(LocalDate day) {
        return calculator().isBusinessDay(day);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> reminderTime(Instant dueAt, int businessDaysBefore) {
        return calculator().reminderTime(dueAt, businessDaysBefore);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> adHocDue(LocalDate day) {
        return calculator().adHocDue(day);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public long calendarVersion() {
        return calculator().calendarVersion();
    }

    /**
     * The snapshot's calculator (loaded on first use and after a change). Inside a transaction
     * that is changing the calendar, the calendar as that transaction sees it (its own change
     * included), never published to other threads.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadlineCalculator calculator() {
        if (changingInThisTransaction()) {
            return new DeadlineCalculator(load());
        }
        DeadlineCalculator calculator = snapshot.get();
        if (calculator != null && calculator.calendarVersion() >= knownCommitted.get()) {
            return calculator;
        }
        return publish(loadCommitted());
    }

    /**
     * A calculator <b>guaranteed at the current committed calendar version</b>, for whoever issues
     * or moves a deadline: opening a cycle, issuing an ad hoc request, recomputing a term from the
     * instant its notice left, the head's term of the Art. 15 chain. It must be called inside the
     * caller's transaction (READ COMMITTED, the default), and <b>first</b> in it, before that
     * transaction locks or writes rows a calendar change would recompute (requests, timers):
     * it takes the calendar lock in shared mode and holds it until the caller commits, so a
     * change waits for the caller (and then recomputes what the caller issued); taken after the
     * caller locked such rows, a change already waiting for those rows would deadlock with it
     * (PostgreSQL would then abort one of the two).
     *
     * <p>Cost: one advisory lock and one indexed query; the calendar is reloaded only if another
     * instance's change has not reached this snapshot yet. Inside a change transaction it answers
     * with that transaction's own calendar.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DeadlineCalculator current() {
        if (changingInThisTransaction()) {
            return new DeadlineCalculator(load());
        }
        lock("pg_advisory_xact_lock_shared");
        long version = databaseVersion();
        knownCommitted.accumulateAndGet(version, Math::max);
        DeadlineCalculator calculator = snapshot.get();
        if (calculator != null && calculator.calendarVersion() == version) {
            return calculator;
        }
        // Under the shared lock no change is in flight: what load() reads is exactly this version.
        DeadlineCalculator fresh = new DeadlineCalculator(load(version));
        publish(fresh);
        return fresh;
    }

    /**
     * The calendar as this transaction sees it, including its own uncommitted change: what the
     * recomputation of open deadlines must use.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BusinessCalendar load() {
        return load(databaseVersion());
    }

    private BusinessCalendar load(long version) {
        Map<LocalDate, BusinessCalendar.InstituteDay> days = new HashMap<>();
        for (InstituteNonWorkingDay day : InstituteNonWorkingDay.<InstituteNonWorkingDay>listAll()) {
            days.put(day.day, new BusinessCalendar.InstituteDay(day.day, day.description, day.sourceReference));
        }
        List<BusinessCalendar.ElectoralPeriod> periods = ElectoralProcess.<ElectoralProcess>list("order by startsOn").stream()
                .map(process -> new BusinessCalendar.ElectoralPeriod(process.name, process.startsOn, process.endsOn))
                .toList();
        return new BusinessCalendar(version, config.zone(), config.opensAt(), config.closesAt(), days, periods);
    }

    /**
     * A committed version read without taking the lock (the snapshot must not wait for, or
     * deadlock with, a change in flight): every change commits its data together with a new
     * version row, so if the version is the same before and after reading the data, no change
     * committed in between and the data is that version's.
     */
    private DeadlineCalculator loadCommitted() {
        for (int attempt = 0; attempt < 20; attempt++) {
            long before = databaseVersion();
            BusinessCalendar calendar = load(before);
            if (databaseVersion() == before) {
                knownCommitted.accumulateAndGet(before, Math::max);
                return new DeadlineCalculator(calendar);
            }
        }
        throw new IllegalStateException("The calendar kept changing while it was being read");
    }

    /** Keeps the higher of the published and the new version: a slow reload never goes back. */
    private DeadlineCalculator publish(DeadlineCalculator fresh) {
        return snapshot.accumulateAndGet(fresh,
                (old, candidate) -> old == null || candidate.calendarVersion() > old.calendarVersion() ? candidate : old);
    }

    private long databaseVersion() {
        return CalendarChange.getEntityManager()
                .createQuery("select coalesce(max(c.version), 0) from CalendarChange c", Long.class).getSingleResult();
    }

    private void lock(String function) {
        CalendarChange.getEntityManager().createNativeQuery("select 1 from " + function + "(:key)")
                .setParameter("key", CALENDAR_LOCK_KEY).getSingleResult();
    }

    /** Taken first by every change transaction: see the class comment. */
    private void lockForChange() {
        if (!changingInThisTransaction()) {
            lock("pg_advisory_xact_lock");
            transactions.putResource(CHANGING, Boolean.TRUE);
        }
    }

    private boolean changingInThisTransaction() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE && transactions.getResource(CHANGING) != null;
    }

    // --- changes ----------------------------------------------------------------------------

    public InstituteNonWorkingDay addNonWorkingDay(NonWorkingDayRequest request, String actor) {
        lockForChange();
        if (InstituteNonWorkingDay.findByIdOptional(request.day()).isPresent()) {
            throw ProblemException.conflict(Text.of("El día " + request.day() + " ya está registrado como inhábil.",
                    "The day " + request.day() + " is already registered as non-working."),
                    List.of(ProblemException.Violation.field("day", Text.of("Ya registrado.", "Already registered."))));
        }
        InstituteNonWorkingDay day = newDay(request, actor);
        recordChange(actor, "Día inhábil agregado: " + request.day() + " — " + request.description()
                + " (" + request.sourceReference() + ")");
        return day;
    }

    public void removeNonWorkingDay(LocalDate date, String actor) {
        lockForChange();
        InstituteNonWorkingDay day = InstituteNonWorkingDay.<InstituteNonWorkingDay>findByIdOptional(date)
                .orElseThrow(() -> ProblemException.notFound(Text.of("El día " + date + " no está registrado como inhábil.",
                        "The day " + date + " is not registered as non-working.")));
        String description = "Día inhábil retirado: " + date + " — " + day.description + " (" + day.sourceReference + ")";
        day.delete();
        recordChange(actor, description);
    }

    /** Replaces the year's non-working days with these: one transaction, one calendar version. */
    public List<InstituteNonWorkingDay> replaceYear(int year, List<NonWorkingDayRequest> requests, String actor) {
        lockForChange();
        List<ProblemException.Violation> wrong = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).day().getYear() != year) {
                wrong.add(ProblemException.Violation.field("[" + i + "].day",
                        Text.of("No es del año " + year + ".", "Not in the year " + year + ".")));
            }
            for (int j = 0; j < i; j++) {
                if (requests.get(j).day().equals(requests.get(i).day())) {
                    wrong.add(ProblemException.Violation.field("[" + i + "].day", Text.of(
                            "El día " + requests.get(i).day() + " está repetido (ya figura en [" + j + "]).",
                            "The day " + requests.get(i).day() + " is repeated (already at [" + j + "]).")));
                    break;
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(Text.of("Todos los días deben ser del año " + year + " y distintos; no se cambió nada.",
                    "Every day must be in the year " + year + " and appear once; nothing was changed."), wrong);
        }
        long removed = InstituteNonWorkingDay.delete("day between ?1 and ?2", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        InstituteNonWorkingDay.flush();
        List<InstituteNonWorkingDay> days = requests.stream().map(request -> newDay(request, actor)).toList();
        recordChange(actor, "Días inhábiles de " + year + " reemplazados: " + removed + " retirados, " + days.size()
                + " cargados");
        return days;
    }

    public ElectoralProcess addElectoralProcess(ElectoralProcessRequest request, String actor) {
        lockForChange();
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", Text.of("El proceso no puede terminar antes de empezar.",
                    "The process cannot end before it starts."));
        }
        Period longest = config.maxElectoralProcessLength();
        if (request.endsOn().isAfter(request.startsOn().plus(longest))) {
            Text tooLong = Text.of("Un proceso electoral dura a lo más " + longest + " (calendar.max-electoral-process-length): "
                            + request.startsOn() + " a " + request.endsOn() + " es más largo.",
                    "An electoral process lasts at most " + longest + " (calendar.max-electoral-process-length): "
                            + request.startsOn() + " to " + request.endsOn() + " is longer.");
            throw ProblemException.unprocessable(tooLong, List.of(ProblemException.Violation.field("startsOn", tooLong),
                    ProblemException.Violation.field("endsOn", tooLong)));
        }
        String name = request.name().strip();
        Optional<ElectoralProcess> identical = ElectoralProcess.<ElectoralProcess>find(
                        "lower(name) = ?1 and startsOn = ?2 and endsOn = ?3", name.toLowerCase(java.util.Locale.ROOT),
                        request.startsOn(), request.endsOn()).firstResultOptional();
        if (identical.isPresent()) {
            throw ProblemException.conflict(Text.of("El proceso electoral " + identical.get().name + " (" + request.startsOn()
                            + " a " + request.endsOn() + ") ya está registrado: " + identical.get().id + ".",
                    "The electoral process " + identical.get().name + " (" + request.startsOn() + " to " + request.endsOn()
                            + ") is already registered: " + identical.get().id + "."),
                    List.of(ProblemException.Violation.field("name", Text.of("Ya registrado con esas fechas.",
                            "Already registered with those dates."))));
        }
        ElectoralProcess process = new ElectoralProcess();
        process.id = UUID.randomUUID();
        process.name = name;
        process.startsOn = request.startsOn();
        process.endsOn = request.endsOn();
        process.sourceReference = request.sourceReference();
        process.createdAt = clock.instant();
        process.createdBy = actor;
        process.persist();
        recordChange(actor, "Proceso electoral agregado: " + process.name + " (" + process.startsOn + " a "
                + process.endsOn + ")");
        return process;
    }

    public void removeElectoralProcess(UUID id, String actor) {
        lockForChange();
        ElectoralProcess process = ElectoralProcess.<ElectoralProcess>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(Text.of("No existe el proceso electoral " + id + ".",
                        "There is no electoral process " + id + ".")));
        String description = "Proceso electoral retirado: " + process.name + " (" + process.startsOn + " a "
                + process.endsOn + ")";
        process.delete();
        recordChange(actor, description);
    }

    /** The Institute's non-working days (of one year, or all), by day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InstituteNonWorkingDay> nonWorkingDays(Integer year, PageRequest page) {
        if (year == null) {
            return page(InstituteNonWorkingDay.find("order by day"), page);
        }
        return page(InstituteNonWorkingDay.find("day between ?1 and ?2 order by day", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31)), page);
    }

    /** The electoral processes, by first day, then name, then id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ElectoralProcess> electoralProcesses(PageRequest page) {
        return page(ElectoralProcess.find("order by startsOn, name, id"), page);
    }

    /** The calendar's versions, the newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CalendarChange> changeLog(PageRequest page) {
        return page(CalendarChange.find("order by version desc"), page);
    }

    private static <T> Page<T> page(io.quarkus.hibernate.orm.panache.PanacheQuery<T> query, PageRequest page) {
        return page.of(query.count(), () -> query.range(page.firstResult(), page.firstResult() + page.size() - 1).list());
    }

    private InstituteNonWorkingDay newDay(NonWorkingDayRequest request, String actor) {
        InstituteNonWorkingDay day = new InstituteNonWorkingDay();
        day.day = request.day();
        day.description = request.description().strip();
        day.sourceReference = request.sourceReference().strip();
        day.createdAt = clock.instant();
        day.createdBy = actor;
        day.persist();
        return day;
    }

    private void recordChange(String actor, String description) {
        if (!changingInThisTransaction()) {
            throw new IllegalStateException("A calendar change must hold the calendar lock");
        }
        CalendarChange change = new CalendarChange();
        // Under the lock: the previous committed version + 1, consecutive and in commit order.
        change.version = databaseVersion() + 1;
        change.changedAt = clock.instant();
        change.changedBy = actor;
        change.description = description;
        change.persist();
        CalendarChange.flush();
        audit.record(new AuditTrail.Act(actor, "CALENDAR_CHANGED", "CALENDAR", String.valueOf(change.version), null, null, null,
                description, java.util.Map.of("calendarVersion", String.valueOf(change.version))));
        // Synchronous and inside this transaction: open deadlines move with the change, or neither does.
        changes.fire(new CalendarChanged(change.version, description));
        committed.fire(new Committed(change.version));
    }

    void reloadAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Committed change) {
        knownCommitted.accumulateAndGet(change.version(), Math::max);
    }

    /** Another instance may have changed the calendar: reload when the version moved on. */
    @Scheduled(every = "${calendar.refresh-interval:PT15S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshIfChangedElsewhere() {
        DeadlineCalculator calculator = snapshot.get();
        if (calculator == null) {
            return;
        }
        long version = databaseVersion();
        if (version != calculator.calendarVersion()) {
            knownCommitted.accumulateAndGet(version, Math::max);
            publish(loadCommitted());
        }
    }
}
