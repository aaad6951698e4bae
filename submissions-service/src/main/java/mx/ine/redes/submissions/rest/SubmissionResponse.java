package mx.ine.redes.submissions.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.SubmissionReceived;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submission with every version, first to last, and what changed from each to the next. */
public record SubmissionResponse(
        UUID id,
        UUID requestId,
        UUID accountId,
        String network,
        String handle,
        String areaCode,
        String cycleId,
        String kind,
        int currentVersion,
        Instant firstReceivedAt,
        @Schema(description = "Si la primera versión llegó después de la fecha límite vigente entonces") boolean late,
        List<Version> versions) {

    public record Version(
            int version,
            @Schema(description = "El instante de recepción que cuenta para el plazo") Instant receivedAt,
            OffsetDateTime receivedAtLocal,
            @Schema(description = "Cuándo se registró en el sistema (distinto de receivedAt si Comunicación Social la capturó después)")
            Instant enteredAt,
            Instant dueAt,
            boolean late,
            Map<String, Long> figures,
            SubmissionReceived.Audience audience,
            List<SubmissionReceived.CampaignPosts> campaigns,
            LocalDate lastPublicationOn,
            List<Warning> warnings,
            UUID answersObservationId,
            List<SubmissionReceived.EvidenceFile> evidence,
            Author enteredBy,
            @Schema(description = "Lo que cambió respecto de la versión anterior (vacío en la versión 1)") List<Change> changes) {
    }

    public record Warning(String code, List<String> fields, String message) {
    }

    public record Author(String email, boolean onBehalf, String channel, String documentReference) {
    }

    public record Change(String field, JsonNode from, JsonNode to) {
    }
}
