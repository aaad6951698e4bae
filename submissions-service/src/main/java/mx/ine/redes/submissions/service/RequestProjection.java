package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import mx.ine.redes.events.EvaluationCompleted;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.ObservationResolved;
import mx.ine.redes.events.SubmissionDeadlineMoved;
import mx.ine.redes.events.SubmissionRequestWithdrawn;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.submissions.KnownObservation;
import mx.ine.redes.submissions.StatisticsRequest;
import mx.ine.redes.support.inbox.Inbox;

/**
 * What this service keeps of evaluation-service's events: the requests (with their deadline as it
 * stands now and whether they still take submissions) and the observations a correction may answer.
 * Each event is applied once (inbox) in the transaction of its effect; an event older than the
 * request's state (by the envelope's per-account sequence) does not move its deadline back.
 */
@ApplicationScoped
@Transactional
public class RequestProjection {

    static final String CONSUMER = "submissions-requests";

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    public void apply(String record) {
        inbox.applyOnce(CONSUMER, record, this::dispatch);
    }

    private void dispatch(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case SubmissionRequested requested -> requested(requested, envelope);
            case SubmissionDeadlineMoved moved -> moved(moved, envelope);
            case SubmissionRequestWithdrawn withdrawn -> {
                StatisticsRequest request = lock(withdrawn.requestId());
                if (request != null && request.status == StatisticsRequest.Status.OPEN) {
                    request.status = StatisticsRequest.Status.WITHDRAWN;
                    request.statusReason = withdrawn.reason();
                    request.statusChangedAt = withdrawn.withdrawnAt();
                    applied(request, envelope);
                }
            }
            case EvaluationCompleted completed -> {
                for (StatisticsRequest request : cycleRequests(completed)) {
                    if (request.status == StatisticsRequest.Status.OPEN) {
                        request.status = StatisticsRequest.Status.CLOSED;
                        request.statusReason = "La evaluación del ciclo " + completed.cycleId() + " concluyó.";
                        request.statusChangedAt = completed.evaluatedAt();
                        applied(request, envelope);
                    }
                }
            }
            case ObservationIssued issued -> {
                if (entityManager.find(KnownObservation.class, issued.observationId()) == null) {
                    KnownObservation observation = new KnownObservation();
                    observation.observationId = issued.observationId();
                    observation.accountId = issued.accountId();
                    observation.cycleId = issued.cycleId();
                    observation.dueAt = issued.dueAt();
                    entityManager.persist(observation);
                }
            }
            case ObservationResolved resolved -> {
                KnownObservation observation = entityManager.find(KnownObservation.class, resolved.observationId());
                if (observation != null) {
                    observation.resolvedAt = resolved.resolvedAt();
                }
            }
            default -> {
                // Cycles, escalations and the rest concern evaluation and reporting, not intake.
            }
        }
    }

    private void requested(SubmissionRequested requested, EventEnvelope envelope) {
        if (entityManager.find(StatisticsRequest.class, requested.requestId()) != null) {
            return;
        }
        StatisticsRequest request = new StatisticsRequest();
        request.requestId = requested.requestId();
        request.accountId = requested.accountId();
        request.cycleId = requested.cycleId();
        request.kind = StatisticsRequest.Kind.valueOf(requested.requestKind());
        request.requestedFields = new ArrayList<>(requested.requestedFields());
        request.windowOpensAt = requested.windowOpensAt();
        request.effectiveAt = requested.effectiveAt();
        request.dueAt = requested.dueAt();
        request.status = StatisticsRequest.Status.OPEN;
        applied(request, envelope);
        entityManager.persist(request);
    }

    private void moved(SubmissionDeadlineMoved moved, EventEnvelope envelope) {
        StatisticsRequest request = lock(moved.requestId());
        if (request == null || (envelope.sequence() != 0 && envelope.sequence() <= request.lastSequence)) {
            return;
        }
        request.dueAt = moved.dueAt();
        request.effectiveAt = moved.effectiveAt();
        applied(request, envelope);
    }

    private List<StatisticsRequest> cycleRequests(EvaluationCompleted completed) {
        return entityManager.createQuery("""
                        from StatisticsRequest where accountId = :account and cycleId = :cycle and kind = :kind""",
                        StatisticsRequest.class)
                .setParameter("account", completed.accountId())
                .setParameter("cycle", completed.cycleId())
                .setParameter("kind", StatisticsRequest.Kind.CYCLE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private StatisticsRequest lock(java.util.UUID requestId) {
        return entityManager.find(StatisticsRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
    }

    private void applied(StatisticsRequest request, EventEnvelope envelope) {
        request.lastSequence = Math.max(request.lastSequence, envelope.sequence());
        request.updatedAt = clock.instant();
    }
}
