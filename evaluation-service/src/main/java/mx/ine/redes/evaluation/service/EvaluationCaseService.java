package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.calendar.CalendarChanged;
import mx.ine.redes.evaluation.calendar.Deadline;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.timer.Timers;
import mx.ine.redes.events.EvaluationOpened;
import mx.ine.redes.events.EvaluationTermMoved;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import org.jboss.logging.Logger;

/**
 * The evaluation case as one aggregate (Art. 13, 14): the one command path for everything that
 * changes a case — a submission's versions, its term's timer, calendar changes (and, in a later
 * slice, completion). Every command takes the calendar first (shared), then the case's row lock, as
 * {@link RequestService} does, so a calendar change and a command cannot deadlock.
 *
 * <p>CNCS's term is 10 business days ({@link #EVALUATION_BUSINESS_DAYS}) from the first version's
 * receipt ({@code SubmissionReceived.receivedAt}), counted by the same {@link DeadlineCalculator}
 * and policies as every other term: effect at the next opening, counting from the next business
 * day, due at the close of the last day.
 */
@ApplicationScoped
@Transactional
public class EvaluationCaseService {

    /** Art. 13: CNCS evaluates within 10 business days of receiving the information. */
    public static final int EVALUATION_BUSINESS_DAYS = 10;

    private static final Logger LOG = Logger.getLogger(EvaluationCaseService.class);

    @Inject
    Clock clock;

    @Inject
    CalendarService calendar;

    @Inject
    Timers timers;

    @Inject
    EntityManager entityManager;

    @Inject
    CaseScoring caseScoring;

    @Inject
    mx.ine.redes.support.outbox.EventPublisher events;

    @Inject
    RatingOverrides ratingOverrides;

    @Inject
    CompletionOutcomes completionOutcomes;

    /**
     * Opens the case of the submission's request (version 1, or whichever version arrives first) or
     * updates it with a higher version. Called in the inbox transaction of the event: a redelivered
     * event never gets here, and the case changes exactly when the event is recorded as applied.
     */
    public void recordSubmission(SubmissionReceived received) {
        // The calendar first, then the case's row (see the class comment).
        DeadlineCalculator calculator = calendar.current();
        if (received.receivedAt() == null || !calculator.supports(received.receivedAt())) {
            // Retrying would hold the partition forever (the requests behind it too): say so and go on.
            LOG.warnf("Submission %s has no receipt within the supported years (%s); no evaluation case is opened",
                    received.submissionId(), received.receivedAt());
            return;
        }
        UUID requestId = requestOf(received);
        if (requestId == null) {
            LOG.warnf("Submission %s names no known request; no evaluation case is opened", received.submissionId());
            return;
        }
        if (withdrawn(requestId)) {
            // submissions-service refuses these; one in flight when the request was withdrawn is not evaluated.
            return;
        }
        // Two versions of one request's submission applied at once: the second waits and finds the case.
        entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "evaluation-case:" + requestId).getSingleResult();
        EvaluationCase found = EvaluationCase.<EvaluationCase>find("requestId", requestId).firstResultOptional().orElse(null);
        Instant now = clock.instant();
        if (found == null) {
            open(received, requestId, calculator, now);
            return;
        }
        EvaluationCase evaluation = lock(found.id);
        boolean newer = received.version() > evaluation.latestVersion;
        recordReceipt(evaluation, received, now, newer);
        if (newer) {
            // A correction updates what is evaluated but does NOT restart CNCS's term: Art. 13 counts
            // from receiving the information, and the term keeps running from the first receipt.
            applyVersion(evaluation, received, now);
        }
        if (received.receivedAt().isBefore(evaluation.firstReceivedAt)) {
            // An earlier version delivered after a later one: the term runs from the earlier receipt.
            evaluation.firstReceivedAt = received.receivedAt();
            Deadline term = calculator.afterBusinessDays(evaluation.firstReceivedAt, EVALUATION_BUSINESS_DAYS);
            moveTerm(evaluation, term, now);
        }
    }

    private void open(SubmissionReceived received, UUID requestId, DeadlineCalculator calculator, Instant now) {
        ReviewedAccount account = ReviewedAccount.findById(received.accountId());
        String areaCode;
        String areaLevel;
        if (account != null) {
            areaCode = account.areaCode;
            areaLevel = account.areaLevel;
        } else {
            // Not (yet) in the projection: the area the request was issued to.
            List<?> row = entityManager.createNativeQuery("select area_code, area_level from submission_request where id = :id")
                    .setParameter("id", requestId).getResultList();
            if (row.isEmpty()) {
                LOG.warnf("Account %s of submission %s is unknown; no evaluation case is opened", received.accountId(),
                        received.submissionId());
                return;
            }
            Object[] columns = (Object[]) row.get(0);
            areaCode = (String) columns[0];
            areaLevel = (String) columns[1];
        }
        Deadline term = calculator.afterBusinessDays(received.receivedAt(), EVALUATION_BUSINESS_DAYS);
        EvaluationCase evaluation = new EvaluationCase();
        evaluation.id = UUID.randomUUID();
        evaluation.requestId = requestId;
        evaluation.accountId = received.accountId();
        evaluation.cycleId = received.cycleId();
        evaluation.network = received.network();
        evaluation.areaCode = areaCode;
        evaluation.areaLevel = areaLevel;
        evaluation.firstReceivedAt = received.receivedAt();
        evaluation.status = EvaluationCase.Status.OPEN;
        evaluation.dueAt = term.dueAt();
        evaluation.effectiveAt = term.effectiveAt();
        evaluation.policy = term.policy();
        evaluation.calendarVersion = term.calendarVersion();
        evaluation.openedAt = now;
        applyVersion(evaluation, received, now);
        evaluation.persist();
        entityManager.flush();
        recordReceipt(evaluation, received, now, true);
        // No grace after the term, unlike a request's: completion is CNCS's own act in this service,
        // never an event in flight from another one.
        timers.schedule(EvaluationTimers.TERM, evaluation.id, evaluation.dueAt);
        events.publish(new EvaluationOpened(evaluation.id, evaluation.requestId, evaluation.accountId, evaluation.cycleId,
                evaluation.network, evaluation.areaCode, evaluation.areaLevel, evaluation.firstReceivedAt, evaluation.dueAt));
    }

    private static void applyVersion(EvaluationCase evaluation, SubmissionReceived received, Instant now) {
        evaluation.submissionId = received.submissionId();
        evaluation.latestVersion = received.version();
        evaluation.latestReceivedAt = received.receivedAt();
        evaluation.figures = new HashMap<>(received.figures());
        evaluation.audience = received.audience();
        evaluation.campaigns = new ArrayList<>(received.campaigns());
        evaluation.warnings = new ArrayList<>(received.warnings());
        // Art. 14: a warning is a suggestion; CNCS decides whether it becomes an observation.
        evaluation.suggestedObservations = received.warnings().stream()
                .map(w -> new EvaluationCase.SuggestedObservation(w.code(), w.fields(), w.message()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        evaluation.updatedAt = now;
    }

    private void recordReceipt(EvaluationCase evaluation, SubmissionReceived received, Instant now, boolean applied) {
        entityManager.createNativeQuery("""
                        insert into evaluation_case_receipt (case_id, version, submission_id, received_at, recorded_at, applied)
                        values (:case, :version, :submission, :receivedAt, :now, :applied)
                        on conflict (case_id, version) do nothing""")
                .setParameter("case", evaluation.id)
                .setParameter("version", received.version())
                .setParameter("submission", received.submissionId())
                .setParameter("receivedAt", received.receivedAt())
                .setParameter("now", now)
                .setParameter("applied", applied)
                .executeUpdate();
    }

    private boolean withdrawn(UUID requestId) {
        return !entityManager.createNativeQuery("select 1 from submission_request where id = :id and status = 'WITHDRAWN'")
                .setParameter("id", requestId).getResultList().isEmpty();
    }

    /** The request a submission answers: named by the event, or the account's cycle request. */
    private UUID requestOf(SubmissionReceived received) {
        if (received.requestId() != null) {
            return received.requestId();
        }
        if (received.cycleId() == null) {
            return null;
        }
        List<?> ids = entityManager.createNativeQuery("""
                        select id from submission_request where account_id = :account and cycle_id = :cycle and kind = 'CYCLE'""")
                .setParameter("account", received.accountId())
                .setParameter("cycle", received.cycleId())
                .getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }

    // --- completion -----------------------------------------------------------------------------

    /**
     * CNCS completes the evaluation (Art. 13) with the score the cycle gives it now, recorded as it
     * is, and announces it ({@code EvaluationCompleted}, outbox, same transaction). Late when CNCS's
     * term had passed. An observation still open (Art. 14: issued, answered but not decided, or
     * escalated) blocks it; one reported to the Committee does not (its chain ended there). The rating
     * that stands (an override's, else the formula's), the recommendations and who completed it go
     * with the event; {@link CompletionOutcomes} audits it, tells the administrators and proposes a
     * baja when the rule says so ({@link BajaProposals}).
     */
    public EvaluationCase complete(UUID caseId, String actor) {
        EvaluationCase evaluation = lock(caseId);
        if (evaluation.status != EvaluationCase.Status.OPEN) {
            throw ProblemException.conflict(Text.of("La evaluación ya fue concluida el " + evaluation.completedAt + ".",
                    "The evaluation was already completed on " + evaluation.completedAt + "."));
        }
        ObservationQueries.refuseCompletionWhileOpen(evaluation.id);
        mx.ine.redes.evaluation.scoring.AccountScore score = caseScoring.score(evaluation);
        Instant now = clock.instant();
        if (!evaluation.late && now.isAfter(evaluation.dueAt)) {
            evaluation.late = true;
            evaluation.termPassedAt = evaluation.dueAt;
        }
        evaluation.status = EvaluationCase.Status.COMPLETED;
        evaluation.completedAt = now;
        evaluation.completedBy = actor;
        evaluation.overallScore = score.overall();
        // The rating that stands: CNCS's last override before completion, else the formula's.
        RatingOverrides.Standing standing = ratingOverrides.standing(evaluation.id, score.rating().name());
        evaluation.rating = standing.rating();
        evaluation.computedRating = standing.computedRating();
        evaluation.ratingJustification = standing.justification();
        evaluation.subScores = new java.util.LinkedHashMap<>(score.subScoresByKey());
        evaluation.formulaVersion = score.formulaVersion();
        evaluation.score = score;
        evaluation.updatedAt = now;
        timers.cancel(EvaluationTimers.TERM, evaluation.id);
        List<mx.ine.redes.evaluation.Recommendation> recommendations = mx.ine.redes.evaluation.Recommendation.of(evaluation.id);
        events.publish(new mx.ine.redes.events.EvaluationCompleted(evaluation.id, evaluation.accountId, evaluation.cycleId,
                evaluation.areaCode, evaluation.subScores, score.overall(), evaluation.rating, score.formulaVersion(), now,
                evaluation.late, evaluation.computedRating, evaluation.ratingJustification,
                Recommendations.issued(recommendations), actor));
        // Audit, the result to the administrators, the proposed baja.
        completionOutcomes.completed(evaluation, score, recommendations);
        return evaluation;
    }

    // --- the term ------------------------------------------------------------------------------------

    /**
     * The term's timer fired: a case still open is late, once. A stale wake-up (the term moved
     * later, the case completed, already late) does nothing.
     */
    public void termPassed(UUID caseId, Instant firedAt) {
        EvaluationCase evaluation = lock(caseId);
        if (evaluation == null || evaluation.status != EvaluationCase.Status.OPEN || evaluation.late
                || firedAt.isBefore(evaluation.dueAt)) {
            return;
        }
        evaluation.late = true;
        evaluation.termPassedAt = evaluation.dueAt;
        evaluation.updatedAt = firedAt;
    }

    /**
     * The calendar changed (same transaction, serialised with other changes): the term of every
     * open case whose term has not passed is recomputed from its first receipt.
     *
     * <p>Decision: CNCS's term is CNCS's own obligation, not a deadline promised to a citizen, so
     * {@link RecomputationPolicy#NOTIFIED_DEADLINE_NEVER_EARLIER} does not hold it: the term follows
     * the calendar both ways, since holding it later than the law's count would hide a late
     * evaluation. {@link RecomputationPolicy#NEVER_INTO_THE_PAST} does hold: a data change never
     * makes a case late retroactively (it stays where it was). A case already late keeps its record.
     */
    void onCalendarChanged(@Observes CalendarChanged change) {
        DeadlineCalculator calculator = new DeadlineCalculator(calendar.load());
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(
                        "select id from evaluation_case where status = 'OPEN' and not late order by id")
                .getResultList();
        for (UUID id : ids) {
            EvaluationCase evaluation = lock(id);
            Deadline term = calculator.afterBusinessDays(evaluation.firstReceivedAt, EVALUATION_BUSINESS_DAYS);
            evaluation.calendarVersion = change.calendarVersion();
            moveTerm(evaluation, term, now);
        }
    }

    private void moveTerm(EvaluationCase evaluation, Deadline term, Instant now) {
        evaluation.effectiveAt = term.effectiveAt();
        if (term.dueAt().equals(evaluation.dueAt)) {
            return;
        }
        if (!term.dueAt().isAfter(now)) {
            evaluation.policy = term.policy() + "+" + RecomputationPolicy.NEVER_INTO_THE_PAST;
            return;
        }
        Instant previousDueAt = evaluation.dueAt;
        evaluation.dueAt = term.dueAt();
        evaluation.policy = term.policy();
        evaluation.calendarVersion = term.calendarVersion();
        evaluation.updatedAt = now;
        events.publish(new EvaluationTermMoved(evaluation.id, evaluation.accountId, evaluation.cycleId, previousDueAt,
                evaluation.dueAt, evaluation.calendarVersion));
        if (evaluation.status == EvaluationCase.Status.OPEN && !evaluation.late) {
            timers.schedule(EvaluationTimers.TERM, evaluation.id, evaluation.dueAt);
        }
    }

    // Completion (a later slice of issue 12) goes here: under lock(id), refuse while an observation is
    // open, set status COMPLETED and completedAt, cancel EvaluationTimers.TERM, publish EvaluationCompleted.

    /** The case under its row lock, or null. Every command on an existing case starts here. */
    private EvaluationCase lock(UUID id) {
        EvaluationCase evaluation = entityManager.find(EvaluationCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (evaluation != null) {
            entityManager.refresh(evaluation);
        }
        return evaluation;
    }
}
