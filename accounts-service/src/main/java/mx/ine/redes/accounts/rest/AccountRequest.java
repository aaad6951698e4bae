package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.Network;

/** An account to register by network and handle. Status, ids and timestamps are the server's. */
public record AccountRequest(
        @NotNull Network network,
        @NotBlank @Pattern(regexp = "@?[A-Za-z0-9._-]{1,100}", message = "solo admite letras, dígitos, punto, guion y guion bajo (hasta 100)") String handle,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull AccountKind kind,
        @NotBlank String areaCode) {
}
