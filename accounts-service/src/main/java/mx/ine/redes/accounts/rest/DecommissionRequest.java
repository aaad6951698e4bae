package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A baja: when, why, and what was observed (seed 001, "Cuentas dadas de baja / Observaciones"). */
public record DecommissionRequest(
        @NotNull LocalDate decommissionedOn,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 4000) String observations) {
}
