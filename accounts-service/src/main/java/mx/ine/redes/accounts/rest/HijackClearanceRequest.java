package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * CNCS's finding that a possible hijack is not one (the platform changed its id, the owner
 * confirmed the account): why, and optionally the platform id that is now the right one.
 */
public record HijackClearanceRequest(
        @NotBlank @Size(max = 2000) String justification,
        @Size(min = 1, max = 100) String platformAccountId) {
}
