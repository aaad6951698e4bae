package mx.ine.redes.submissions.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request as its administrator sees it: what is asked, from when, until when, and how much time is left. */
public record RequestResponse(
        UUID requestId,
        UUID accountId,
        String network,
        String handle,
        String displayName,
        String areaCode,
        String cycleId,
        @Schema(description = "CYCLE o AD_HOC") String kind,
        @Schema(description = "El formulario: X, FACEBOOK, la red, o AD_HOC; su JSON Schema en GET /api/requests/{id}/form") String form,
        List<RequestedField> fields,
        Instant windowOpensAt,
        boolean windowOpen,
        @Schema(description = "La fecha límite tal como está ahora (sigue los cambios de plazo)") Instant dueAt,
        @Schema(description = "La fecha límite en hora de la Ciudad de México") OffsetDateTime dueAtLocal,
        @Schema(description = "Tiempo que falta (ISO 8601, p. ej. PT52H); negativo si ya venció") String timeLeft,
        long secondsLeft,
        boolean overdue,
        @Schema(description = "OPEN, WITHDRAWN o CLOSED") String status,
        String statusReason,
        UUID submissionId,
        Integer currentVersion) {

    /** One field of the request's form. */
    public record RequestedField(String name, String letter, boolean required, String label) {
    }
}
