package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Art. 12: chosen accounts, the information wanted, the day it is due (18:00, Institute time), and why;
 * with {@code committeeResolutionId}, made on the Committee's behalf (Art. 8 II), citing its resolution.
 */
public record AdHocRequest(
        @NotEmpty @Size(max = 1000) List<@NotNull UUID> accountIds,
        @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> requestedFields,
        @NotNull LocalDate dueOn,
        @NotBlank @Size(max = 2000) String reason,
        UUID committeeResolutionId) {
}
