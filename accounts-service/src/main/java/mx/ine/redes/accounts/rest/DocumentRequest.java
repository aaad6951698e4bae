package mx.ine.redes.accounts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A guide for administrators (Art. 6 IV): published as an https link to the document. */
public record DocumentRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 1000) @Pattern(regexp = "https://\\S+", message = "{accounts.document.link.https}") String link,
        @Size(max = 2000) String description,
        @NotNull LocalDate publishedOn) {
}
