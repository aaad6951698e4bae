package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import mx.ine.redes.accounts.AccountKind;

/** The registry data CNCS may correct; absent fields stay as they are. */
public record AccountPatch(
        @Pattern(regexp = ".*\\S.*", message = "{accounts.text.blank}") @Size(max = 200) String displayName,
        AccountKind kind,
        @Size(min = 1, max = 40) String areaCode,
        @Size(min = 1, max = 100) String platformAccountId,
        LocalDate lastPublicationOn,
        Boolean notLocated) {
}
