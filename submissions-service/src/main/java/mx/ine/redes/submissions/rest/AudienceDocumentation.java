package mx.ine.redes.submissions.rest;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Only documents {@code audience} in OpenAPI. */
@Schema(name = "AudienceShares", description = "Porcentajes de 0 a 100 (a lo más 2 decimales); cada grupo suma a lo más 100.")
public record AudienceDocumentation(
        @Schema(description = "female, male, other, unspecified") Map<String, BigDecimal> gender,
        @Schema(description = "«18-24», «65+»…") Map<String, BigDecimal> ageBands,
        @Schema(description = "Códigos ISO 3166-1 de dos letras") Map<String, BigDecimal> countries) {
}
