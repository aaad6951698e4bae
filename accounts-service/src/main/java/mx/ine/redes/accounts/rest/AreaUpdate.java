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
        @Pattern(regexp = ".*\\S.*", message = "{accounts.text.blank}") @Size(max = 200) String name,
        @Pattern(regexp = "[A-Z0-9-]{2,30}", message = "{accounts.area.code.pattern}") String parentCode,
        @Pattern(regexp = ".*\\S.*", message = "{accounts.area.headName.blank}") @Size(max = 200) String headName,
        @Email @Pattern(regexp = "(?i)[^@\\s]+@ine\\.mx", message = "{accounts.staff.email.domain}") String headEmail,
        Boolean removeHead) {

    public boolean removesHead() {
        return Boolean.TRUE.equals(removeHead);
    }
}
