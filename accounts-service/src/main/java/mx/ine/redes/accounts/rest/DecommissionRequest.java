package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A baja: when, why, and what was observed (seed 001, "Cuentas dadas de baja / Observaciones");
 * {@code bajaProposalId}, when the baja decides a proposal of the evaluation ({@code BajaProposed})
 * for this same account, which the act then cites.
 */
public record DecommissionRequest(
        @NotNull LocalDate decommissionedOn,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 4000) String observations,
        UUID bajaProposalId) {

    public DecommissionRequest(LocalDate decommissionedOn, String reason, String observations) {
        this(decommissionedOn, reason, observations, null);
    }
}
