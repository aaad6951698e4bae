package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member of staff; the e-mail must be in the {@code ine.mx} domain. */
public record PersonRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 200) String email,
        @Size(max = 40) String areaCode) {
}
