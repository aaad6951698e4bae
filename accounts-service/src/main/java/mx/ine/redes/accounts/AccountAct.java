package mx.ine.redes.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded decision on an account: its baja, or that it stays (seed 001, "Permanencia de cuentas"). */
@Entity
@Table(name = "account_act")
public class AccountAct extends PanacheEntityBase {

    public enum Kind { DECOMMISSION, PERMANENCE, HIJACK_CLEARANCE }

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(nullable = false)
    public String reason;

    public String observations;

    /** The evaluation's proposed baja a baja act cites ({@link BajaProposal}), if any. */
    @Column(name = "baja_proposal_id")
    public UUID bajaProposalId;

    /** How the act cites that proposal ({@link BajaProposal#citation()}), as recorded. */
    public String citation;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static List<AccountAct> of(Account account) {
        return list("account = ?1 order by recordedAt, id", account);
    }
}
