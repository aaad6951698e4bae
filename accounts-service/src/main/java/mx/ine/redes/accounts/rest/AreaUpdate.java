package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What may change in an area: its name, its parent, its head and its liaison. Absent fields stay as
 * they are. {@code removeHead: true} leaves the area without a head (an area may be temporarily
 * without a titular; Art. 15 escalations then go to the head of the area above); it cannot come
 * together with a new head, since a JSON {@code null} and an absent field read alike here.
 * {@code liaisonName}/{@code liaisonEmail} name the person in charge of the topic (Art. 9,
 * "encargado del tema"), an institutional e-mail like the head's; an area has both or neither, and
 * {@code removeLiaison: true} clears both (not together with a new liaison).
 */
public record AreaUpdate(
        @Pattern(regexp = ".*\\S.*", message = "{accounts.text.blank}") @Size(max = 200) String name,
        @Pattern(regexp = "[A-Z0-9-]{2,30}", message = "{accounts.area.code.pattern}") String parentCode,
        @Pattern(regexp = ".*\\S.*", message = "{accounts.area.headName.blank}") @Size(max = 200) String headName,
        @Email @Pattern(regexp = "(?i)[^@\\s]+@ine\\.mx", message = "{accounts.staff.email.domain}") String headEmail,
        Boolean removeHead,
        @Pattern(regexp = ".*\\S.*", message = "{accounts.area.liaisonName.blank}") @Size(max = 200) String liaisonName,
        @Email @Pattern(regexp = "(?i)[^@\\s]+@ine\\.mx", message = "{accounts.staff.email.domain}") String liaisonEmail,
        Boolean removeLiaison) {

    public AreaUpdate(String name, String parentCode, String headName, String headEmail, Boolean removeHead) {
        this(name, parentCode, headName, headEmail, removeHead, null, null, null);
    }

    public boolean removesHead() {
        return Boolean.TRUE.equals(removeHead);
    }

    public boolean removesLiaison() {
        return Boolean.TRUE.equals(removeLiaison);
    }
}
