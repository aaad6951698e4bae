package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import mx.ine.redes.accounts.AccountKind;
import mx.ine.redes.accounts.Network;

/**
 * An account to register, from a pasted {@code url} or from {@code network} + {@code handle}.
 * Status, ids, timestamps and flags are the server's: a body that names them is refused.
 */
public record AccountRequest(
        @Size(max = 500) String url,
        Network network,
        @Size(max = 300) String handle,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull AccountKind kind,
        @NotBlank @Size(max = 40) String areaCode,
        @Size(max = 100) String platformAccountId,
        LocalDate lastPublicationOn,
        List<@NotBlank @Email String> administratorEmails) {

    public AccountRequest {
        administratorEmails = administratorEmails == null ? List.of() : List.copyOf(administratorEmails);
    }

    /** Registration by network and handle, as most callers do. */
    public static AccountRequest byHandle(Network network, String handle, String displayName, AccountKind kind,
                                          String areaCode) {
        return new AccountRequest(null, network, handle, displayName, kind, areaCode, null, null, List.of());
    }
}
