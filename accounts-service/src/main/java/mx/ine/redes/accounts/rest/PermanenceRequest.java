package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A decision that the account stays (seed 001, "Permanencia de cuentas / Observaciones"). */
public record PermanenceRequest(
        @NotNull LocalDate decidedOn,
        @NotBlank @Size(max = 1000) String reason,
        @Size(max = 4000) String observations) {
}
