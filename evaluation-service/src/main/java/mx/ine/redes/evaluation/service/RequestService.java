package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.ine.redes.evaluation.RequestDeadlineChange;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.SubmissionRequest;
import mx.ine.redes.evaluation.calendar.CalendarChanged;
import mx.ine.redes.evaluation.calendar.Deadline;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.config.CalendarConfig;
import mx.ine.redes.evaluation.config.RequestsConfig;
import mx.ine.redes.evaluation.notification.Notice;
import mx.ine.redes.evaluation.notification.NoticeKind;
import mx.ine.redes.evaluation.notification.NotificationSent;
import mx.ine.redes.evaluation.notification.Notifier;
import mx.ine.redes.evaluation.rest.AdHocRequest;
import mx.ine.redes.evaluation.timer.Timers;
import mx.ine.redes.events.ReviewCycleOpened;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.Problem;
import mx.ine.redes.support.problem.ProblemException;

/**
 * Review cycles and requests (Art. 11, 12): who is asked, by when, and what happens to the
 * deadline when the calendar changes or the notice leaves late. Each change writes the request,
 * its timers, its notices and its events in one transaction.
 */
@ApplicationScoped
@Transactional
public class RequestService {

    private static final Pattern CYCLE_ID = Pattern.compile("(20[0-9]{2})-S([12])");
    private static final DateTimeFormatter PEOPLE_FORMAT =
            DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy 'a las' HH:mm", Locale.forLanguageTag("es-MX"));

    @Inject
    Clock clock;

    @Inject
    CalendarService calendar;

    @Inject
    Timers timers;

    @Inject
    Notifier notifier;

    @Inject
    EventPublisher events;

    @Inject
    RequestsConfig config;

    @Inject
    CalendarConfig calendarConfig;

    /**
     * Opens a semester cycle: one request per active account, all due at the close of the
     * submission window (the first ten business days of July for S1, of January for S2).
     */
    public ReviewCycle openCycle(String cycleId, String actor) {
        Matcher matcher = CYCLE_ID.matcher(cycleId == null ? "" : cycleId);
        if (!matcher.matches()) {
            throw ProblemException.invalid("id", "El ciclo se escribe AAAA-S1 (enero a junio) o AAAA-S2 (julio a diciembre).");
        }
        if (ReviewCycle.findByIdOptional(cycleId).isPresent()) {
            throw ProblemException.conflict("El ciclo " + cycleId + " ya fue abierto.");
        }
        int year = Integer.parseInt(matcher.group(1));
        boolean first = matcher.group(2).equals("1");
        LocalDate periodStart = LocalDate.of(year, first ? 1 : 7, 1);
        LocalDate periodEnd = first ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        YearMonth windowMonth = first ? YearMonth.of(year, 7) : YearMonth.of(year + 1, 1);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone());
        if (!today.isAfter(periodEnd)) {
            throw ProblemException.unprocessable("El ciclo " + cycleId + " cubre hasta el " + periodEnd
                    + "; sus estadísticas se requieren a partir del " + periodEnd.plusDays(1) + ".",
                    List.of(new Problem.InvalidField("id", "El semestre aún no termina.")));
        }
        ReviewCycle cycle = new ReviewCycle();
        cycle.id = cycleId;
        cycle.periodStart = periodStart;
        cycle.periodEnd = periodEnd;
        cycle.windowMonth = windowMonth.toString();
        cycle.openedAt = now;
        cycle.openedBy = actor;
        cycle.persist();

        Deadline deadline = calendar.submissionWindow(now, windowMonth);
        List<ReviewedAccount> accounts = ReviewedAccount.list("status = 'ACTIVE' order by areaCode, network, handle");
        for (ReviewedAccount account : accounts) {
            issue(SubmissionRequest.Kind.CYCLE, cycleId, account, List.of(), null, now, deadline, actor);
        }
        cycle.requestCount = accounts.size();
        events.publish(new ReviewCycleOpened(cycleId, periodStart, periodEnd, now, deadline.dueAt(), accounts.size()));
        return cycle;
    }

    /** Art. 12: chosen accounts, chosen fields, a due date CNCS sets (18:00 of that day, Institute time). */
    public List<SubmissionRequest> requestAdHoc(AdHocRequest request, String actor) {
        Instant now = clock.instant();
        Instant due = request.dueOn().atTime(calendarConfig.closesAt()).atZone(zone()).toInstant();
        if (!due.isAfter(now)) {
            throw ProblemException.invalid("dueOn", "La fecha límite debe ser posterior a hoy.");
        }
        List<Problem.InvalidField> unknown = new ArrayList<>();
        List<ReviewedAccount> accounts = new ArrayList<>();
        for (int i = 0; i < request.accountIds().size(); i++) {
            Optional<ReviewedAccount> account = ReviewedAccount.findByIdOptional(request.accountIds().get(i));
            if (account.isEmpty() || !"ACTIVE".equals(account.get().status)) {
                unknown.add(new Problem.InvalidField("accountIds[" + i + "]", "No es una cuenta activa del registro."));
            } else {
                accounts.add(account.get());
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, null, "Hay cuentas que no se pueden requerir; no se emitió ningún requerimiento.", unknown);
        }
        Instant effective = calendar.effectiveTime(now);
        Deadline deadline = new Deadline(now, effective, due, 0, "AD_HOC_DUE_DATE (Art. 12)", calendar.calendarVersion(), List.of());
        List<SubmissionRequest> issued = new ArrayList<>();
        for (ReviewedAccount account : accounts) {
            issued.add(issue(SubmissionRequest.Kind.AD_HOC, null, account, request.requestedFields(),
                    request.reason().strip(), now, deadline, actor));
        }
        return issued;
    }

    private SubmissionRequest issue(SubmissionRequest.Kind kind, String cycleId, ReviewedAccount account,
                                    List<String> fields, String reason, Instant now, Deadline deadline, String actor) {
        SubmissionRequest request = new SubmissionRequest();
        request.id = UUID.randomUUID();
        request.kind = kind;
        request.cycleId = cycleId;
        request.accountId = account.accountId;
        request.network = account.network;
        request.handle = account.handle;
        request.areaCode = account.areaCode;
        request.areaLevel = account.areaLevel;
        request.headEmail = account.headEmail;
        request.administratorEmails = new ArrayList<>(account.administratorEmails);
        request.requestedFields = new ArrayList<>(fields);
        request.reason = reason;
        request.issuedAt = now;
        request.issuedBy = actor;
        request.effectiveAt = deadline.effectiveAt();
        request.dueAt = deadline.dueAt();
        request.calendarVersion = deadline.calendarVersion();
        request.policy = deadline.policy();
        request.status = SubmissionRequest.Status.OPEN;
        request.persist();
        scheduleDeadline(request);
        if (!request.administratorEmails.isEmpty()) {
            notifier.enqueue(notice(NoticeKind.REQUEST_ISSUED, request, request.administratorEmails, Map.of()));
        }
        events.publish(new SubmissionRequested(request.id, request.accountId, cycleId, kind.name(), request.requestedFields,
                request.areaCode, request.administratorEmails, request.effectiveAt, request.dueAt));
        return request;
    }

    /** A submission (or correction) arrived: the request is attended and its chain stops. */
    public void recordSubmission(SubmissionReceived received) {
        Optional<SubmissionRequest> found = received.requestId() == null ? Optional.empty()
                : SubmissionRequest.findByIdOptional(received.requestId());
        if (found.isEmpty() && received.cycleId() != null) {
            found = SubmissionRequest.find("accountId = ?1 and cycleId = ?2 and kind = ?3", received.accountId(),
                    received.cycleId(), SubmissionRequest.Kind.CYCLE).firstResultOptional();
        }
        if (found.isEmpty()) {
            return;
        }
        SubmissionRequest request = found.get();
        if (!request.unattended() && request.status != SubmissionRequest.Status.REPORTED) {
            return; // a correction of a submission already counted
        }
        request.status = SubmissionRequest.Status.SUBMITTED;
        request.submittedAt = received.receivedAt();
        // Late against the deadline this service keeps (it may have moved with the calendar).
        request.submittedLate = received.receivedAt().isAfter(request.dueAt);
        request.submissionId = received.submissionId();
        timers.cancel(RequestTimers.REMINDER, request.id);
        timers.cancel(RequestTimers.DUE, request.id);
        timers.cancel(RequestTimers.COMMITTEE, request.id);
    }

    /**
     * The calendar changed (same transaction): every request still waiting for its deadline gets
     * it recomputed from its effective time, its timers move, and the change is recorded and told.
     * Ad hoc requests keep the date CNCS set; overdue and escalated ones keep theirs (the act of
     * escalating has happened).
     */
    void onCalendarChanged(@Observes CalendarChanged change) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar.load());
        List<SubmissionRequest> open = SubmissionRequest.list("status = ?1 and kind = ?2", SubmissionRequest.Status.OPEN,
                SubmissionRequest.Kind.CYCLE);
        Map<String, YearMonth> windows = new HashMap<>();
        for (SubmissionRequest request : open) {
            YearMonth window = windows.computeIfAbsent(request.cycleId,
                    id -> YearMonth.parse(ReviewCycle.<ReviewCycle>findById(id).windowMonth));
            Deadline deadline = calculator.submissionWindow(request.effectiveAt, window);
            moveDeadline(request, deadline, change.calendarVersion(), change.description());
        }
    }

    /** Deadlines count from the notice: if it left after the effect assumed, the term runs from it. */
    void onNotificationSent(@Observes NotificationSent sent) {
        if (sent.kind() != NoticeKind.REQUEST_ISSUED) {
            return;
        }
        Optional<SubmissionRequest> found = SubmissionRequest.findByIdOptional(sent.subjectId());
        if (found.isEmpty() || found.get().status != SubmissionRequest.Status.OPEN || found.get().kind != SubmissionRequest.Kind.CYCLE) {
            return;
        }
        SubmissionRequest request = found.get();
        Instant effective = calendar.effectiveTime(sent.sentAt());
        if (!effective.isAfter(request.effectiveAt)) {
            return;
        }
        Deadline deadline = calendar.submissionWindow(sent.sentAt(), YearMonth.parse(ReviewCycle.<ReviewCycle>findById(request.cycleId).windowMonth));
        request.effectiveAt = deadline.effectiveAt();
        moveDeadline(request, deadline, deadline.calendarVersion(), "la notificación se envió el " + formatted(sent.sentAt()));
    }

    private void moveDeadline(SubmissionRequest request, Deadline deadline, long calendarVersion, String reason) {
        if (deadline.dueAt().equals(request.dueAt)) {
            request.calendarVersion = calendarVersion;
            return;
        }
        RequestDeadlineChange change = new RequestDeadlineChange();
        change.id = UUID.randomUUID();
        change.requestId = request.id;
        change.changedAt = clock.instant();
        change.previousDueAt = request.dueAt;
        change.newDueAt = deadline.dueAt();
        change.calendarVersion = calendarVersion;
        change.reason = reason;
        change.persist();
        request.dueAt = deadline.dueAt();
        request.calendarVersion = calendarVersion;
        request.policy = deadline.policy();
        scheduleDeadline(request);
        if (!request.administratorEmails.isEmpty()) {
            notifier.enqueue(notice(NoticeKind.DEADLINE_CHANGED, request, request.administratorEmails, Map.of("reason", reason)));
        }
    }

    private void scheduleDeadline(SubmissionRequest request) {
        Instant remindAt = request.dueAt.minus(config.reminderBefore());
        if (remindAt.isAfter(clock.instant())) {
            timers.schedule(RequestTimers.REMINDER, request.id, remindAt);
        } else {
            timers.cancel(RequestTimers.REMINDER, request.id);
        }
        timers.schedule(RequestTimers.DUE, request.id, request.dueAt);
    }

    Notice notice(NoticeKind kind, SubmissionRequest request, List<String> recipients, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("network", request.network);
        values.put("handle", request.handle);
        values.put("cycle", request.cycleId == null ? "" : request.cycleId);
        values.put("areaCode", request.areaCode);
        values.put("dueAt", formatted(request.dueAt));
        if (request.attendBy != null) {
            values.put("attendBy", formatted(request.attendBy));
        }
        return new Notice(kind, recipients, request.id, request.accountId, values);
    }

    String formatted(Instant instant) {
        return PEOPLE_FORMAT.format(instant.atZone(zone())) + " (hora del centro de México)";
    }

    private ZoneId zone() {
        return calendarConfig.zone();
    }
}
