package mx.ine.redes.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.events.CommitteeResolutionRecorded;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EscalationWithdrawn;
import mx.ine.redes.events.EvaluationCompleted;
import mx.ine.redes.events.EvaluationOpened;
import mx.ine.redes.events.EvaluationTermMoved;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.events.ObservationDeadlineMoved;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.ObservationResolved;
import mx.ine.redes.events.PermanenceRecorded;
import mx.ine.redes.events.RatingOverridden;
import mx.ine.redes.events.RecommendationAttended;
import mx.ine.redes.events.ReportedToCommittee;
import mx.ine.redes.events.ReviewCycleOpened;
import mx.ine.redes.events.SubmissionOverdue;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequestWithdrawn;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.events.TrainingRecorded;
import mx.ine.redes.support.inbox.Inbox;

/**
 * The semi-annual report's read model, fed by the evaluation's, the submissions' and the registry's
 * events: each one applied once (inbox, same transaction) and never an older state over a newer one.
 * Columns an event alone sets (an observation's issue, its resolution) are filled whatever the order;
 * columns several events change (the rating, a recommendation's status, an escalation chain) keep the
 * sequence of the event that set them, and a submission's figures its version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReportFeed {

    public static final String EVALUATION_CONSUMER = "reporting-evaluation";
    public static final String SUBMISSIONS_CONSUMER = "reporting-submissions";
    public static final String REGISTRY_FACTS_CONSUMER = "reporting-registry-facts";
    static final String REGISTRY_SCOPE = "registry";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    /** The watermarks of the batch being applied on this thread ({@link #batched}); none outside one. */
    private final ThreadLocal<Map<String, Long>> deferredWatermarks = new ThreadLocal<>();

    public void applyEvaluationEvent(String record) {
        inbox.applyOnce(EVALUATION_CONSUMER, record, this::dispatchEvaluation);
    }

    public void applySubmissionEvent(String record) {
        inbox.applyOnce(SUBMISSIONS_CONSUMER, record, envelope -> {
            if (envelope.payload() instanceof SubmissionReceived received) {
                submissionReceived(received);
                if (received.answersObservationId() != null) {
                    observationAnswered(received);
                }
                watermark(received.cycleId(), envelope);
            }
        });
    }

    /** What the report needs of the registry beyond the inventory: trainings, dormancy, bajas decided. */
    public void applyRegistryEvent(String record) {
        inbox.applyOnce(REGISTRY_FACTS_CONSUMER, record, envelope -> {
            switch (envelope.payload()) {
                case TrainingRecorded training -> sql("""
                        insert into report_training (training_id, held_on, topic, hours, modality, attendees)
                        values (:id, :heldOn, :topic, :hours, :modality, :attendees)
                        on conflict (training_id) do nothing""")
                        .setParameter("id", training.trainingId(), UUID.class).setParameter("heldOn", training.heldOn(), LocalDate.class)
                        .setParameter("topic", training.topic(), String.class).setParameter("hours", training.hours(), java.math.BigDecimal.class)
                        .setParameter("modality", training.modality(), String.class)
                        .setParameter("attendees", training.attendeeEmails().size()).executeUpdate();
                case AccountFlaggedDormant dormant -> sql("""
                        insert into report_dormancy (account_id, last_publication_on, days_without_publication, not_located, last_sequence)
                        values (:account, :lastPublication, :days, :notLocated, :sequence)
                        on conflict (account_id) do update set last_publication_on = excluded.last_publication_on,
                            days_without_publication = excluded.days_without_publication, not_located = excluded.not_located,
                            last_sequence = excluded.last_sequence
                        where excluded.last_sequence = 0 or report_dormancy.last_sequence < excluded.last_sequence""")
                        .setParameter("account", dormant.accountId(), UUID.class).setParameter("lastPublication", dormant.lastPublicationOn(), LocalDate.class)
                        .setParameter("days", dormant.daysWithoutPublication()).setParameter("notLocated", dormant.notLocated())
                        .setParameter("sequence", envelope.sequence()).executeUpdate();
                case PermanenceRecorded permanence -> sql("""
                        insert into report_permanence (act_id, account_id, decided_on, reason, observations)
                        values (:act, :account, :on, :reason, :observations) on conflict (act_id) do nothing""")
                        .setParameter("act", permanence.actId(), UUID.class).setParameter("account", permanence.accountId(), UUID.class)
                        .setParameter("on", permanence.decidedOn(), LocalDate.class).setParameter("reason", permanence.reason(), String.class)
                        .setParameter("observations", permanence.observations(), String.class).executeUpdate();
                case AccountDecommissioned decommissioned when decommissioned.bajaProposalId() != null -> sql("""
                        insert into report_baja_proposal (proposal_id, account_id, decided_on) values (:id, :account, :on)
                        on conflict (proposal_id) do update set decided_on = excluded.decided_on""")
                        .setParameter("id", decommissioned.bajaProposalId(), UUID.class).setParameter("account", decommissioned.accountId(), UUID.class)
                        .setParameter("on", decommissioned.decommissionedOn(), LocalDate.class).executeUpdate();
                case AccountRegistered registered -> snapshotInstant(registered.account().accountId(), envelope);
                case AccountUpdated updated -> snapshotInstant(updated.account().accountId(), envelope);
                default -> {
                    // The inventory itself is InventoryProjection's.
                }
            }
            watermark(REGISTRY_SCOPE, envelope);
        });
    }

    private void dispatchEvaluation(EventEnvelope envelope) {
        long sequence = envelope.sequence();
        String cycle = switch (envelope.payload()) {
            case ReviewCycleOpened opened -> {
                sql("""
                        insert into report_cycle (cycle_id, period_start, period_end, opened_at, request_count)
                        values (:cycle, :start, :end, :openedAt, :count) on conflict (cycle_id) do nothing""")
                        .setParameter("cycle", opened.cycleId(), String.class).setParameter("start", opened.periodStart(), LocalDate.class)
                        .setParameter("end", opened.periodEnd(), LocalDate.class).setParameter("openedAt", at(opened.openedAt()), OffsetDateTime.class)
                        .setParameter("count", opened.requestCount()).executeUpdate();
                yield opened.cycleId();
            }
            case SubmissionRequested requested -> {
                sql("""
                        insert into report_request (request_id, account_id, cycle_id, request_kind, area_code, due_at)
                        values (:id, :account, :cycle, :kind, :area, :due) on conflict (request_id) do nothing""")
                        .setParameter("id", requested.requestId(), UUID.class).setParameter("account", requested.accountId(), UUID.class)
                        .setParameter("cycle", requested.cycleId(), String.class).setParameter("kind", requested.requestKind(), String.class)
                        .setParameter("area", requested.areaCode(), String.class).setParameter("due", at(requested.dueAt()), OffsetDateTime.class).executeUpdate();
                yield requested.cycleId();
            }
            case SubmissionRequestWithdrawn withdrawn -> {
                sql("update report_request set withdrawn = true where request_id = :id")
                        .setParameter("id", withdrawn.requestId(), UUID.class).executeUpdate();
                yield withdrawn.cycleId();
            }
            case SubmissionOverdue overdue -> {
                sql("update report_request set overdue = true where request_id = :id")
                        .setParameter("id", overdue.requestId(), UUID.class).executeUpdate();
                yield overdue.cycleId();
            }
            case EvaluationOpened opened -> {
                sql("""
                        insert into report_evaluation (evaluation_id, account_id, cycle_id, area_code, network, area_level,
                            first_received_at, due_at, due_sequence)
                        values (:id, :account, :cycle, :area, :network, :level, :received, :due, :sequence)
                        on conflict (evaluation_id) do update set network = excluded.network, area_level = excluded.area_level,
                            first_received_at = excluded.first_received_at,
                            due_at = case when excluded.due_sequence = 0 or report_evaluation.due_sequence < excluded.due_sequence
                                then excluded.due_at else report_evaluation.due_at end,
                            due_sequence = greatest(report_evaluation.due_sequence, excluded.due_sequence)""")
                        .setParameter("id", opened.evaluationId(), UUID.class).setParameter("account", opened.accountId(), UUID.class)
                        .setParameter("cycle", opened.cycleId(), String.class).setParameter("area", opened.areaCode(), String.class)
                        .setParameter("network", opened.network(), String.class).setParameter("level", opened.areaLevel(), String.class)
                        .setParameter("received", at(opened.firstReceivedAt()), OffsetDateTime.class)
                        .setParameter("due", at(opened.dueAt()), OffsetDateTime.class).setParameter("sequence", sequence).executeUpdate();
                yield opened.cycleId();
            }
            case EvaluationTermMoved moved -> {
                // Keyed by account like the opening, so the opening was applied before: the row is there.
                sql("update report_evaluation set due_at = :due, due_sequence = :sequence "
                        + "where evaluation_id = :id and (:sequence = 0 or due_sequence < :sequence)")
                        .setParameter("id", moved.evaluationId(), UUID.class).setParameter("due", at(moved.dueAt()), OffsetDateTime.class)
                        .setParameter("sequence", sequence).executeUpdate();
                yield moved.cycleId();
            }
            case EvaluationCompleted completed -> {
                evaluationCompleted(completed, sequence);
                yield completed.cycleId();
            }
            case RatingOverridden overridden -> {
                sql("""
                        insert into report_evaluation (evaluation_id, account_id, cycle_id, area_code, rating, rating_sequence, computed_rating)
                        values (:id, :account, :cycle, :area, :rating, :sequence, :computed)
                        on conflict (evaluation_id) do update set rating = excluded.rating, rating_sequence = excluded.rating_sequence
                        where excluded.rating_sequence = 0 or report_evaluation.rating_sequence < excluded.rating_sequence""")
                        .setParameter("id", overridden.evaluationId(), UUID.class).setParameter("account", overridden.accountId(), UUID.class)
                        .setParameter("cycle", overridden.cycleId(), String.class).setParameter("area", overridden.areaCode(), String.class)
                        .setParameter("rating", overridden.rating(), String.class).setParameter("sequence", sequence)
                        .setParameter("computed", overridden.computedRating(), String.class).executeUpdate();
                yield overridden.cycleId();
            }
            case ObservationIssued issued -> {
                sql("""
                        insert into report_observation (observation_id, account_id, cycle_id, area_code, issued_at, due_at)
                        values (:id, :account, :cycle, :area, :issuedAt, :due)
                        on conflict (observation_id) do update set area_code = excluded.area_code, issued_at = excluded.issued_at,
                            due_at = coalesce(report_observation.due_at, excluded.due_at)""")
                        .setParameter("id", issued.observationId(), UUID.class).setParameter("account", issued.accountId(), UUID.class)
                        .setParameter("cycle", issued.cycleId(), String.class).setParameter("area", issued.areaCode(), String.class)
                        .setParameter("issuedAt", at(issued.effectiveAt()), OffsetDateTime.class).setParameter("due", at(issued.dueAt()), OffsetDateTime.class).executeUpdate();
                if (issued.followsUpObservationId() != null) {
                    sql("""
                            insert into report_observation (observation_id, account_id, cycle_id, area_code, followed_up_at)
                            values (:id, :account, :cycle, :area, :at)
                            on conflict (observation_id) do update set followed_up_at = excluded.followed_up_at""")
                            .setParameter("id", issued.followsUpObservationId(), UUID.class).setParameter("account", issued.accountId(), UUID.class)
                            .setParameter("cycle", issued.cycleId(), String.class).setParameter("area", issued.areaCode(), String.class)
                            .setParameter("at", at(issued.effectiveAt()), OffsetDateTime.class).executeUpdate();
                }
                yield issued.cycleId();
            }
            case ObservationDeadlineMoved moved -> {
                sql("update report_observation set due_at = :due where observation_id = :id")
                        .setParameter("id", moved.observationId(), UUID.class).setParameter("due", at(moved.dueAt()), OffsetDateTime.class).executeUpdate();
                yield moved.cycleId();
            }
            case ObservationResolved resolved -> {
                sql("""
                        insert into report_observation (observation_id, account_id, cycle_id, area_code, resolved_at, on_time)
                        values (:id, :account, :cycle, :area, :resolvedAt, :onTime)
                        on conflict (observation_id) do update set resolved_at = excluded.resolved_at, on_time = excluded.on_time""")
                        .setParameter("id", resolved.observationId(), UUID.class).setParameter("account", resolved.accountId(), UUID.class)
                        .setParameter("cycle", resolved.cycleId(), String.class).setParameter("area", resolved.areaCode(), String.class)
                        .setParameter("resolvedAt", at(resolved.resolvedAt()), OffsetDateTime.class).setParameter("onTime", resolved.onTime())
                        .executeUpdate();
                yield resolved.cycleId();
            }
            case EscalatedToAreaHead escalated -> {
                escalationStep(escalated.subjectId(), escalated.subjectKind(), escalated.accountId(), escalated.cycleId(),
                        escalated.areaCode(), "escalated", escalated.escalatedAt(), sequence);
                yield escalated.cycleId();
            }
            case ReportedToCommittee reported -> {
                escalationStep(reported.subjectId(), reported.subjectKind(), reported.accountId(), reported.cycleId(),
                        reported.areaCode(), "reported", reported.reportedAt(), sequence);
                yield reported.cycleId();
            }
            case EscalationWithdrawn withdrawn -> {
                escalationStep(withdrawn.subjectId(), withdrawn.subjectKind(), withdrawn.accountId(), withdrawn.cycleId(),
                        withdrawn.areaCode(), "withdrawn", withdrawn.withdrawnAt(), sequence);
                yield withdrawn.cycleId();
            }
            case CommitteeResolutionRecorded resolution -> {
                sql("""
                        insert into report_resolution (resolution_id, cycle_id, subject_kind, subject_id, account_id, area_code,
                            resolution, text, resolved_on)
                        values (:id, :cycle, :kind, :subject, :account, :area, :resolution, :text, :on)
                        on conflict (resolution_id) do nothing""")
                        .setParameter("id", resolution.resolutionId(), UUID.class).setParameter("cycle", resolution.cycleId(), String.class)
                        .setParameter("kind", resolution.subjectKind(), String.class).setParameter("subject", resolution.subjectId(), UUID.class)
                        .setParameter("account", resolution.accountId(), UUID.class).setParameter("area", resolution.areaCode(), String.class)
                        .setParameter("resolution", resolution.resolution(), String.class).setParameter("text", resolution.text(), String.class)
                        .setParameter("on", resolution.resolvedOn(), LocalDate.class).executeUpdate();
                yield resolution.cycleId();
            }
            case BajaProposed proposed -> {
                sql("""
                        insert into report_baja_proposal (proposal_id, account_id, cycle_id, grounds, overall_score, proposed_at)
                        values (:id, :account, :cycle, :grounds, :score, :at)
                        on conflict (proposal_id) do update set cycle_id = excluded.cycle_id, grounds = excluded.grounds,
                            overall_score = excluded.overall_score, proposed_at = excluded.proposed_at""")
                        .setParameter("id", proposed.proposalId(), UUID.class).setParameter("account", proposed.accountId(), UUID.class)
                        .setParameter("cycle", proposed.cycleId(), String.class).setParameter("grounds", proposed.grounds(), String.class)
                        .setParameter("score", proposed.overallScore(), Integer.class).setParameter("at", at(proposed.proposedAt()), OffsetDateTime.class)
                        .executeUpdate();
                yield proposed.cycleId();
            }
            case RecommendationAttended attended -> {
                sql("""
                        insert into report_recommendation (recommendation_id, evaluation_id, account_id, cycle_id, category, status,
                            status_sequence, answer)
                        values (:id, :evaluation, :account, :cycle, :category, :status, :sequence, :answer)
                        on conflict (recommendation_id) do update set status = excluded.status,
                            status_sequence = excluded.status_sequence, answer = excluded.answer
                        where excluded.status_sequence = 0 or report_recommendation.status_sequence < excluded.status_sequence""")
                        .setParameter("id", attended.recommendationId(), UUID.class).setParameter("evaluation", attended.evaluationId(), UUID.class)
                        .setParameter("account", attended.accountId(), UUID.class).setParameter("cycle", attended.cycleId(), String.class)
                        .setParameter("category", attended.category(), String.class).setParameter("status", attended.status(), String.class)
                        .setParameter("sequence", sequence).setParameter("answer", attended.answer(), String.class).executeUpdate();
                yield attended.cycleId();
            }
            default -> null;
        };
        if (cycle != null) {
            watermark(cycle, envelope);
        }
    }

    private void evaluationCompleted(EvaluationCompleted completed, long sequence) {
        sql("""
                insert into report_evaluation (evaluation_id, account_id, cycle_id, area_code, overall_score, rating, rating_sequence,
                    computed_rating, sub_scores, formula_version, late, completed_at)
                values (:id, :account, :cycle, :area, :score, :rating, :sequence, :computed, cast(:subScores as jsonb), :formula,
                    :late, :completedAt)
                on conflict (evaluation_id) do update set overall_score = excluded.overall_score,
                    computed_rating = excluded.computed_rating, sub_scores = excluded.sub_scores,
                    formula_version = excluded.formula_version, late = excluded.late, completed_at = excluded.completed_at,
                    rating = case when excluded.rating_sequence = 0 or report_evaluation.rating_sequence < excluded.rating_sequence
                        then excluded.rating else report_evaluation.rating end,
                    rating_sequence = greatest(report_evaluation.rating_sequence, excluded.rating_sequence)""")
                .setParameter("id", completed.evaluationId(), UUID.class).setParameter("account", completed.accountId(), UUID.class)
                .setParameter("cycle", completed.cycleId(), String.class).setParameter("area", completed.areaCode(), String.class)
                .setParameter("score", completed.overallScore(), Integer.class).setParameter("rating", completed.rating(), String.class)
                .setParameter("sequence", sequence).setParameter("computed", completed.computedRating(), String.class)
                .setParameter("subScores", write(completed.subScores())).setParameter("formula", completed.formulaVersion(), String.class)
                .setParameter("late", completed.late()).setParameter("completedAt", at(completed.evaluatedAt()), OffsetDateTime.class).executeUpdate();
        for (IssuedRecommendation recommendation : completed.recommendations()) {
            sql("""
                    insert into report_recommendation (recommendation_id, evaluation_id, account_id, cycle_id, category, text, status,
                        status_sequence)
                    values (:id, :evaluation, :account, :cycle, :category, :text, 'PENDING', :sequence)
                    on conflict (recommendation_id) do update set text = excluded.text, category = excluded.category""")
                    .setParameter("id", recommendation.recommendationId(), UUID.class).setParameter("evaluation", completed.evaluationId(), UUID.class)
                    .setParameter("account", completed.accountId(), UUID.class).setParameter("cycle", completed.cycleId(), String.class)
                    .setParameter("category", recommendation.category(), String.class).setParameter("text", recommendation.text(), String.class)
                    .setParameter("sequence", sequence).executeUpdate();
        }
    }

    /** One step of an Art. 15 chain: each step keeps its own instant and sequence; the latest step tells the state. */
    private void escalationStep(java.util.UUID subject, String kind, java.util.UUID account, String cycle, String area,
                                String step, Instant when, long sequence) {
        sql("insert into report_escalation (subject_id, subject_kind, account_id, cycle_id, area_code) "
                + "values (:subject, :kind, :account, :cycle, :area) on conflict (subject_id) do nothing")
                .setParameter("subject", subject, UUID.class).setParameter("kind", kind, String.class).setParameter("account", account, UUID.class)
                .setParameter("cycle", cycle, String.class).setParameter("area", area, String.class).executeUpdate();
        sql("update report_escalation set " + step + "_at = :when, " + step + "_sequence = :sequence "
                + "where subject_id = :subject and (:sequence = 0 or " + step + "_sequence < :sequence)")
                .setParameter("when", at(when), OffsetDateTime.class).setParameter("sequence", sequence).setParameter("subject", subject, UUID.class)
                .executeUpdate();
    }

    /** The earliest answer counts: a later version answering the same observation does not move it. */
    private void observationAnswered(SubmissionReceived received) {
        int updated = sql("update report_observation set answered_at = least(coalesce(answered_at, :at), :at) where observation_id = :id")
                .setParameter("id", received.answersObservationId(), UUID.class).setParameter("at", at(received.receivedAt()), OffsetDateTime.class)
                .executeUpdate();
        if (updated > 0 || received.cycleId() == null) {
            return;
        }
        // The submissions topic may run ahead of the evaluation's: the observation's issue fills in the rest.
        sql("""
                insert into report_observation (observation_id, account_id, cycle_id, answered_at) values (:id, :account, :cycle, :at)
                on conflict (observation_id) do update set answered_at = least(coalesce(report_observation.answered_at, excluded.answered_at),
                    excluded.answered_at)""")
                .setParameter("id", received.answersObservationId(), UUID.class).setParameter("account", received.accountId(), UUID.class)
                .setParameter("cycle", received.cycleId(), String.class).setParameter("at", at(received.receivedAt()), OffsetDateTime.class)
                .executeUpdate();
    }

    private void submissionReceived(SubmissionReceived received) {
        SubmissionReceived.Audience audience = received.audience() == null
                ? new SubmissionReceived.Audience(Map.of(), Map.of(), Map.of()) : received.audience();
        sql("""
                insert into report_submission (request_id, account_id, cycle_id, network, version, received_at, late, figures,
                    audience, campaigns)
                values (:request, :account, :cycle, :network, :version, :receivedAt, :late, cast(:figures as jsonb),
                    cast(:audience as jsonb), cast(:campaigns as jsonb))
                on conflict (request_id) do update set version = excluded.version, received_at = excluded.received_at,
                    late = excluded.late, figures = excluded.figures, audience = excluded.audience, campaigns = excluded.campaigns,
                    network = excluded.network
                where report_submission.version < excluded.version""")
                .setParameter("request", received.requestId(), UUID.class).setParameter("account", received.accountId(), UUID.class)
                .setParameter("cycle", received.cycleId(), String.class).setParameter("network", received.network(), String.class)
                .setParameter("version", received.version()).setParameter("receivedAt", at(received.receivedAt()), OffsetDateTime.class)
                .setParameter("late", received.late()).setParameter("figures", write(received.figures()))
                .setParameter("audience", write(audience)).setParameter("campaigns", write(received.campaigns()))
                .executeUpdate();
    }

    /** The instant of the snapshot the inventory row now shows (InventoryProjection applied it in this transaction, or skipped an older one). */
    private void snapshotInstant(UUID accountId, EventEnvelope envelope) {
        sql("update inventory_account set snapshot_at_nanos = :nanos where account_id = :id and last_sequence = :sequence")
                .setParameter("nanos", nanos(envelope.occurredAt()), Long.class).setParameter("id", accountId, UUID.class)
                .setParameter("sequence", envelope.sequence()).executeUpdate();
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private void watermark(String scope, EventEnvelope envelope) {
        long nanos = nanos(envelope.occurredAt());
        Map<String, Long> pending = deferredWatermarks.get();
        if (pending != null) {
            pending.merge(scope, nanos, Math::max);
        } else {
            writeWatermark(scope, nanos);
        }
    }

    /**
     * Applies a batch of records (a rebuild's replay) in the caller's transaction, writing each scope's watermark
     * once at the end, the greatest of the batch: the same rows at commit as one write per event, with a few
     * statements instead of one per event, and the rows locked only at the end and in scope order, so that
     * batches of different topics replayed side by side neither wait long for each other nor deadlock.
     */
    public void batched(Runnable applies) {
        Map<String, Long> pending = new TreeMap<>();
        deferredWatermarks.set(pending);
        try {
            applies.run();
        } finally {
            deferredWatermarks.remove();
        }
        pending.forEach(this::writeWatermark);
    }

    private void writeWatermark(String scope, long nanos) {
        sql("""
                insert into report_watermark (scope, occurred_at_nanos) values (:scope, :nanos)
                on conflict (scope) do update
                    set occurred_at_nanos = greatest(report_watermark.occurred_at_nanos, excluded.occurred_at_nanos)""")
                .setParameter("scope", scope, String.class)
                .setParameter("nanos", nanos, Long.class)
                .executeUpdate();
    }

    /** Typed parameters throughout: a null (an optional field of an event) must still bind as its column's type. */
    private NativeQuery<?> sql(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
