package mx.ine.redes.evaluation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import mx.ine.redes.support.input.FreeText;

/** Why CNCS withdraws a request: what the administrators who were told will read. */
public record WithdrawalRequest(@NotBlank @FreeText @Size(min = 1, max = 2000) String reason) {
}
