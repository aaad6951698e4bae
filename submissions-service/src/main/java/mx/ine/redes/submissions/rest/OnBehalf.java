package mx.ine.redes.submissions.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Art. 9: the information arrived by e-mail or oficio and CNCS enters it for the administrator.
 * {@code receivedAt}, when the Institute received the document (default: now), is what the
 * deadline is judged against.
 */
@Schema(description = "Sólo Comunicación Social: entrega recibida por correo electrónico u oficio (Art. 9)")
public record OnBehalf(
        @NotNull Channel channel,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}/_.\\- ]+", message = "{submissions.documentReference}")
        @Schema(examples = "INE/JLE-CHIS/0123/2026") String documentReference,
        @Schema(description = "Cuándo recibió el Instituto el documento; por omisión, ahora. No puede ser futuro.")
        Instant receivedAt) {

    public enum Channel { EMAIL, OFICIO }
}
