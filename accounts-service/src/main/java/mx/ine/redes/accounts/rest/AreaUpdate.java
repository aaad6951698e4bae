package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What may change in an area: its name, its parent and its head. Absent fields stay as they are. */
public record AreaUpdate(
        @Pattern(regexp = ".*\\S.*", message = "no puede quedar vacío") @Size(max = 200) String name,
        @Pattern(regexp = "[A-Z0-9-]{2,30}", message = "debe tener de 2 a 30 mayúsculas, dígitos o guiones") String parentCode,
        @Size(max = 200) String headName,
        @Email @Pattern(regexp = "(?i)[^@\\s]+@ine\\.mx", message = "debe ser una dirección institucional @ine.mx") String headEmail) {
}
