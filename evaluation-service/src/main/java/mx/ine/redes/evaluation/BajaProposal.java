package mx.ine.redes.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A baja the evaluation proposes to the Committee (domain.md §5), at most one standing per evaluation:
 * PROPOSED at completion; DECIDED when the registry's baja act cites it
 * ({@code AccountDecommissioned.bajaProposalId}); WITHDRAWN when CNCS overrides a NOT_PERTINENT
 * rating to a pertinent one while it is still proposed.
 */
@Entity
@Table(name = "baja_proposal")
public class BajaProposal extends PanacheEntityBase {

    public enum Status { PROPOSED, DECIDED, WITHDRAWN }

    public enum Grounds { NOT_PERTINENT, DORMANT }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id")
    public String cycleId;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(nullable = false)
    public String network;

    @Column(nullable = false)
    public String handle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Grounds grounds;

    @Column(name = "overall_score")
    public Integer overallScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    /** The day of the baja as the registry's act gives it. */
    @Column(name = "decided_on")
    public LocalDate decidedOn;

    /** The reason of the registry's baja act. */
    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
}
