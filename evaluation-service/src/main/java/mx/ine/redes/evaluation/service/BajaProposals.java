package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.evaluation.BajaProposal;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.RatingOverride;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.scoring.AccountScore;
import mx.ine.redes.evaluation.scoring.Rating;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.support.outbox.EventPublisher;
import org.jboss.logging.Logger;

/**
 * Proposed bajas (domain.md §5). The rule, applied at completion: an account found <b>dormant</b>
 * when it was scored (the registry's last publication more than 365 days before the day of scoring,
 * {@link CaseScoring}; the formula then rates it NOT_PERTINENT) is proposed on grounds DORMANT;
 * otherwise a rating that stands NOT_PERTINENT (the formula's, or CNCS's override) is proposed on
 * grounds NOT_PERTINENT. After completion, an override from NOT_PERTINENT to a pertinent rating
 * withdraws a NOT_PERTINENT proposal still PROPOSED (dormancy is a fact an override does not undo), and an
 * override to NOT_PERTINENT proposes one if none stands. The registry's baja act citing a proposal
 * ({@code AccountDecommissioned.bajaProposalId}) makes it DECIDED.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BajaProposals {

    private static final Logger LOG = Logger.getLogger(BajaProposals.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    /** Completion's part (in its transaction): the proposal the rule yields, if any. */
    public Optional<BajaProposal> proposeAtCompletion(EvaluationCase evaluation, AccountScore score, String actor) {
        if (score.explanation().dormant()) {
            return Optional.of(propose(evaluation, BajaProposal.Grounds.DORMANT, actor));
        }
        if (Rating.NOT_PERTINENT.name().equals(evaluation.rating)) {
            return Optional.of(propose(evaluation, BajaProposal.Grounds.NOT_PERTINENT, actor));
        }
        return Optional.empty();
    }

    /** An override after completion changed the rating that stands from {@code previous} to {@code override.rating}. */
    void ratingChangedAfterCompletion(EvaluationCase evaluation, String previous, RatingOverride override) {
        Optional<BajaProposal> standing = standing(evaluation.id);
        if (Rating.NOT_PERTINENT.name().equals(previous)) {
            standing.filter(p -> p.status == BajaProposal.Status.PROPOSED && p.grounds == BajaProposal.Grounds.NOT_PERTINENT)
                    .ifPresent(proposal -> withdraw(proposal, override));
        } else if (Rating.NOT_PERTINENT.name().equals(override.rating) && standing.isEmpty()) {
            propose(evaluation, BajaProposal.Grounds.NOT_PERTINENT, override.overriddenBy);
        }
    }

    /**
     * The registry's baja act cites a proposal: it is DECIDED, with the act's day and reason. Called in
     * the projection's transaction for the event (redeliveries never get here). A proposal unknown here
     * or already withdrawn is logged and left as it is: the partition is not held for it.
     */
    public void decideOnDecommission(AccountDecommissioned decommissioned) {
        if (decommissioned.bajaProposalId() == null) {
            return;
        }
        BajaProposal proposal = entityManager.find(BajaProposal.class, decommissioned.bajaProposalId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (proposal == null || proposal.status != BajaProposal.Status.PROPOSED) {
            LOG.warnf("The baja of account %s cites proposal %s, which is %s here; left as it is", decommissioned.accountId(),
                    decommissioned.bajaProposalId(), proposal == null ? "unknown" : proposal.status);
            return;
        }
        Instant now = clock.instant();
        proposal.status = BajaProposal.Status.DECIDED;
        proposal.decidedOn = decommissioned.decommissionedOn();
        proposal.decisionReason = decommissioned.reason();
        proposal.decidedAt = now;
        audit.record(AuditTrail.Act.of(AuditTrail.SYSTEM, "BAJA_PROPOSAL_DECIDED", "BAJA_PROPOSAL", proposal.id,
                        proposal.accountId, proposal.cycleId, null, "El registro dio de baja la cuenta el "
                                + decommissioned.decommissionedOn() + " citando esta propuesta de baja.")
                .with("reason", decommissioned.reason()).with("decidedOn", String.valueOf(decommissioned.decommissionedOn())));
    }

    private BajaProposal propose(EvaluationCase evaluation, BajaProposal.Grounds grounds, String actor) {
        Instant now = clock.instant();
        ReviewedAccount account = ReviewedAccount.findById(evaluation.accountId);
        BajaProposal proposal = new BajaProposal();
        proposal.id = UUID.randomUUID();
        proposal.caseId = evaluation.id;
        proposal.accountId = evaluation.accountId;
        proposal.cycleId = evaluation.cycleId;
        proposal.areaCode = evaluation.areaCode;
        proposal.network = evaluation.network;
        proposal.handle = account != null ? account.handle : "";
        proposal.grounds = grounds;
        proposal.overallScore = evaluation.overallScore;
        proposal.status = BajaProposal.Status.PROPOSED;
        proposal.proposedAt = now;
        proposal.persist();
        events.publish(new BajaProposed(proposal.id, proposal.accountId, proposal.cycleId, proposal.caseId, proposal.areaCode,
                proposal.network, proposal.handle, grounds.name(), proposal.overallScore, now));
        audit.record(AuditTrail.Act.of(actor, "BAJA_PROPOSED", "BAJA_PROPOSAL", proposal.id, proposal.accountId,
                        proposal.cycleId, null, grounds == BajaProposal.Grounds.DORMANT
                                ? "Se propone la baja de la cuenta al Comité: más de un año sin publicar."
                                : "Se propone la baja de la cuenta al Comité: su calificación es no pertinente.")
                .with("evaluationId", evaluation.id.toString()).with("grounds", grounds.name())
                .with("overallScore", String.valueOf(proposal.overallScore)));
        return proposal;
    }

    private void withdraw(BajaProposal proposal, RatingOverride override) {
        proposal.status = BajaProposal.Status.WITHDRAWN;
        proposal.withdrawnAt = override.overriddenAt;
        proposal.withdrawnBy = override.overriddenBy;
        proposal.withdrawalReason = override.justification;
        audit.record(AuditTrail.Act.of(override.overriddenBy, "BAJA_PROPOSAL_WITHDRAWN", "BAJA_PROPOSAL", proposal.id,
                        proposal.accountId, proposal.cycleId, null, "Se retira la propuesta de baja: la CNCS modificó la"
                                + " calificación a " + override.rating + ".")
                .with("overrideId", override.id.toString()).with("justification", override.justification));
    }

    private Optional<BajaProposal> standing(UUID caseId) {
        List<BajaProposal> found = entityManager.createQuery(
                        "from BajaProposal where caseId = :case and status <> :withdrawn", BajaProposal.class)
                .setParameter("case", caseId).setParameter("withdrawn", BajaProposal.Status.WITHDRAWN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return found.stream().findFirst();
    }
}
