package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mx.ine.redes.evaluation.CommitteeItem;
import mx.ine.redes.evaluation.CommitteeResolution;
import mx.ine.redes.evaluation.Notification;
import mx.ine.redes.evaluation.RequestDeadlineChange;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.SubmissionRequest;
import mx.ine.redes.evaluation.SubmissionRequest.Status;
import mx.ine.redes.evaluation.calendar.CalendarChanged;
import mx.ine.redes.evaluation.calendar.Deadline;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.config.CalendarConfig;
import mx.ine.redes.evaluation.config.RequestsConfig;
import mx.ine.redes.evaluation.notification.Audience;
import mx.ine.redes.evaluation.notification.Notice;
import mx.ine.redes.evaluation.notification.NoticeKind;
import mx.ine.redes.evaluation.notification.NoticeSubjects;
import mx.ine.redes.evaluation.notification.NoticeTemplates;
import mx.ine.redes.evaluation.notification.Notifier;
import mx.ine.redes.evaluation.rest.AdHocRequest;
import mx.ine.redes.evaluation.timer.Timers;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EscalationWithdrawn;
import mx.ine.redes.events.ReportedToCommittee;
import mx.ine.redes.events.ReviewCycleOpened;
import mx.ine.redes.events.SubmissionDeadlineMoved;
import mx.ine.redes.events.SubmissionOverdue;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.StatisticField;
import mx.ine.redes.events.SubmissionRequestWithdrawn;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * The review request as one aggregate (Art. 11, 12, 15): the one command path for everything that
 * changes a request — issuing it, its notices leaving, submissions, its timers, calendar changes.
 * Every command takes the request's row lock first ({@code SELECT … FOR UPDATE}), so no update is
 * lost; the timer and notice rows it touches are never waited for ({@code SKIP LOCKED}), so a
 * command and a sweep cannot deadlock. Each command writes the request, its timers, its notices
 * and its events in one transaction.
 *
 * <p>The rules (domain.md §3), each named in {@link RecomputationPolicy}: a term runs only from the
 * notice that really left; timeliness is judged at intake; a deadline already notified never
 * moves earlier and none is moved into the past.
 */
@ApplicationScoped
@Transactional
public class RequestService implements NoticeSubjects {

    private static final Pattern CYCLE_ID = Pattern.compile("(20[0-9]{2})-S([12])");
    private static final DateTimeFormatter DAY_FORMAT =
            DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-MX"));
    private static final List<NoticeKind> DEADLINE_NOTICES = List.of(NoticeKind.REQUEST_ISSUED, NoticeKind.DEADLINE_REMINDER,
            NoticeKind.DEADLINE_CHANGED, NoticeKind.HEAD_TERM_CHANGED);
    private static final List<NoticeKind> CHAIN_NOTICES = List.of(NoticeKind.REQUEST_OVERDUE, NoticeKind.ESCALATED_TO_AREA_HEAD,
            NoticeKind.HEAD_TERM_CHANGED, NoticeKind.NO_HEAD_ALERT);
    /** Everything a withdrawn request no longer needs to say: all its notices but the withdrawal's. */
    private static final List<NoticeKind> NOTICES_OF_A_STANDING_REQUEST = Arrays.stream(NoticeKind.values())
            .filter(kind -> kind != NoticeKind.REQUEST_WITHDRAWN).toList();
    /** The notices that tell the administrators a deadline: the withdrawal says the last one really told. */
    private static final List<String> DEADLINE_TOLD = List.of(NoticeKind.REQUEST_ISSUED.name(), NoticeKind.DEADLINE_REMINDER.name(),
            NoticeKind.DEADLINE_CHANGED.name());
    /** The wire names an ad hoc request may ask for, in the vocabulary's order. */
    private static final String KNOWN_FIELDS = Arrays.stream(StatisticField.values())
            .map(StatisticField::wireName).collect(Collectors.joining(", "));
    /** Who withdrew a request on a baja, and why, as the request and its event say. */
    private static final String REGISTRY = "registry";
    private static final String DECOMMISSIONED_REASON = "La cuenta fue dada de baja.";

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

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    @Inject
    CommitteeItems committeeItems;

    // --- issuing ------------------------------------------------------------------------------

    /**
     * Opens a semester cycle ahead of its window: one request per active account, due at the close
     * of the window (the first ten business days of July for S1, of January for S2), never fewer
     * than 10 business days after its notice takes effect.
     */
    public ReviewCycle openCycle(String cycleId, String actor) {
        Matcher matcher = CYCLE_ID.matcher(cycleId == null ? "" : cycleId);
        if (!matcher.matches()) {
            throw ProblemException.invalid("id", Text.of("El ciclo se escribe AAAA-S1 (enero a junio) o AAAA-S2 (julio a diciembre).",
                    "A cycle is written YYYY-S1 (January to June) or YYYY-S2 (July to December)."));
        }
        DeadlineCalculator calculator = calculator();
        // Two CNCS users opening the same cycle at once: the second waits here and is told it is open.
        entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "review-cycle:" + cycleId).getSingleResult();
        if (ReviewCycle.findByIdOptional(cycleId).isPresent()) {
            throw alreadyOpened(cycleId);
        }
        int year = Integer.parseInt(matcher.group(1));
        boolean first = matcher.group(2).equals("1");
        LocalDate periodStart = LocalDate.of(year, first ? 1 : 7, 1);
        LocalDate periodEnd = first ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        YearMonth windowMonth = first ? YearMonth.of(year, 7) : YearMonth.of(year + 1, 1);
        LocalDate opensFrom = windowMonth.minusMonths(1).atDay(config.cycleOpensFromDay());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone());
        if (today.isBefore(opensFrom)) {
            throw ProblemException.unprocessable(Text.of("El ciclo " + cycleId + " cubre del " + DAY_FORMAT.format(periodStart)
                            + " al " + DAY_FORMAT.format(periodEnd) + "; puede abrirse a partir del " + DAY_FORMAT.format(opensFrom) + ".",
                            "Cycle " + cycleId + " covers " + periodStart + " to " + periodEnd + "; it may be opened from "
                                    + opensFrom + "."),
                    List.of(ProblemException.Violation.field("id", Text.of("Aún no puede abrirse este ciclo.",
                            "This cycle cannot be opened yet."))));
        }
        ReviewCycle cycle = new ReviewCycle();
        cycle.id = cycleId;
        cycle.periodStart = periodStart;
        cycle.periodEnd = periodEnd;
        cycle.windowMonth = windowMonth.toString();
        cycle.openedAt = now;
        cycle.openedBy = actor;
        cycle.persist();
        entityManager.flush();

        Instant windowOpensAt = periodEnd.plusDays(1).atStartOfDay(zone()).toInstant();
        Deadline provisional = calculator.submissionWindow(now, windowMonth);
        int issued = 0;
        UUID after = null;
        // In chunks by account id (keyset: each chunk one indexed range read), written in JDBC batches
        // (hibernate jdbc batch size, inserts ordered) with one outbox batch per chunk, then let go of.
        while (true) {
            List<ReviewedAccount> chunk = activeAccountsAfter(after, config.cycleOpeningChunkSize());
            if (chunk.isEmpty()) {
                break;
            }
            List<DomainEvent> requested = new ArrayList<>(chunk.size());
            for (ReviewedAccount account : chunk) {
                issue(SubmissionRequest.Kind.CYCLE, cycleId, account, List.of(), null, now, windowOpensAt, provisional, null,
                        null, actor, requested);
            }
            events.publishAll(requested);
            entityManager.flush();
            entityManager.clear();
            issued += chunk.size();
            after = chunk.get(chunk.size() - 1).accountId;
        }
        ReviewCycle.update("requestCount = ?1 where id = ?2", issued, cycleId);
        cycle.requestCount = issued;
        events.publish(new ReviewCycleOpened(cycleId, periodStart, periodEnd, now, provisional.dueAt(), issued));
        audit.record(new AuditTrail.Act(actor, "CYCLE_OPENED", "CYCLE", cycleId, null, cycleId, provisional.dueAt(), "Se abrió el"
                + " ciclo " + cycleId + " con " + issued + " requerimientos", Map.of("requestCount", String.valueOf(issued))));
        return cycle;
    }

    private List<ReviewedAccount> activeAccountsAfter(UUID after, int size) {
        // Read-only: the projection is not changed here, so no snapshot of each row is kept for dirty checking.
        var query = after == null
                ? ReviewedAccount.<ReviewedAccount>find("status = 'ACTIVE' order by accountId")
                : ReviewedAccount.<ReviewedAccount>find("status = 'ACTIVE' and accountId > ?1 order by accountId", after);
        return query.withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).range(0, size - 1).list();
    }

    /** What the losers of a concurrent opening are told, and whoever opens a cycle twice. */
    private static ProblemException alreadyOpened(String cycleId) {
        return ProblemException.conflict(Text.of("El ciclo " + cycleId + " ya fue abierto.",
                "Cycle " + cycleId + " has already been opened."), List.of(ProblemException.Violation.field("id",
                Text.of("Ya fue abierto.", "Already opened."))));
    }

    /**
     * Art. 12: chosen accounts, chosen fields, a due day CNCS sets: a business day (18:00), or any day
     * inside an electoral process (23:59:59), after the request takes effect.
     */
    public List<SubmissionRequest> requestAdHoc(AdHocRequest request, String actor) {
        requireKnownFields(request.requestedFields());
        Instant now = clock.instant();
        DeadlineCalculator calculator = calculator();
        Optional<Instant> due = calculator.adHocDue(request.dueOn());
        if (due.isEmpty()) {
            var status = calculator.calendar().status(request.dueOn());
            throw ProblemException.invalid("dueOn", Text.of("El " + DAY_FORMAT.format(request.dueOn()) + " no es día hábil ("
                    + status.reason() + ").", request.dueOn() + " is not a business day (" + status.reasonEnglish() + ")."));
        }
        Instant effective = calculator.effectiveTime(now);
        if (!due.get().isAfter(effective)) {
            throw ProblemException.invalid("dueOn", Text.of("La fecha límite debe ser posterior a la entrada en vigor del requerimiento ("
                    + formatted(effective) + ").", "The due day must be after the request takes effect ("
                    + effective.atZone(zone()).toOffsetDateTime() + ")."));
        }
        List<ProblemException.Violation> refused = new ArrayList<>();
        List<ReviewedAccount> accounts = new ArrayList<>();
        Map<UUID, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.accountIds().size(); i++) {
            UUID id = request.accountIds().get(i);
            Integer earlier = seen.putIfAbsent(id, i);
            if (earlier != null) {
                refused.add(ProblemException.Violation.field("accountIds[" + i + "]", Text.of(
                        "Cuenta repetida: ya figura en accountIds[" + earlier + "].",
                        "Repeated account: already at accountIds[" + earlier + "].")));
                continue;
            }
            Optional<ReviewedAccount> account = ReviewedAccount.findByIdOptional(id);
            if (account.isEmpty() || !"ACTIVE".equals(account.get().status)) {
                refused.add(ProblemException.Violation.field("accountIds[" + i + "]", Text.of(
                        "No es una cuenta activa del registro.", "Not an active account of the registry.")));
            } else {
                accounts.add(account.get());
            }
        }
        if (!refused.isEmpty()) {
            throw ProblemException.invalid(Text.of("Hay cuentas que no se pueden requerir; no se emitió ningún requerimiento.",
                    "Some accounts cannot be required; no request was issued."), refused);
        }
        UUID onBehalfOf = request.committeeResolutionId();
        if (onBehalfOf != null && CommitteeResolution.findByIdOptional(onBehalfOf).isEmpty()) {
            throw ProblemException.unprocessable(Text.of("No existe la resolución del Comité " + onBehalfOf
                            + "; no se emitió ningún requerimiento.", "There is no Committee resolution " + onBehalfOf
                            + "; no request was issued."), List.of(ProblemException.Violation.field("committeeResolutionId",
                    Text.of("No es una resolución registrada del Comité.", "Not a recorded resolution of the Committee."))));
        }
        Deadline deadline = adHocDeadline(calculator, due.get(), now);
        List<SubmissionRequest> issued = new ArrayList<>();
        List<DomainEvent> requested = new ArrayList<>();
        for (ReviewedAccount account : accounts) {
            SubmissionRequest adHoc = issue(SubmissionRequest.Kind.AD_HOC, null, account, request.requestedFields(),
                    request.reason().strip(), now, now, deadline, due.get(), onBehalfOf, actor, requested);
            issued.add(adHoc);
            act(actor, "AD_HOC_REQUEST_ISSUED", adHoc, adHoc.dueAt, "Requerimiento extraordinario (Art. 12) emitido"
                    + (onBehalfOf == null ? "" : " a petición del Comité") + ": " + String.join(", ", adHoc.requestedFields),
                    "reason", adHoc.reason, "committeeResolutionId", onBehalfOf == null ? null : onBehalfOf.toString());
        }
        events.publishAll(requested);
        return issued;
    }

    /**
     * An ad hoc request asks only for what a form knows: wire names of {@link StatisticField}, each
     * once (submissions-service requires exactly these fields of the account's form).
     */
    private static void requireKnownFields(List<String> fields) {
        List<ProblemException.Violation> refused = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (StatisticField.find(field).isEmpty()) {
                refused.add(ProblemException.Violation.field("requestedFields[" + i + "]", Text.of(
                        "Campo desconocido: «" + field + "». Los campos son: " + KNOWN_FIELDS + ".",
                        "Unknown field: \"" + field + "\". The fields are: " + KNOWN_FIELDS + ".")));
                continue;
            }
            Integer earlier = seen.putIfAbsent(field, i);
            if (earlier != null) {
                refused.add(ProblemException.Violation.field("requestedFields[" + i + "]", Text.of(
                        "Campo repetido: ya figura en requestedFields[" + earlier + "].",
                        "Repeated field: already at requestedFields[" + earlier + "].")));
            }
        }
        if (!refused.isEmpty()) {
            throw ProblemException.invalid(Text.of("Solo pueden requerirse, una vez cada uno, campos que los formularios"
                            + " conocen: " + KNOWN_FIELDS + ". No se emitió ningún requerimiento.",
                    "Only fields the forms know may be requested, each once: " + KNOWN_FIELDS + ". No request was issued."),
                    refused);
        }
    }

    private SubmissionRequest issue(SubmissionRequest.Kind kind, String cycleId, ReviewedAccount account, List<String> fields,
                                    String reason, Instant now, Instant windowOpensAt, Deadline provisional,
                                    Instant requestedDueAt, UUID committeeResolutionId, String actor,
                                    List<DomainEvent> requested) {
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
        request.windowOpensAt = windowOpensAt;
        request.requestedDueAt = requestedDueAt;
        request.committeeResolutionId = committeeResolutionId;
        request.effectiveAt = provisional.effectiveAt();
        request.dueAt = provisional.dueAt();
        request.calendarVersion = provisional.calendarVersion();
        request.policy = provisional.policy() + "+" + RecomputationPolicy.TERM_RUNS_FROM_THE_NOTICE_SENT;
        request.status = Status.OPEN;
        request.persist();
        // No timer yet: the term runs from the notice that really leaves (afterSent).
        notifier.enqueueFirst(Notice.to(Audience.ADMINISTRATORS, NoticeKind.REQUEST_ISSUED, request.id, request.accountId,
                values(request)));
        if (account.administratorEmails.isEmpty()) {
            flagWithoutAdministrator(request);
        }
        requested.add(new SubmissionRequested(request.id, request.accountId, cycleId, kind.name(), request.requestedFields,
                request.areaCode, request.administratorEmails, request.windowOpensAt, request.effectiveAt, request.dueAt,
                committeeResolutionId != null, committeeResolutionId));
        return request;
    }

    // --- submissions ----------------------------------------------------------------------------

    /**
     * A submission (or correction) arrived. On time means received by submissions-service by the
     * deadline as it stands, whenever this service learns of it: an on-time submission that arrives
     * after the chain fired withdraws the chain.
     */
    public void recordSubmission(SubmissionReceived received) {
        SubmissionRequest request = received.requestId() == null ? null : lock(received.requestId());
        if (request == null && received.cycleId() != null) {
            List<?> ids = entityManager.createNativeQuery("""
                            select id from submission_request where account_id = :account and cycle_id = :cycle and kind = 'CYCLE'""")
                    .setParameter("account", received.accountId())
                    .setParameter("cycle", received.cycleId())
                    .getResultList();
            request = ids.isEmpty() ? null : lock((UUID) ids.get(0));
        }
        if (request == null) {
            return;
        }
        if (request.status == Status.SUBMITTED) {
            return; // a correction of a submission already counted
        }
        if (request.status == Status.WITHDRAWN) {
            // submissions-service refuses these; one in flight when it was withdrawn changes nothing.
            return;
        }
        Instant now = clock.instant();
        // Before its notice left no term runs: whatever arrives is on time.
        boolean onTime = !request.termRunning() || !received.receivedAt().isAfter(request.dueAt);
        Status before = request.status;
        request.status = Status.SUBMITTED;
        request.submittedAt = received.receivedAt();
        request.submittedLate = !onTime;
        request.submissionId = received.submissionId();
        request.awaitingAdministrator = false;
        timers.cancel(List.of(RequestTimers.REMINDER, RequestTimers.DUE, RequestTimers.COMMITTEE), request.id);
        notifier.cancelQueued(request.id, DEADLINE_NOTICES, "El requerimiento ya fue atendido.");
        if (before == Status.OPEN) {
            return;
        }
        // The chain had fired. Whatever of it has not left yet no longer needs to.
        notifier.cancelQueued(request.id, CHAIN_NOTICES, "El requerimiento ya fue atendido.");
        request.awaitingHead = false;
        if (onTime) {
            withdrawChain(request, before == Status.REPORTED, received.receivedAt(), now);
        }
    }

    private void withdrawChain(SubmissionRequest request, boolean wasReported, Instant receivedAt, Instant now) {
        request.chainWithdrawnAt = now;
        request.reportedWithdrawn = wasReported;
        @SuppressWarnings("unchecked")
        List<String> told = entityManager.createNativeQuery("""
                        select distinct r.email from notification n, jsonb_array_elements_text(n.recipients || n.cc) r(email)
                        where n.subject_id = :subject and n.kind in ('REQUEST_OVERDUE', 'ESCALATED_TO_AREA_HEAD')
                        and n.status = 'SENT' order by 1""")
                .setParameter("subject", request.id)
                .getResultList();
        events.publish(new EscalationWithdrawn(request.id, "REQUEST", request.accountId, request.cycleId, request.areaCode,
                receivedAt, request.dueAt, now, wasReported, told));
        committeeItems.withdraw(request.id, now);
        act(AuditTrail.SYSTEM, "CHAIN_WITHDRAWN", request, request.dueAt, "Cadena del Art. 15 retirada: la información se recibió"
                + " a tiempo (" + formatted(receivedAt) + ")" + (wasReported ? "; el incumplimiento informado al Comité ya no cuenta" : ""),
                "receivedAt", receivedAt.toString(), "wasReportedToCommittee", String.valueOf(wasReported));
        Map<String, String> values = values(request);
        values.put("receivedAt", formatted(receivedAt));
        // Resolved when it leaves: whoever really received a notice of the chain, including one leaving now.
        notifier.enqueue(Notice.to(Audience.TOLD_OF_CHAIN, NoticeKind.CHAIN_WITHDRAWN, request.id, request.accountId, values));
    }

    // --- withdrawal -------------------------------------------------------------------------------

    /**
     * CNCS withdraws a request that still stands (open, overdue or escalated): its timers stop, its
     * queued notices are cancelled, {@code SubmissionRequestWithdrawn} is published and, if its
     * first notice really reached the administrators, they are told it was withdrawn and why.
     * One attended, already withdrawn or reported to the Committee is 409.
     */
    public SubmissionRequest withdraw(UUID requestId, String reason, String actor) {
        SubmissionRequest request = lock(requestId);
        if (request == null) {
            throw ProblemException.notFound(Text.of("No existe el requerimiento " + requestId + ".",
                    "There is no request " + requestId + "."));
        }
        switch (request.status) {
            case SUBMITTED -> throw ProblemException.conflict(Text.of("El requerimiento ya fue atendido: la información se"
                            + " recibió el " + formatted(request.submittedAt) + "; ya no puede retirarse.",
                    "The request has already been attended: its information was received at " + request.submittedAt
                            + "; it can no longer be withdrawn."));
            case WITHDRAWN -> throw ProblemException.conflict(Text.of("El requerimiento ya fue retirado el "
                            + formatted(request.withdrawnAt) + ". Motivo: " + request.withdrawalReason,
                    "The request was already withdrawn at " + request.withdrawnAt + ". Reason: " + request.withdrawalReason));
            case REPORTED -> throw ProblemException.conflict(Text.of("El requerimiento ya fue informado al Comité como"
                            + " incumplimiento el " + formatted(request.reportedAt) + "; ya no puede retirarse.",
                    "The request was already reported to the Committee as a non-compliance at " + request.reportedAt
                            + "; it can no longer be withdrawn."));
            default -> withdrawStanding(request, reason.strip(), actor);
        }
        return request;
    }

    /**
     * A baja (in the projection's transaction, with its inbox record): every request of the account
     * that still stands is withdrawn; attended and reported ones stay as they are.
     */
    public void withdrawOnDecommission(UUID accountId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select id from submission_request
                        where account_id = :account and status in ('OPEN', 'OVERDUE', 'ESCALATED')
                        order by id""")
                .setParameter("account", accountId)
                .getResultList();
        for (UUID id : ids) {
            SubmissionRequest request = lock(id);
            if (request != null && request.unattended()) {
                withdrawStanding(request, DECOMMISSIONED_REASON, REGISTRY);
            }
        }
    }

    private void withdrawStanding(SubmissionRequest request, String reason, String actor) {
        Instant now = clock.instant();
        boolean administratorsTold = firstNoticeLeft(request.id);
        request.status = Status.WITHDRAWN;
        request.withdrawnAt = now;
        request.withdrawnBy = actor;
        request.withdrawalReason = reason;
        request.awaitingAdministrator = false;
        request.awaitingHead = false;
        timers.cancel(RequestTimers.REMINDER, request.id);
        timers.cancel(RequestTimers.DUE, request.id);
        timers.cancel(RequestTimers.COMMITTEE, request.id);
        notifier.cancelQueued(request.id, NOTICES_OF_A_STANDING_REQUEST, "El requerimiento fue retirado.");
        events.publish(new SubmissionRequestWithdrawn(request.id, request.accountId, request.cycleId, reason, now, actor));
        act(actor, "REQUEST_WITHDRAWN", request, request.dueAt, "Requerimiento retirado. Motivo: " + reason, "reason", reason);
        if (administratorsTold) {
            // Nobody told, nobody to untell: a withdrawal is announced only to whom the request was.
            Map<String, String> values = values(request);
            toldDeadline(request.id).ifPresent(told -> {
                values.put("dueAt", formatted(told));
                values.put("dueAtInstant", told.toString());
            });
            values.put("withdrawnAt", formatted(now));
            values.put("withdrawalReason", reason);
            notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.REQUEST_WITHDRAWN, request.id, request.accountId,
                    values));
        }
    }

    /** Whether the administrators' first notice left or is leaving now (its mail may already be out). */
    private boolean firstNoticeLeft(UUID requestId) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from notification
                        where subject_id = :subject and kind = 'REQUEST_ISSUED' and status in ('SENT', 'SENDING')""")
                .setParameter("subject", requestId)
                .getSingleResult()).longValue() > 0;
    }

    /** The latest deadline a notice that really left told the administrators. */
    private Optional<Instant> toldDeadline(UUID requestId) {
        return entityManager.createQuery("""
                        select n from Notification n where n.subjectId = :subject and n.kind in :kinds and n.status = 'SENT'""",
                        Notification.class)
                .setParameter("subject", requestId)
                .setParameter("kinds", DEADLINE_TOLD)
                .getResultList().stream()
                .map(n -> n.values == null ? null : n.values.get("dueAtInstant"))
                .filter(Objects::nonNull)
                .map(Instant::parse)
                .max(Instant::compareTo);
    }

    /** Whether one of the request's deadline notices is leaving right now (claimed, mail not yet recorded). */
    private boolean deadlineNoticeLeaving(UUID requestId) {
        return ((Number) entityManager.createNativeQuery("""
                        select count(*) from notification
                        where subject_id = :subject and kind in (:kinds) and status = 'SENDING'""")
                .setParameter("subject", requestId)
                .setParameter("kinds", DEADLINE_TOLD)
                .getSingleResult()).longValue() > 0;
    }

    // --- the chain (Art. 15), from the request's timers ---------------------------------------------

    void remind(UUID requestId, Instant now) {
        SubmissionRequest request = lock(requestId);
        if (request != null && request.status == Status.OPEN && request.termRunning() && now.isBefore(request.dueAt)) {
            notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.DEADLINE_REMINDER, request.id, request.accountId,
                    values(request)));
        }
    }

    /**
     * The deadline passed (plus the grace for submissions in flight) and no submission was received:
     * overdue, and escalated to the head of the area (whose term starts when the head's notice
     * leaves). A timer made stale by a later deadline does nothing.
     */
    void overdue(UUID requestId, Instant now) {
        SubmissionRequest request = lock(requestId);
        if (request == null || request.status != Status.OPEN || !request.termRunning()
                || now.isBefore(request.dueAt.plus(config.overdueGrace()))) {
            return;
        }
        request.status = Status.OVERDUE;
        events.publish(new SubmissionOverdue(request.id, request.accountId, request.cycleId, request.areaCode, request.dueAt));
        timers.cancel(RequestTimers.REMINDER, request.id);
        notifier.cancelQueued(request.id, List.of(NoticeKind.DEADLINE_REMINDER, NoticeKind.DEADLINE_CHANGED),
                "El plazo venció.");
        notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.REQUEST_OVERDUE, request.id, request.accountId,
                values(request)));
        request.status = Status.ESCALATED;
        request.escalatedAt = now;
        act(AuditTrail.SYSTEM, "REQUEST_OVERDUE", request, request.dueAt, "Plazo vencido sin entrega; se turna a la persona titular"
                + " del área (Art. 15)");
        notifier.enqueue(Notice.to(Audience.AREA_HEAD, NoticeKind.ESCALATED_TO_AREA_HEAD, request.id, request.accountId,
                values(request)));
    }

    /** The head's term ended and the request is still not attended: a non-compliance item for the Committee. */
    void reportToCommittee(UUID requestId, Instant now) {
        SubmissionRequest request = lock(requestId);
        if (request == null || request.status != Status.ESCALATED || request.headNoticeSentAt == null
                || request.attendBy == null || now.isBefore(request.attendBy.plus(config.overdueGrace()))) {
            return;
        }
        request.status = Status.REPORTED;
        request.reportedAt = now;
        events.publish(new ReportedToCommittee(request.id, "REQUEST", request.accountId, request.cycleId, request.areaCode, now));
        committeeItems.register(CommitteeItem.SubjectKind.REQUEST, request.id, request.accountId, request.cycleId, request.areaCode,
                now, new CommitteeItems.Chain(unattended(request), request.dueAt, request.escalatedAt, request.escalatedToEmail,
                        request.headNoticeSentAt, request.attendBy));
        act(AuditTrail.SYSTEM, "REPORTED_TO_COMMITTEE", request, request.attendBy, "Informado al Comité como incumplimiento: "
                + unattended(request));
    }

    // --- notices leaving (NoticeSubjects) -----------------------------------------------------------

    @Override
    public boolean handles(NoticeKind kind) {
        return kind.subject() == NoticeKind.Subject.REQUEST;
    }

    @Override
    public Decision beforeSending(Notification notification, Instant now) {
        DeadlineCalculator calculator = calculator();
        SubmissionRequest request = lock(notification.subjectId);
        if (request == null) {
            return Decision.send(Map.of());
        }
        NoticeKind kind = NoticeKind.valueOf(notification.kind);
        if (request.status == Status.WITHDRAWN && kind != NoticeKind.REQUEST_WITHDRAWN) {
            return Decision.cancel("El requerimiento fue retirado.");
        }
        Map<String, String> values = values(request);
        switch (kind) {
            case REQUEST_ISSUED -> {
                if (request.status != Status.OPEN) {
                    return Decision.cancel("El requerimiento ya fue atendido.");
                }
                // What the notice says is the term as it will run from this notice.
                Deadline deadline = termFrom(calculator, request, now);
                values.put("dueAt", formatted(deadline.dueAt()));
                values.put("dueAtInstant", deadline.dueAt().toString());
            }
            case DEADLINE_REMINDER -> {
                if (request.status != Status.OPEN || !request.termRunning() || !now.isBefore(request.dueAt)) {
                    return Decision.cancel("El plazo ya venció o el requerimiento ya fue atendido.");
                }
            }
            case DEADLINE_CHANGED -> {
                if (request.status != Status.OPEN) {
                    return Decision.cancel("El requerimiento ya no está abierto.");
                }
                if (request.dueAt.equals(request.notifiedDueAt)) {
                    return Decision.cancel("La fecha límite vigente ya fue notificada.");
                }
            }
            case REQUEST_OVERDUE -> {
                if (!request.chainFired()) {
                    return Decision.cancel("El requerimiento ya fue atendido.");
                }
            }
            case ESCALATED_TO_AREA_HEAD -> {
                if (request.status != Status.ESCALATED) {
                    return Decision.cancel("El requerimiento ya fue atendido.");
                }
                Instant attendBy = calculator.afterBusinessDays(now, config.escalationBusinessDays()).dueAt();
                values.put("attendBy", formatted(attendBy));
                values.put("attendByInstant", attendBy.toString());
            }
            case HEAD_TERM_CHANGED -> {
                if (request.status != Status.ESCALATED || request.attendBy == null) {
                    return Decision.cancel("El requerimiento ya no está escalado.");
                }
            }
            case REQUEST_WITHDRAWN -> {
                // Its first notice was leaving when the request was withdrawn: say it only once it really left,
                // with the last deadline really told.
                if (deadlineNoticeLeaving(request.id)) {
                    return Decision.later(now.plus(Duration.ofMinutes(1)));
                }
                if (!firstNoticeLeft(request.id)) {
                    return Decision.cancel("La notificación del requerimiento nunca salió: no hay nada que retirar.");
                }
                Map<String, String> told = new HashMap<>();
                toldDeadline(request.id).ifPresent(dueAt -> {
                    told.put("dueAt", formatted(dueAt));
                    told.put("dueAtInstant", dueAt.toString());
                });
                return Decision.send(told);
            }
            default -> {
                // Withdrawals and alerts say what happened when they were queued.
                return Decision.send(Map.of());
            }
        }
        return Decision.send(values);
    }

    @Override
    public void nobodyToTell(Notification notification, Instant now) {
        SubmissionRequest request = lock(notification.subjectId);
        if (request == null || request.status == Status.WITHDRAWN) {
            // A withdrawal held for want of an administrator leaves when the registry gives one; no alert.
            return;
        }
        if (NoticeKind.valueOf(notification.kind) == NoticeKind.ESCALATED_TO_AREA_HEAD) {
            if (!request.awaitingHead) {
                request.awaitingHead = true;
                notifier.enqueue(Notice.to(Audience.CNCS, NoticeKind.NO_HEAD_ALERT, request.id, null, values(request)));
            }
        } else if (!request.awaitingAdministrator) {
            flagWithoutAdministrator(request);
        }
    }

    private void flagWithoutAdministrator(SubmissionRequest request) {
        request.awaitingAdministrator = true;
        notifier.enqueue(Notice.to(Audience.CNCS, NoticeKind.NO_ADMINISTRATOR_ALERT, request.id, null, values(request)));
    }

    @Override
    public void afterSent(Notification notification) {
        DeadlineCalculator calculator = calculator();
        SubmissionRequest request = lock(notification.subjectId);
        if (request == null) {
            return;
        }
        Instant sentAt = notification.sentAt;
        switch (NoticeKind.valueOf(notification.kind)) {
            case REQUEST_ISSUED -> startTerm(request, notification, sentAt, calculator);
            case DEADLINE_CHANGED, DEADLINE_REMINDER -> request.notifiedDueAt = RecomputationPolicy.latest(request.notifiedDueAt,
                    notification.statedInstant("dueAtInstant", request.dueAt));
            case ESCALATED_TO_AREA_HEAD -> startHeadTerm(request, notification, sentAt, calculator);
            case HEAD_TERM_CHANGED -> request.notifiedAttendBy = RecomputationPolicy.latest(request.notifiedAttendBy,
                    notification.statedInstant("attendByInstant", request.attendBy));
            default -> {
                // Nothing runs from withdrawals and alerts.
            }
        }
    }

    /** The administrators' notice left: the term runs from it, and is never earlier than the notice said. */
    private void startTerm(SubmissionRequest request, Notification notification, Instant sentAt,
                           DeadlineCalculator calculator) {
        if (request.termRunning()) {
            return;
        }
        request.noticeSentAt = sentAt;
        request.awaitingAdministrator = false;
        Instant stated = notification.statedInstant("dueAtInstant", request.dueAt);
        request.notifiedDueAt = stated;
        if (request.status == Status.WITHDRAWN) {
            // It left while the request was being withdrawn: recorded as told; no term runs any more.
            return;
        }
        Deadline deadline = termFrom(calculator, request, sentAt);
        Instant dueAt = RecomputationPolicy.latest(deadline.dueAt(), stated);
        request.effectiveAt = deadline.effectiveAt();
        request.calendarVersion = deadline.calendarVersion();
        request.policy = deadline.policy() + "+" + RecomputationPolicy.TERM_RUNS_FROM_THE_NOTICE_SENT
                + (dueAt.equals(deadline.dueAt()) ? "" : "+" + RecomputationPolicy.NOTIFIED_DEADLINE_NEVER_EARLIER);
        if (!dueAt.equals(request.dueAt)) {
            moveDeadline(request, dueAt, deadline.calendarVersion(), "la notificación salió el " + formatted(sentAt), false);
        }
        if (!dueAt.equals(stated)) {
            // Sent across a closing time: the notice's date and the real one differ; say the real one.
            notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.DEADLINE_CHANGED, request.id, request.accountId,
                    withReason(request, "la notificación salió el " + formatted(sentAt))));
        }
        if (request.status == Status.OPEN) {
            scheduleDeadline(request, calculator);
        }
        act(AuditTrail.SYSTEM, "REQUEST_TERM_STARTED", request, request.dueAt, "La notificación del requerimiento salió el "
                + formatted(sentAt) + "; el plazo corre hasta el " + formatted(request.dueAt), "noticeSentAt", sentAt.toString());
    }

    /** The head's notice left: the head's term runs from it. */
    private void startHeadTerm(SubmissionRequest request, Notification notification, Instant sentAt,
                               DeadlineCalculator calculator) {
        if (request.headNoticeSentAt != null || request.status != Status.ESCALATED) {
            return;
        }
        request.headNoticeSentAt = sentAt;
        request.awaitingHead = false;
        request.escalatedToEmail = notification.recipients.isEmpty() ? null : notification.recipients.get(0);
        request.escalatedToArea = notification.values.getOrDefault("headArea", request.areaCode);
        Instant stated = notification.statedInstant("attendByInstant", null);
        Instant computed = calculator.afterBusinessDays(sentAt, config.escalationBusinessDays()).dueAt();
        request.attendBy = RecomputationPolicy.latest(computed, stated);
        request.notifiedAttendBy = stated;
        timers.schedule(RequestTimers.COMMITTEE, request.id, request.attendBy.plus(config.overdueGrace()));
        act(AuditTrail.SYSTEM, "ESCALATED_TO_AREA_HEAD", request, request.attendBy, "Notificado a la persona titular ("
                + request.escalatedToEmail + ", área " + request.escalatedToArea + ") para que instruya la atención inmediata",
                "headEmail", request.escalatedToEmail, "headArea", request.escalatedToArea, "headNoticeSentAt", sentAt.toString());
        events.publish(new EscalatedToAreaHead(request.id, "REQUEST", request.accountId, request.cycleId, request.areaCode,
                request.escalatedToEmail, sentAt, request.attendBy));
    }

    // --- calendar changes ---------------------------------------------------------------------------

    /**
     * The calendar changed (same transaction, serialised with other changes): open terms are
     * recomputed — the administrators' deadline and the head's term — under the certainty rules.
     */
    void onCalendarChanged(@Observes CalendarChanged change) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar.load());
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select id from submission_request
                        where status = 'OPEN' or (status = 'ESCALATED' and head_notice_sent_at is not null)
                        order by id""")
                .getResultList();
        for (UUID id : ids) {
            SubmissionRequest request = lock(id);
            if (request.status == Status.OPEN) {
                recomputeDeadline(request, calculator, now, change);
            } else if (request.status == Status.ESCALATED) {
                recomputeHeadTerm(request, calculator, now, change);
            }
        }
    }

    private void recomputeDeadline(SubmissionRequest request, DeadlineCalculator calculator, Instant now, CalendarChanged change) {
        if (!request.termRunning()) {
            // Not notified yet: the provisional deadline follows the calendar freely.
            Deadline provisional = termFrom(calculator, request, request.issuedAt);
            request.effectiveAt = provisional.effectiveAt();
            if (!provisional.dueAt().equals(request.dueAt)) {
                moveDeadline(request, provisional.dueAt(), change.calendarVersion(), change.description(), false);
            }
            request.calendarVersion = change.calendarVersion();
            return;
        }
        Deadline deadline = termFrom(calculator, request, request.noticeSentAt);
        Instant target = RecomputationPolicy.certain(deadline.dueAt(), request.dueAt, request.notifiedDueAt, now);
        request.calendarVersion = change.calendarVersion();
        // The notice's effect follows the calendar too (a day made non-working moves it to the next opening).
        request.effectiveAt = deadline.effectiveAt();
        if (target.equals(request.dueAt)) {
            return;
        }
        moveDeadline(request, target, change.calendarVersion(), change.description(), request.notifiedDueAt != null);
        scheduleDeadline(request, calculator);
        notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.DEADLINE_CHANGED, request.id, request.accountId,
                withReason(request, change.description())));
    }

    private void recomputeHeadTerm(SubmissionRequest request, DeadlineCalculator calculator, Instant now, CalendarChanged change) {
        Instant computed = calculator.afterBusinessDays(request.headNoticeSentAt, config.escalationBusinessDays()).dueAt();
        Instant target = RecomputationPolicy.certain(computed, request.attendBy, request.notifiedAttendBy, now);
        if (target.equals(request.attendBy)) {
            return;
        }
        act(AuditTrail.SYSTEM, "HEAD_TERM_MOVED", request, target, "El plazo de la persona titular pasó del "
                + formatted(request.attendBy) + " al " + formatted(target) + ". Motivo: " + change.description(),
                "previousAttendBy", request.attendBy.toString(), "calendarVersion", String.valueOf(change.calendarVersion()));
        request.attendBy = target;
        timers.schedule(RequestTimers.COMMITTEE, request.id, target.plus(config.overdueGrace()));
        if (request.escalatedToEmail != null) {
            notifier.enqueue(new Notice(NoticeKind.HEAD_TERM_CHANGED, List.of(request.escalatedToEmail), request.id,
                    request.accountId, withReason(request, change.description())));
        }
    }

    private void moveDeadline(SubmissionRequest request, Instant newDueAt, long calendarVersion, String reason, boolean notified) {
        RequestDeadlineChange change = new RequestDeadlineChange();
        change.id = UUID.randomUUID();
        change.requestId = request.id;
        change.changedAt = clock.instant();
        change.previousDueAt = request.dueAt;
        change.newDueAt = newDueAt;
        change.calendarVersion = calendarVersion;
        change.reason = reason;
        change.persist();
        events.publish(new SubmissionDeadlineMoved(request.id, request.accountId, request.cycleId, request.dueAt, newDueAt,
                request.effectiveAt, calendarVersion, reason, notified));
        act(AuditTrail.SYSTEM, "DEADLINE_MOVED", request, newDueAt, "La fecha límite pasó del " + formatted(request.dueAt) + " al "
                + formatted(newDueAt) + ". Motivo: " + reason, "previousDueAt", request.dueAt.toString(),
                "calendarVersion", String.valueOf(calendarVersion));
        request.dueAt = newDueAt;
    }

    private void scheduleDeadline(SubmissionRequest request, DeadlineCalculator calculator) {
        timers.schedule(RequestTimers.DUE, request.id, request.dueAt.plus(config.overdueGrace()));
        // The opening of the N-th business day before the deadline's day: a working day to act, in business hours.
        Optional<Instant> remindAt = calculator.reminderTime(request.dueAt, config.reminderBusinessDaysBefore())
                .filter(at -> at.isAfter(clock.instant()) && at.isAfter(request.noticeSentAt));
        if (remindAt.isPresent()) {
            timers.schedule(RequestTimers.REMINDER, request.id, remindAt.get());
        } else {
            timers.cancel(RequestTimers.REMINDER, request.id);
        }
    }

    // --- rules ------------------------------------------------------------------------------------

    /** The request's term as it runs from a notice sent at {@code act}. */
    Deadline termFrom(DeadlineCalculator calculator, SubmissionRequest request, Instant act) {
        if (request.kind == SubmissionRequest.Kind.CYCLE) {
            YearMonth window = YearMonth.parse(ReviewCycle.<ReviewCycle>findById(request.cycleId).windowMonth);
            return calculator.submissionWindow(act, window);
        }
        return adHocDeadline(calculator, request.requestedDueAt, act);
    }

    /** Art. 12: the day CNCS set; if the notice takes effect only after it, one business day from the effect. */
    private static Deadline adHocDeadline(DeadlineCalculator calculator, Instant requestedDueAt, Instant act) {
        Instant effective = calculator.effectiveTime(act);
        if (requestedDueAt.isAfter(effective)) {
            return new Deadline(act, effective, requestedDueAt, 0, RecomputationPolicy.AD_HOC_DUE_DATE,
                    calculator.calendar().version(), List.of());
        }
        Deadline minimum = calculator.afterBusinessDays(act, 1);
        return new Deadline(act, minimum.effectiveAt(), minimum.dueAt(), 1,
                RecomputationPolicy.AD_HOC_DUE_DATE + "+" + RecomputationPolicy.AD_HOC_AT_LEAST_ONE_BUSINESS_DAY + "+"
                        + minimum.policy(), minimum.calendarVersion(), minimum.days());
    }

    // --- helpers ------------------------------------------------------------------------------------

    /**
     * The calendar at its current committed version (a shared lock on the calendar, so no change
     * commits under this transaction's feet). Taken first in a command, before any row lock, so a
     * calendar change — exclusive lock, then the requests' rows — cannot deadlock with it.
     */
    private DeadlineCalculator calculator() {
        return calendar.current();
    }

    /** The request under its row lock, or null. Every command starts here. */
    private SubmissionRequest lock(UUID id) {
        SubmissionRequest request = entityManager.find(SubmissionRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (request != null) {
            // A copy this transaction loaded before the lock may predate another command's commit:
            // decide on the row as it is under the lock, or an update is lost.
            entityManager.refresh(request);
        }
        return request;
    }



    private Map<String, String> withReason(SubmissionRequest request, String reason) {
        Map<String, String> values = values(request);
        values.put("reason", reason);
        return values;
    }

    Map<String, String> values(SubmissionRequest request) {
        Map<String, String> values = new HashMap<>();
        values.put("network", request.network);
        values.put("handle", request.handle);
        values.put("cycle", request.cycleId == null ? "" : request.cycleId);
        values.put("areaCode", request.areaCode);
        values.put("dueAt", formatted(request.dueAt));
        values.put("dueAtInstant", request.dueAt.toString());
        if (request.attendBy != null) {
            values.put("attendBy", formatted(request.attendBy));
            values.put("attendByInstant", request.attendBy.toString());
        }
        if (request.kind == SubmissionRequest.Kind.AD_HOC) {
            values.put("requestedFields", String.join(", ", request.requestedFields));
            values.put("requestReason", request.reason == null ? "" : request.reason);
        }
        if (request.committeeResolutionId != null) {
            CommitteeResolution.<CommitteeResolution>findByIdOptional(request.committeeResolutionId).ifPresent(resolution ->
                    values.put("committeeResolvedOn", CommitteeResolutions.sessionDay(resolution.resolvedOn)));
        }
        return values;
    }

    /** One act on a request for the audit trail, in this transaction; {@code details} in pairs, key then value (null: left out). */
    private void act(String actor, String action, SubmissionRequest request, Instant deadline, String summary, String... details) {
        AuditTrail.Act act = AuditTrail.Act.of(actor, action, "REQUEST", request.id, request.accountId, request.cycleId, deadline,
                summary);
        for (int i = 0; i + 1 < details.length; i += 2) {
            act = act.with(details[i], details[i + 1]);
        }
        audit.record(act);
    }

    /** What a request reported to the Committee asked and was not given. */
    private static String unattended(SubmissionRequest request) {
        return request.kind == SubmissionRequest.Kind.CYCLE
                ? "Requerimiento de estadísticas del ciclo " + request.cycleId
                : "Requerimiento extraordinario (Art. 12): " + String.join(", ", request.requestedFields);
    }

    String formatted(Instant instant) {
        return NoticeTemplates.instant(instant, zone());
    }

    private ZoneId zone() {
        return calendarConfig.zone();
    }
}
