package mx.ine.redes.submissions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The first submission for a request. {@code figures}, {@code audience} and {@code campaigns} are
 * read against the request's form, which reports every offending field at once (the form's JSON
 * Schema: {@code GET /api/requests/{id}/form}).
 */
public record SubmissionDraft(
        @NotNull UUID requestId,
        @Schema(implementation = FiguresDocumentation.class) JsonNode figures,
        @Schema(implementation = AudienceDocumentation.class) JsonNode audience,
        @Schema(implementation = CampaignDocumentation[].class) JsonNode campaigns,
        LocalDate lastPublicationOn,
        @Size(max = 20) @Schema(description = "SHA-256 de archivos subidos con POST /api/requests/{id}/evidence")
        List<@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "{submissions.sha256}") String> evidence,
        @Valid OnBehalf enteredOnBehalf) {
}
