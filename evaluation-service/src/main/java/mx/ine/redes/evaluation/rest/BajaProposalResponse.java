package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import mx.ine.redes.evaluation.BajaProposal;

/**
 * A proposed baja (domain.md §5): {@code grounds} NOT_PERTINENT or DORMANT; {@code status} PROPOSED,
 * DECIDED (the registry's baja act cited it: {@code decidedOn}, {@code decisionReason}) or WITHDRAWN
 * (CNCS's override to a pertinent rating: {@code withdrawnBy}, {@code withdrawalReason}).
 */
public record BajaProposalResponse(UUID id, UUID evaluationId, UUID accountId, String cycleId, String areaCode, String network,
                                   String handle, String grounds, Integer overallScore, String status, Instant proposedAt,
                                   LocalDate decidedOn, String decisionReason, Instant decidedAt, Instant withdrawnAt,
                                   String withdrawnBy, String withdrawalReason) {

    public static BajaProposalResponse of(BajaProposal p) {
        return new BajaProposalResponse(p.id, p.caseId, p.accountId, p.cycleId, p.areaCode, p.network, p.handle,
                p.grounds.name(), p.overallScore, p.status.name(), p.proposedAt, p.decidedOn, p.decisionReason, p.decidedAt,
                p.withdrawnAt, p.withdrawnBy, p.withdrawalReason);
    }
}
