package mx.ine.redes.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A baja the evaluation proposed to the Committee ({@code BajaProposed}, domain.md §5), as received
 * from the evaluation's topic: a baja act may cite it. {@code id} is the evaluation's proposal id.
 */
@Entity
@Table(name = "baja_proposal")
public class BajaProposal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "cycle_id", nullable = false)
    public String cycleId;

    @Column(name = "evaluation_id")
    public UUID evaluationId;

    /** {@code NOT_PERTINENT} (its rating) or {@code DORMANT}. */
    @Column(nullable = false)
    public String grounds;

    @Column(name = "overall_score")
    public Integer overallScore;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** How the baja act and the account's history cite it, in Spanish (the registry's language). */
    public String citation() {
        return "Baja propuesta en la evaluación del ciclo " + cycleId + " (propuesta " + id + ", motivo: "
                + groundsInWords() + ")";
    }

    private String groundsInWords() {
        return switch (grounds) {
            case "NOT_PERTINENT" -> "calificación no pertinente"
                    + (overallScore == null ? "" : ", puntaje " + overallScore);
            case "DORMANT" -> "cuenta inactiva por más de un año";
            default -> grounds;
        };
    }
}
