package mx.ine.redes.evaluation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import mx.ine.redes.support.problem.Problem;
import mx.ine.redes.support.problem.ProblemException;

/**
 * The calendar: its data changes here (each change one version, recorded and announced inside the
 * same transaction) and deadlines are answered from an in-memory snapshot of the current version,
 * replaced after each commit and whenever another instance has moved the version on.
 */
@ApplicationScoped
@Transactional
public class CalendarService implements Deadlines {

    /** Committed calendar changes: the snapshot is replaced only once the change is durable. */
    record Committed(long version) {
    }

    @Inject
    CalendarConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<CalendarChanged> changes;

    @Inject
    Event<Committed> committed;

    private final AtomicReference<DeadlineCalculator> current = new AtomicReference<>();

    // --- Deadlines --------------------------------------------------------------------------

    @Override
    public Instant effectiveTime(Instant act) {
        return calculator().effectiveTime(act);
    }

    @Override
    public Deadline afterBusinessDays(Instant act, int businessDays) {
        return calculator().afterBusinessDays(act, businessDays);
    }

    @Override
    public Deadline submissionWindow(Instant requestAct, YearMonth windowMonth) {
        return calculator().submissionWindow(requestAct, windowMonth);
    }

    @Override
    public boolean isBusinessTime(Instant instant) {
        return calculator().isBusinessTime(instant);
    }

    @Override
    public Instant nextBusinessTime(Instant instant) {
        return calculator().effectiveTime(instant);
    }

    @Override
    public long calendarVersion() {
        return calculator().calendar().version();
    }

    /** The current version's calculator (loaded on first use). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeadlineCalculator calculator() {
        DeadlineCalculator calculator = current.get();
        if (calculator == null) {
            calculator = new DeadlineCalculator(load());
            current.compareAndSet(null, calculator);
        }
        return calculator;
    }

    /**
     * The calendar as this transaction sees it, including its own uncommitted change: what the
     * recomputation of open deadlines must use.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BusinessCalendar load() {
        Long version = CalendarChange.getEntityManager()
                .createQuery("select coalesce(max(c.version), 0) from CalendarChange c", Long.class).getSingleResult();
        Map<LocalDate, BusinessCalendar.InstituteDay> days = new HashMap<>();
        for (InstituteNonWorkingDay day : InstituteNonWorkingDay.<InstituteNonWorkingDay>listAll()) {
            days.put(day.day, new BusinessCalendar.InstituteDay(day.day, day.description, day.sourceReference));
        }
        List<BusinessCalendar.ElectoralPeriod> periods = ElectoralProcess.<ElectoralProcess>list("order by startsOn").stream()
                .map(process -> new BusinessCalendar.ElectoralPeriod(process.name, process.startsOn, process.endsOn))
                .toList();
        return new BusinessCalendar(version, config.zone(), config.opensAt(), config.closesAt(), days, periods);
    }

    // --- changes ----------------------------------------------------------------------------

    public InstituteNonWorkingDay addNonWorkingDay(NonWorkingDayRequest request, String actor) {
        if (InstituteNonWorkingDay.findByIdOptional(request.day()).isPresent()) {
            throw ProblemException.conflict("El día " + request.day() + " ya está registrado como inhábil.");
        }
        InstituteNonWorkingDay day = newDay(request, actor);
        recordChange(actor, "Día inhábil agregado: " + request.day() + " — " + request.description()
                + " (" + request.sourceReference() + ")");
        return day;
    }

    public void removeNonWorkingDay(LocalDate date, String actor) {
        InstituteNonWorkingDay day = InstituteNonWorkingDay.<InstituteNonWorkingDay>findByIdOptional(date)
                .orElseThrow(() -> ProblemException.notFound("El día " + date + " no está registrado como inhábil."));
        String description = "Día inhábil retirado: " + date + " — " + day.description + " (" + day.sourceReference + ")";
        day.delete();
        recordChange(actor, description);
    }

    /** Replaces the year's non-working days with these: one transaction, one calendar version. */
    public List<InstituteNonWorkingDay> replaceYear(int year, List<NonWorkingDayRequest> requests, String actor) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).day().getYear() != year) {
                throw new ProblemException(400, null, "Todos los días deben ser del año " + year + ".",
                        List.of(new Problem.InvalidField("[" + i + "].day", "No es del año " + year + ".")));
            }
            for (int j = 0; j < i; j++) {
                if (requests.get(j).day().equals(requests.get(i).day())) {
                    throw ProblemException.invalid("[" + i + "].day", "El día " + requests.get(i).day() + " está repetido.");
                }
            }
        }
        long removed = InstituteNonWorkingDay.delete("day between ?1 and ?2", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        InstituteNonWorkingDay.flush();
        List<InstituteNonWorkingDay> days = requests.stream().map(request -> newDay(request, actor)).toList();
        recordChange(actor, "Días inhábiles de " + year + " reemplazados: " + removed + " retirados, " + days.size()
                + " cargados");
        return days;
    }

    public ElectoralProcess addElectoralProcess(ElectoralProcessRequest request, String actor) {
        if (request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.invalid("endsOn", "El proceso no puede terminar antes de empezar.");
        }
        ElectoralProcess process = new ElectoralProcess();
        process.id = UUID.randomUUID();
        process.name = request.name().strip();
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
        ElectoralProcess process = ElectoralProcess.<ElectoralProcess>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No existe el proceso electoral " + id + "."));
        String description = "Proceso electoral retirado: " + process.name + " (" + process.startsOn + " a "
                + process.endsOn + ")";
        process.delete();
        recordChange(actor, description);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InstituteNonWorkingDay> nonWorkingDays(Integer year) {
        if (year == null) {
            return InstituteNonWorkingDay.list("order by day");
        }
        return InstituteNonWorkingDay.list("day between ?1 and ?2 order by day", LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ElectoralProcess> electoralProcesses() {
        return ElectoralProcess.list("order by startsOn, name");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarChange> changeLog() {
        return CalendarChange.list("order by version desc");
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
        CalendarChange change = new CalendarChange();
        change.changedAt = clock.instant();
        change.changedBy = actor;
        change.description = description;
        change.persist();
        CalendarChange.flush();
        // Synchronous and inside this transaction: open deadlines move with the change, or neither does.
        changes.fire(new CalendarChanged(change.version, description));
        committed.fire(new Committed(change.version));
    }

    void reloadAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Committed change) {
        current.set(null);
    }

    /** Another instance may have changed the calendar: reload when the version moved on. */
    @Scheduled(every = "${calendar.refresh-interval:PT15S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional(Transactional.TxType.SUPPORTS)
    void refreshIfChangedElsewhere() {
        DeadlineCalculator calculator = current.get();
        if (calculator == null) {
            return;
        }
        Long version = CalendarChange.getEntityManager()
                .createQuery("select coalesce(max(c.version), 0) from CalendarChange c", Long.class).getSingleResult();
        if (version != calculator.calendar().version()) {
            current.set(null);
        }
    }
}
