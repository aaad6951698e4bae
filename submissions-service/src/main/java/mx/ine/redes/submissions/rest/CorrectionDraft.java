package mx.ine.redes.submissions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A correction: the whole declaration again, as a new version. {@code basedOnVersion} is the
 * version the author corrected: if another correction came first, this one is refused (409) rather
 * than silently overwriting it. {@code evidence} left out keeps the previous version's files.
 */
public record CorrectionDraft(
        @NotNull @Min(1) Integer basedOnVersion,
        @Schema(implementation = FiguresDocumentation.class) JsonNode figures,
        @Schema(implementation = AudienceDocumentation.class) JsonNode audience,
        @Schema(implementation = CampaignDocumentation[].class) JsonNode campaigns,
        LocalDate lastPublicationOn,
        @Size(max = 20) @Schema(description = "SHA-256 de los archivos de esta versión; si se omite, los de la anterior")
        List<@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "{submissions.sha256}") String> evidence,
        @Schema(description = "La observación (Art. 14) que esta corrección atiende") UUID answersObservationId,
        @Valid OnBehalf enteredOnBehalf) {
}
