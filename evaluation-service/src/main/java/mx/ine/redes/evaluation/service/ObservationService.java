package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.Notification;
import mx.ine.redes.evaluation.CommitteeItem;
import mx.ine.redes.evaluation.Observation;
import mx.ine.redes.evaluation.Observation.Status;
import mx.ine.redes.evaluation.ObservationDeadlineChange;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.calendar.CalendarChanged;
import mx.ine.redes.evaluation.calendar.Deadline;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.config.CalendarConfig;
import mx.ine.redes.evaluation.config.ObservationsConfig;
import mx.ine.redes.evaluation.config.RequestsConfig;
import mx.ine.redes.evaluation.notification.Audience;
import mx.ine.redes.evaluation.notification.FigureLabels;
import mx.ine.redes.evaluation.notification.Notice;
import mx.ine.redes.evaluation.notification.NoticeKind;
import mx.ine.redes.evaluation.notification.NoticeSubjects;
import mx.ine.redes.evaluation.notification.NoticeTemplates;
import mx.ine.redes.evaluation.notification.Notifier;
import mx.ine.redes.evaluation.timer.Timers;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EscalationWithdrawn;
import mx.ine.redes.events.ObservationDeadlineMoved;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.ObservationResolved;
import mx.ine.redes.events.ReportedToCommittee;
import mx.ine.redes.events.StatisticField;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ProblemException.Violation;
import mx.ine.redes.support.problem.Text;
import org.jboss.logging.Logger;

/**
 * The observation as one aggregate (Art. 14, 15), designed as {@link RequestService}: one command
 * path for everything that changes an observation — issuing it, its notices leaving, the correction
 * that answers it, CNCS resolving or following it up, its timers, calendar changes. Every command
 * takes the calendar first (shared), then the evaluation case's row lock where it needs the case,
 * then the observation's; each writes the observation, its timers, notices, events and audit
 * record in one transaction.
 *
 * <p>The administrators have {@code observations.correction-business-days} (2) business days from
 * the notice that really left; the chain (overdue, the head's notice and term, the Committee) and
 * the recomputation on calendar changes follow the rules of {@link RecomputationPolicy}, as
 * requests do.
 */
@ApplicationScoped
@Transactional
public class ObservationService implements NoticeSubjects {

    private static final Logger LOG = Logger.getLogger(ObservationService.class);
    private static final String SUBJECT_KIND = "OBSERVATION";
    private static final List<NoticeKind> DEADLINE_NOTICES = List.of(NoticeKind.OBSERVATION_ISSUED,
            NoticeKind.OBSERVATION_DEADLINE_CHANGED, NoticeKind.OBSERVATION_NO_ADMINISTRATOR_ALERT);
    private static final List<NoticeKind> CHAIN_NOTICES = List.of(NoticeKind.OBSERVATION_OVERDUE,
            NoticeKind.OBSERVATION_ESCALATED, NoticeKind.OBSERVATION_HEAD_TERM_CHANGED, NoticeKind.OBSERVATION_NO_HEAD_ALERT);
    private static final String KNOWN_FIELDS = Arrays.stream(StatisticField.values())
            .map(StatisticField::wireName).collect(Collectors.joining(", "));

    @Inject
    CommitteeItems committeeItems;

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
    ObservationsConfig config;

    @Inject
    RequestsConfig chainConfig;

    @Inject
    CalendarConfig calendarConfig;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager entityManager;

    // --- issuing ------------------------------------------------------------------------------

    /**
     * CNCS observes an open evaluation's figures: the observation, its notice to the administrators
     * (its term runs from it), {@code ObservationIssued} with the provisional deadline.
     */
    public Observation issue(UUID evaluationId, String text, List<String> fields, String suggestion, String actor) {
        DeadlineCalculator calculator = calendar.current();
        EvaluationCase evaluation = lockCase(evaluationId);
        if (evaluation == null) {
            throw ProblemException.unprocessable(Text.of("No existe la evaluación " + evaluationId + ".",
                    "There is no evaluation " + evaluationId + "."), List.of(Violation.field("evaluationId",
                    Text.of("No es una evaluación registrada.", "Not a recorded evaluation."))));
        }
        requireOpen(evaluation);
        requireSubmittedFields(evaluation, fields);
        if (suggestion != null && evaluation.suggestedObservations.stream().noneMatch(s -> s.code().equals(suggestion))) {
            String offered = evaluation.suggestedObservations.stream().map(EvaluationCase.SuggestedObservation::code)
                    .collect(Collectors.joining(", "));
            throw ProblemException.invalid("suggestion", Text.of("La evaluación no tiene la observación sugerida «" + suggestion
                            + "»" + (offered.isEmpty() ? "; no tiene ninguna." : "; las sugeridas son: " + offered + "."),
                    "The evaluation has no suggested observation \"" + suggestion + "\""
                            + (offered.isEmpty() ? "; it has none." : "; the suggested ones are: " + offered + ".")));
        }
        return issueOn(evaluation, text.strip(), fields, suggestion, null, actor, calculator);
    }

    private Observation issueOn(EvaluationCase evaluation, String text, List<String> fields, String suggestion, UUID followsUp,
                                String actor, DeadlineCalculator calculator) {
        Instant now = clock.instant();
        ReviewedAccount account = ReviewedAccount.findById(evaluation.accountId);
        Observation observation = new Observation();
        observation.id = UUID.randomUUID();
        observation.evaluationId = evaluation.id;
        observation.requestId = evaluation.requestId;
        observation.accountId = evaluation.accountId;
        observation.cycleId = evaluation.cycleId;
        observation.network = account == null ? evaluation.network : account.network;
        observation.handle = account == null ? evaluation.accountId.toString() : account.handle;
        observation.areaCode = account == null ? evaluation.areaCode : account.areaCode;
        observation.text = text;
        observation.fields = new ArrayList<>(fields);
        observation.figures = submittedValues(evaluation, fields);
        observation.suggestionCode = suggestion;
        observation.issuedBy = actor;
        observation.issuedAt = now;
        Deadline provisional = calculator.afterBusinessDays(now, config.correctionBusinessDays());
        observation.effectiveAt = provisional.effectiveAt();
        observation.dueAt = provisional.dueAt();
        observation.calendarVersion = provisional.calendarVersion();
        observation.policy = provisional.policy() + "+" + RecomputationPolicy.TERM_RUNS_FROM_THE_NOTICE_SENT;
        observation.status = Status.ISSUED;
        observation.followsUpId = followsUp;
        observation.updatedAt = now;
        observation.persist();
        entityManager.flush();
        // No timer yet: the term runs from the notice that really leaves (afterSent).
        notifier.enqueueFirst(Notice.to(Audience.ADMINISTRATORS, NoticeKind.OBSERVATION_ISSUED, observation.id,
                observation.accountId, values(observation)));
        if (account == null || account.administratorEmails.isEmpty()) {
            flagWithoutAdministrator(observation);
        }
        events.publish(new ObservationIssued(observation.id, observation.accountId, observation.cycleId, observation.areaCode,
                observation.text, observation.effectiveAt, observation.dueAt, observation.evaluationId, observation.requestId,
                observation.fields, followsUp, actor));
        record(actor, "OBSERVATION_ISSUED", observation, observation.dueAt, (followsUp == null ? "Observación formulada"
                : "Observación formulada en seguimiento de " + followsUp) + " sobre " + String.join(", ", fields)
                + "; fecha límite provisional " + formatted(observation.dueAt) + " (corre desde que salga su notificación).");
        return observation;
    }

    /** Only fields the submission has can be observed: its counts, its audience and its campaigns, each once. */
    private static void requireSubmittedFields(EvaluationCase evaluation, List<String> fields) {
        Set<String> submitted = new LinkedHashSet<>(evaluation.figures.keySet());
        if (evaluation.audience != null) {
            submitted.add(StatisticField.AUDIENCE.wireName());
        }
        if (!evaluation.campaigns.isEmpty()) {
            submitted.add(StatisticField.CAMPAIGNS.wireName());
        }
        List<Violation> refused = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            String name = "fields[" + i + "]";
            if (StatisticField.find(field).isEmpty()) {
                refused.add(Violation.field(name, Text.of("Campo desconocido: «" + field + "». Los campos son: " + KNOWN_FIELDS + ".",
                        "Unknown field: \"" + field + "\". The fields are: " + KNOWN_FIELDS + ".")));
            } else if (!submitted.contains(field)) {
                refused.add(Violation.field(name, Text.of("La información entregada no tiene el campo «" + field + "»; tiene: "
                        + String.join(", ", submitted) + ".", "The submission has no field \"" + field + "\"; it has: "
                        + String.join(", ", submitted) + ".")));
            } else {
                Integer earlier = seen.putIfAbsent(field, i);
                if (earlier != null) {
                    refused.add(Violation.field(name, Text.of("Campo repetido: ya figura en fields[" + earlier + "].",
                            "Repeated field: already at fields[" + earlier + "].")));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw ProblemException.invalid(Text.of("Solo pueden observarse, una vez cada uno, campos de la información"
                    + " entregada. No se formuló ninguna observación.", "Only fields of the submission may be observed, each"
                    + " once. No observation was issued."), refused);
        }
    }

    private static Map<String, String> submittedValues(EvaluationCase evaluation, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            Long count = evaluation.figures.get(field);
            values.put(field, count != null ? String.format(Locale.forLanguageTag("es-MX"), "%,d", count)
                    : "ver la información entregada");
        }
        return values;
    }

    private static void requireOpen(EvaluationCase evaluation) {
        if (evaluation.status != EvaluationCase.Status.OPEN) {
            throw ProblemException.conflict(Text.of("La evaluación " + evaluation.id + " ya fue concluida; ya no admite"
                            + " observaciones.", "Evaluation " + evaluation.id + " was already completed; it takes no more"
                            + " observations."));
        }
    }

    private void flagWithoutAdministrator(Observation observation) {
        observation.awaitingAdministrator = true;
        notifier.enqueue(Notice.to(Audience.CNCS, NoticeKind.OBSERVATION_NO_ADMINISTRATOR_ALERT, observation.id, null,
                values(observation)));
    }

    // --- CNCS decides on a correction -------------------------------------------------------------

    /** The correction attended the observation: RESOLVED, announced with whether it arrived on time. */
    public Observation resolve(UUID id, String note, String actor) {
        calendar.current();
        Observation observation = requireLocked(id);
        if (observation.status != Status.ANSWERED) {
            throw notAnswered(observation, "resolverse", "be resolved");
        }
        Instant now = clock.instant();
        observation.status = Status.RESOLVED;
        observation.resolvedAt = now;
        observation.resolvedBy = actor;
        observation.resolutionNote = note == null || note.isBlank() ? null : note.strip();
        observation.updatedAt = now;
        events.publish(new ObservationResolved(observation.id, observation.accountId, observation.cycleId, now,
                observation.answeredOnTime, observation.evaluationId, observation.areaCode, observation.answeredByVersion, actor));
        record(actor, "OBSERVATION_RESOLVED", observation, observation.dueAt, "Observación resuelta con la versión "
                + observation.answeredByVersion + (observation.answeredOnTime ? ", recibida a tiempo." : ", recibida fuera de plazo.")
                + (observation.resolutionNote == null ? "" : " Nota: " + observation.resolutionNote));
        return observation;
    }

    /** The correction did not satisfy CNCS: FOLLOWED_UP, and a new observation with its own term from its own notice. */
    public Observation followUp(UUID id, String text, List<String> fields, String actor) {
        DeadlineCalculator calculator = calendar.current();
        Observation found = Observation.findById(id);
        if (found == null) {
            throw notFound(id);
        }
        // The case before the observation, as issuing takes them.
        EvaluationCase evaluation = lockCase(found.evaluationId);
        Observation observation = requireLocked(id);
        if (observation.status != Status.ANSWERED) {
            throw notAnswered(observation, "darse seguimiento", "be followed up");
        }
        requireOpen(evaluation);
        requireSubmittedFields(evaluation, fields);
        Observation next = issueOn(evaluation, text.strip(), fields, null, observation.id, actor, calculator);
        observation.status = Status.FOLLOWED_UP;
        observation.followedUpById = next.id;
        observation.updatedAt = clock.instant();
        record(actor, "OBSERVATION_FOLLOWED_UP", observation, observation.dueAt, "La corrección (versión "
                + observation.answeredByVersion + ") no atendió la observación; se le da seguimiento con la observación " + next.id
                + ".");
        return next;
    }

    private ProblemException notAnswered(Observation observation, String verb, String englishVerb) {
        String why = switch (observation.status) {
            case ISSUED -> "aún no se recibe una corrección que la responda (fecha límite: " + formatted(observation.dueAt) + ")";
            case OVERDUE, ESCALATED -> "venció sin corrección y está escalada a la persona titular del área";
            case REPORTED -> "venció sin corrección y fue informada al Comité";
            case RESOLVED -> "ya fue resuelta el " + formatted(observation.resolvedAt);
            case FOLLOWED_UP -> "ya se le dio seguimiento con la observación " + observation.followedUpById;
            case ANSWERED -> "ya fue respondida";
        };
        String whyEnglish = switch (observation.status) {
            case ISSUED -> "no correction answering it has been received yet (deadline: " + observation.dueAt + ")";
            case OVERDUE, ESCALATED -> "it passed its deadline uncorrected and is escalated to the area head";
            case REPORTED -> "it passed its deadline uncorrected and was reported to the Committee";
            case RESOLVED -> "it was already resolved at " + observation.resolvedAt;
            case FOLLOWED_UP -> "it was already followed up by observation " + observation.followedUpById;
            case ANSWERED -> "it was already answered";
        };
        return ProblemException.conflict(Text.of("La observación no puede " + verb + ": " + why + ".",
                "The observation cannot " + englishVerb + ": " + whyEnglish + "."));
    }

    // --- the correction --------------------------------------------------------------------------

    /**
     * A submission version that answers an observation (in the inbox transaction of its event,
     * after the case took the new version). On time means received by submissions-service by the
     * deadline as it stands; before the term runs, on time. An on-time correction that arrives
     * after the chain fired withdraws the chain; a late one leaves it as it is.
     */
    public void recordCorrection(SubmissionReceived received) {
        if (received.answersObservationId() == null) {
            return;
        }
        calendar.current();
        Observation observation = lock(received.answersObservationId());
        if (observation == null || !observation.accountId.equals(received.accountId())) {
            LOG.warnf("Submission %s answers observation %s, which is not one of account %s; nothing changes",
                    received.submissionId(), received.answersObservationId(), received.accountId());
            return;
        }
        if (observation.status == Status.ANSWERED || observation.status == Status.RESOLVED
                || observation.status == Status.FOLLOWED_UP) {
            return; // the first answer stands; CNCS decides on it
        }
        Instant now = clock.instant();
        boolean onTime = !observation.termRunning() || !received.receivedAt().isAfter(observation.dueAt);
        Status before = observation.status;
        observation.status = Status.ANSWERED;
        observation.answeredBySubmissionId = received.submissionId();
        observation.answeredByVersion = received.version();
        observation.answeredReceivedAt = received.receivedAt();
        observation.answeredOnTime = onTime;
        observation.awaitingAdministrator = false;
        observation.updatedAt = now;
        timers.cancel(ObservationTimers.DUE, observation.id);
        timers.cancel(ObservationTimers.COMMITTEE, observation.id);
        notifier.cancelQueued(observation.id, DEADLINE_NOTICES, "La observación ya fue respondida.");
        record(received.enteredBy() == null ? AuditTrail.SYSTEM : received.enteredBy().email(), "OBSERVATION_ANSWERED",
                observation, observation.dueAt, "Corrección recibida el " + formatted(received.receivedAt()) + " (versión "
                        + received.version() + ")" + (onTime ? ", dentro del plazo." : ", fuera del plazo."));
        if (before == Status.ISSUED) {
            return;
        }
        notifier.cancelQueued(observation.id, CHAIN_NOTICES, "La observación ya fue respondida.");
        observation.awaitingHead = false;
        if (onTime) {
            withdrawChain(observation, before == Status.REPORTED, received.receivedAt(), now);
        }
    }

    private void withdrawChain(Observation observation, boolean wasReported, Instant receivedAt, Instant now) {
        observation.chainWithdrawnAt = now;
        observation.reportedWithdrawn = wasReported;
        if (wasReported) {
            committeeItems.withdraw(observation.id, now);
        }
        @SuppressWarnings("unchecked")
        List<String> told = entityManager.createNativeQuery("""
                        select distinct r.email from notification n, jsonb_array_elements_text(n.recipients || n.cc) r(email)
                        where n.subject_id = :subject and n.kind in ('OBSERVATION_OVERDUE', 'OBSERVATION_ESCALATED')
                        and n.status = 'SENT' order by 1""")
                .setParameter("subject", observation.id)
                .getResultList();
        events.publish(new EscalationWithdrawn(observation.id, SUBJECT_KIND, observation.accountId, observation.cycleId,
                observation.areaCode, receivedAt, observation.dueAt, now, wasReported, told));
        Map<String, String> values = values(observation);
        values.put("receivedAt", formatted(receivedAt));
        notifier.enqueue(Notice.to(Audience.TOLD_OF_CHAIN, NoticeKind.OBSERVATION_CHAIN_WITHDRAWN, observation.id,
                observation.accountId, values));
        record(AuditTrail.SYSTEM, "OBSERVATION_CHAIN_WITHDRAWN", observation, observation.dueAt, "La corrección se recibió a"
                + " tiempo aunque llegó después de que la cadena del artículo 15 se activó: queda sin efecto"
                + (wasReported ? ", incluido el informe al Comité." : "."));
    }

    // --- the chain (Art. 15), from the observation's timers ---------------------------------------

    /** The deadline passed (plus the grace) uncorrected: overdue, and escalated to the head of the area. */
    void overdue(UUID id, Instant now) {
        calendar.current();
        Observation observation = lock(id);
        if (observation == null || observation.status != Status.ISSUED || !observation.termRunning()
                || now.isBefore(observation.dueAt.plus(chainConfig.overdueGrace()))) {
            return;
        }
        observation.status = Status.OVERDUE;
        observation.overdueAt = now;
        notifier.cancelQueued(observation.id, List.of(NoticeKind.OBSERVATION_DEADLINE_CHANGED), "El plazo venció.");
        notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.OBSERVATION_OVERDUE, observation.id,
                observation.accountId, values(observation)));
        record(AuditTrail.SYSTEM, "OBSERVATION_OVERDUE", observation, observation.dueAt, "El plazo para corregir venció el "
                + formatted(observation.dueAt) + " sin corrección.");
        observation.status = Status.ESCALATED;
        observation.escalatedAt = now;
        observation.updatedAt = now;
        notifier.enqueue(Notice.to(Audience.AREA_HEAD, NoticeKind.OBSERVATION_ESCALATED, observation.id, observation.accountId,
                values(observation)));
        record(AuditTrail.SYSTEM, "OBSERVATION_ESCALATED", observation, observation.dueAt, "Escalada a la persona titular del"
                + " área para que instruya la atención inmediata (artículo 15); su plazo corre desde que salga su notificación.");
    }

    /** The head's term ended uncorrected: a non-compliance item for the Committee. */
    void reportToCommittee(UUID id, Instant now) {
        calendar.current();
        Observation observation = lock(id);
        if (observation == null || observation.status != Status.ESCALATED || observation.headNoticeSentAt == null
                || observation.attendBy == null || now.isBefore(observation.attendBy.plus(chainConfig.overdueGrace()))) {
            return;
        }
        observation.status = Status.REPORTED;
        observation.reportedAt = now;
        observation.updatedAt = now;
        events.publish(new ReportedToCommittee(observation.id, SUBJECT_KIND, observation.accountId, observation.cycleId,
                observation.areaCode, now));
        committeeItems.register(CommitteeItem.SubjectKind.OBSERVATION, observation.id, observation.accountId, observation.cycleId,
                observation.areaCode, now, new CommitteeItems.Chain("Observación a la información estadística: "
                        + observation.text, observation.dueAt, observation.escalatedAt, observation.escalatedToEmail,
                        observation.headNoticeSentAt, observation.attendBy));
        record(AuditTrail.SYSTEM, "OBSERVATION_REPORTED", observation, observation.attendBy, "El plazo de la persona titular"
                + " venció el " + formatted(observation.attendBy) + " sin corrección: se informa al Comité como incumplimiento.");
    }

    // --- notices leaving (NoticeSubjects) -------------------------------------------------------------

    @Override
    public boolean handles(NoticeKind kind) {
        return kind.subject() == NoticeKind.Subject.OBSERVATION;
    }

    @Override
    public Decision beforeSending(Notification notification, Instant now) {
        DeadlineCalculator calculator = calendar.current();
        Observation observation = lock(notification.subjectId);
        if (observation == null) {
            return Decision.send(Map.of());
        }
        Map<String, String> values = values(observation);
        switch (NoticeKind.valueOf(notification.kind)) {
            case OBSERVATION_ISSUED -> {
                if (observation.status != Status.ISSUED) {
                    return Decision.cancel("La observación ya fue respondida.");
                }
                // What the notice says is the term as it will run from this very notice.
                Instant dueAt = calculator.afterBusinessDays(now, config.correctionBusinessDays()).dueAt();
                values.put("dueAt", formatted(dueAt));
                values.put("dueAtInstant", dueAt.toString());
            }
            case OBSERVATION_DEADLINE_CHANGED -> {
                if (observation.status != Status.ISSUED) {
                    return Decision.cancel("La observación ya no está pendiente de corrección.");
                }
                if (observation.dueAt.equals(observation.notifiedDueAt)) {
                    return Decision.cancel("La fecha límite vigente ya fue notificada.");
                }
            }
            case OBSERVATION_OVERDUE -> {
                if (!observation.chainFired() || observation.status == Status.ANSWERED) {
                    return Decision.cancel("La observación ya fue respondida.");
                }
            }
            case OBSERVATION_ESCALATED -> {
                if (observation.status != Status.ESCALATED) {
                    return Decision.cancel("La observación ya fue respondida.");
                }
                Instant attendBy = calculator.afterBusinessDays(now, chainConfig.escalationBusinessDays()).dueAt();
                values.put("attendBy", formatted(attendBy));
                values.put("attendByInstant", attendBy.toString());
            }
            case OBSERVATION_HEAD_TERM_CHANGED -> {
                if (observation.status != Status.ESCALATED || observation.attendBy == null) {
                    return Decision.cancel("La observación ya no está escalada.");
                }
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
        Observation observation = lock(notification.subjectId);
        if (observation == null) {
            return;
        }
        if (NoticeKind.valueOf(notification.kind) == NoticeKind.OBSERVATION_ESCALATED) {
            if (!observation.awaitingHead) {
                observation.awaitingHead = true;
                notifier.enqueue(Notice.to(Audience.CNCS, NoticeKind.OBSERVATION_NO_HEAD_ALERT, observation.id, null,
                        values(observation)));
            }
        } else if (!observation.awaitingAdministrator) {
            flagWithoutAdministrator(observation);
        }
    }

    @Override
    public void afterSent(Notification notification) {
        DeadlineCalculator calculator = calendar.current();
        Observation observation = lock(notification.subjectId);
        if (observation == null) {
            return;
        }
        switch (NoticeKind.valueOf(notification.kind)) {
            case OBSERVATION_ISSUED -> startTerm(observation, notification, calculator);
            case OBSERVATION_DEADLINE_CHANGED -> observation.notifiedDueAt = RecomputationPolicy.latest(observation.notifiedDueAt,
                    notification.statedInstant("dueAtInstant", observation.dueAt));
            case OBSERVATION_ESCALATED -> startHeadTerm(observation, notification, calculator);
            case OBSERVATION_HEAD_TERM_CHANGED -> observation.notifiedAttendBy = RecomputationPolicy.latest(observation.notifiedAttendBy,
                    notification.statedInstant("attendByInstant", observation.attendBy));
            default -> {
                // Nothing runs from withdrawals and alerts.
            }
        }
    }

    /** The administrators' notice left: the term runs from it, never earlier than the notice said. */
    private void startTerm(Observation observation, Notification notification, DeadlineCalculator calculator) {
        if (observation.termRunning()) {
            return;
        }
        Instant sentAt = notification.sentAt;
        observation.noticeSentAt = sentAt;
        observation.awaitingAdministrator = false;
        Instant stated = notification.statedInstant("dueAtInstant", observation.dueAt);
        observation.notifiedDueAt = stated;
        observation.updatedAt = clock.instant();
        if (observation.status != Status.ISSUED) {
            // Answered while its notice was leaving: recorded as told; no term runs any more.
            return;
        }
        Deadline deadline = calculator.afterBusinessDays(sentAt, config.correctionBusinessDays());
        Instant dueAt = RecomputationPolicy.latest(deadline.dueAt(), stated);
        observation.effectiveAt = deadline.effectiveAt();
        observation.calendarVersion = deadline.calendarVersion();
        observation.policy = deadline.policy() + "+" + RecomputationPolicy.TERM_RUNS_FROM_THE_NOTICE_SENT
                + (dueAt.equals(deadline.dueAt()) ? "" : "+" + RecomputationPolicy.NOTIFIED_DEADLINE_NEVER_EARLIER);
        String reason = "la notificación salió el " + formatted(sentAt);
        if (!dueAt.equals(observation.dueAt)) {
            moveDeadline(observation, dueAt, deadline.calendarVersion(), reason, false);
        }
        if (!dueAt.equals(stated)) {
            notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.OBSERVATION_DEADLINE_CHANGED, observation.id,
                    observation.accountId, withReason(observation, reason)));
        }
        timers.schedule(ObservationTimers.DUE, observation.id, observation.dueAt.plus(chainConfig.overdueGrace()));
        record(AuditTrail.SYSTEM, "OBSERVATION_NOTICE_SENT", observation, observation.dueAt, "La notificación a las personas"
                + " administradoras salió el " + formatted(sentAt) + "; el plazo para corregir vence el "
                + formatted(observation.dueAt) + ".");
    }

    /** The head's notice left: the head's term runs from it, and the escalation is announced. */
    private void startHeadTerm(Observation observation, Notification notification, DeadlineCalculator calculator) {
        if (observation.headNoticeSentAt != null || observation.status != Status.ESCALATED) {
            return;
        }
        Instant sentAt = notification.sentAt;
        observation.headNoticeSentAt = sentAt;
        observation.awaitingHead = false;
        observation.escalatedToEmail = notification.recipients.isEmpty() ? null : notification.recipients.get(0);
        observation.escalatedToArea = notification.values.getOrDefault("headArea", observation.areaCode);
        Instant stated = notification.statedInstant("attendByInstant", null);
        Instant computed = calculator.afterBusinessDays(sentAt, chainConfig.escalationBusinessDays()).dueAt();
        observation.attendBy = RecomputationPolicy.latest(computed, stated);
        observation.notifiedAttendBy = stated;
        observation.updatedAt = clock.instant();
        timers.schedule(ObservationTimers.COMMITTEE, observation.id, observation.attendBy.plus(chainConfig.overdueGrace()));
        events.publish(new EscalatedToAreaHead(observation.id, SUBJECT_KIND, observation.accountId, observation.cycleId,
                observation.areaCode, observation.escalatedToEmail, sentAt, observation.attendBy));
        record(AuditTrail.SYSTEM, "OBSERVATION_HEAD_NOTICE_SENT", observation, observation.attendBy, "La notificación a la"
                + " persona titular (" + observation.escalatedToEmail + ", área " + observation.escalatedToArea + ") salió el "
                + formatted(sentAt) + "; debe atenderse a más tardar el " + formatted(observation.attendBy) + ".");
    }

    // --- calendar changes ---------------------------------------------------------------------------

    /**
     * The calendar changed (same transaction, serialised with other changes): open observations'
     * deadlines and heads' terms are recomputed under the same rules as requests'.
     */
    void onCalendarChanged(@Observes CalendarChanged change) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar.load());
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select id from observation
                        where status = 'ISSUED' or (status = 'ESCALATED' and head_notice_sent_at is not null)
                        order by id""")
                .getResultList();
        for (UUID id : ids) {
            Observation observation = lock(id);
            if (observation.status == Status.ISSUED) {
                recomputeDeadline(observation, calculator, now, change);
            } else if (observation.status == Status.ESCALATED) {
                recomputeHeadTerm(observation, calculator, now, change);
            }
        }
    }

    private void recomputeDeadline(Observation observation, DeadlineCalculator calculator, Instant now, CalendarChanged change) {
        if (!observation.termRunning()) {
            Deadline provisional = calculator.afterBusinessDays(observation.issuedAt, config.correctionBusinessDays());
            observation.effectiveAt = provisional.effectiveAt();
            if (!provisional.dueAt().equals(observation.dueAt)) {
                moveDeadline(observation, provisional.dueAt(), change.calendarVersion(), change.description(), false);
            }
            observation.calendarVersion = change.calendarVersion();
            return;
        }
        Deadline deadline = calculator.afterBusinessDays(observation.noticeSentAt, config.correctionBusinessDays());
        Instant target = RecomputationPolicy.certain(deadline.dueAt(), observation.dueAt, observation.notifiedDueAt, now);
        observation.calendarVersion = change.calendarVersion();
        observation.effectiveAt = deadline.effectiveAt();
        if (target.equals(observation.dueAt)) {
            return;
        }
        moveDeadline(observation, target, change.calendarVersion(), change.description(), observation.notifiedDueAt != null);
        timers.schedule(ObservationTimers.DUE, observation.id, observation.dueAt.plus(chainConfig.overdueGrace()));
        notifier.enqueue(Notice.to(Audience.ADMINISTRATORS, NoticeKind.OBSERVATION_DEADLINE_CHANGED, observation.id,
                observation.accountId, withReason(observation, change.description())));
    }

    private void recomputeHeadTerm(Observation observation, DeadlineCalculator calculator, Instant now, CalendarChanged change) {
        Instant computed = calculator.afterBusinessDays(observation.headNoticeSentAt, chainConfig.escalationBusinessDays()).dueAt();
        Instant target = RecomputationPolicy.certain(computed, observation.attendBy, observation.notifiedAttendBy, now);
        if (target.equals(observation.attendBy)) {
            return;
        }
        Instant previous = observation.attendBy;
        observation.attendBy = target;
        observation.updatedAt = now;
        timers.schedule(ObservationTimers.COMMITTEE, observation.id, target.plus(chainConfig.overdueGrace()));
        if (observation.escalatedToEmail != null) {
            notifier.enqueue(new Notice(NoticeKind.OBSERVATION_HEAD_TERM_CHANGED, List.of(observation.escalatedToEmail),
                    observation.id, observation.accountId, withReason(observation, change.description())));
        }
        record(AuditTrail.SYSTEM, "OBSERVATION_HEAD_TERM_MOVED", observation, target, "El plazo de la persona titular pasó del "
                + formatted(previous) + " al " + formatted(target) + ". Motivo: " + change.description() + ".");
    }

    private void moveDeadline(Observation observation, Instant newDueAt, long calendarVersion, String reason, boolean notified) {
        Instant now = clock.instant();
        ObservationDeadlineChange change = new ObservationDeadlineChange();
        change.id = UUID.randomUUID();
        change.observationId = observation.id;
        change.changedAt = now;
        change.previousDueAt = observation.dueAt;
        change.newDueAt = newDueAt;
        change.calendarVersion = calendarVersion;
        change.reason = reason;
        change.notified = notified;
        change.persist();
        events.publish(new ObservationDeadlineMoved(observation.id, observation.accountId, observation.cycleId,
                observation.dueAt, newDueAt, observation.effectiveAt, calendarVersion, reason, notified));
        record(AuditTrail.SYSTEM, "OBSERVATION_DEADLINE_MOVED", observation, newDueAt, "La fecha límite pasó del "
                + formatted(observation.dueAt) + " al " + formatted(newDueAt) + ". Motivo: " + reason + ".");
        observation.dueAt = newDueAt;
        observation.updatedAt = now;
    }

    // --- helpers ------------------------------------------------------------------------------------

    private void record(String actor, String action, Observation observation, Instant deadline, String summary) {
        audit.record(AuditTrail.Act.of(actor, action, SUBJECT_KIND, observation.id, observation.accountId, observation.cycleId,
                        deadline, summary)
                .with("evaluationId", observation.evaluationId.toString())
                .with("status", observation.status.name()));
    }

    private Observation requireLocked(UUID id) {
        Observation observation = lock(id);
        if (observation == null) {
            throw notFound(id);
        }
        return observation;
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound(Text.of("No existe la observación " + id + ".", "There is no observation " + id + "."));
    }

    /** The observation under its row lock, or null. Every command on an observation starts here. */
    private Observation lock(UUID id) {
        Observation observation = entityManager.find(Observation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (observation != null) {
            entityManager.refresh(observation);
        }
        return observation;
    }

    private EvaluationCase lockCase(UUID id) {
        EvaluationCase evaluation = entityManager.find(EvaluationCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (evaluation != null) {
            entityManager.refresh(evaluation);
        }
        return evaluation;
    }



    private Map<String, String> withReason(Observation observation, String reason) {
        Map<String, String> values = values(observation);
        values.put("reason", reason);
        return values;
    }

    Map<String, String> values(Observation observation) {
        Map<String, String> values = new HashMap<>();
        values.put("network", observation.network);
        values.put("handle", observation.handle);
        values.put("cycle", observation.cycleId == null ? "" : observation.cycleId);
        values.put("areaCode", observation.areaCode);
        values.put("observationText", observation.text);
        values.put("figures", observation.fields.stream()
                .map(field -> "- " + FigureLabels.of(field) + ": " + observation.figures.getOrDefault(field, "ver la información entregada"))
                .collect(Collectors.joining("\n")));
        values.put("correctionBusinessDays", String.valueOf(config.correctionBusinessDays()));
        values.put("dueAt", formatted(observation.dueAt));
        values.put("dueAtInstant", observation.dueAt.toString());
        if (observation.attendBy != null) {
            values.put("attendBy", formatted(observation.attendBy));
            values.put("attendByInstant", observation.attendBy.toString());
        }
        return values;
    }

    String formatted(Instant instant) {
        return NoticeTemplates.instant(instant, zone());
    }

    private ZoneId zone() {
        return calendarConfig.zone();
    }
}
