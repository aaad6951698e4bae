package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What may change in an area: its name, its parent and its head. Absent fields stay as they are.
 * {@code removeHead: true} leaves the area without a head (an area may be temporarily without a
 * titular; Art. 15 escalations then go to the head of the area above); it cannot come together
 * with a new head, since a JSON {@code null} and an absent field read alike here.
 */
public record AreaUpdate(
        @Pattern(regexp = ".*\\S.*", message = "no puede quedar vacío") @Size(max = 200) String name,
        @Pattern(regexp = "[A-Z0-9-]{2,30}", message = "debe tener de 2 a 30 mayúsculas, dígitos o guiones") String parentCode,
        @Pattern(regexp = ".*\\S.*", message = "no puede quedar vacío; para quitar al titular use removeHead") @Size(max = 200) String headName,
        @Email @Pattern(regexp = "(?i)[^@\\s]+@ine\\.mx", message = "debe ser una dirección institucional @ine.mx") String headEmail,
        Boolean removeHead) {

    public boolean removesHead() {
        return Boolean.TRUE.equals(removeHead);
    }
}
