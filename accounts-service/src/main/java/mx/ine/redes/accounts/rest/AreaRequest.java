package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import mx.ine.redes.accounts.AreaLevel;

/** An area to register. Ids and timestamps are the server's: a client cannot set them. */
public record AreaRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,30}", message = "{accounts.area.code.pattern}") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull AreaLevel level,
        @Min(1) @Max(32) Integer state,
        @Min(1) @Max(300) Integer district,
        @Pattern(regexp = "[A-Z0-9-]{2,30}", message = "{accounts.area.code.pattern}") String parentCode,
        @Size(max = 200) String headName,
        @Email @Pattern(regexp = "(?i)[^@\\s]+@ine\\.mx", message = "{accounts.staff.email.domain}") String headEmail) {
}
