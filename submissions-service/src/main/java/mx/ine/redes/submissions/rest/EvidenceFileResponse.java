package mx.ine.redes.submissions.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One evidence file: its SHA-256 (what a submission cites), the type recognised from its content, its size and safe name. */
public record EvidenceFileResponse(
        String sha256,
        @Schema(description = "image/png, image/jpeg o application/pdf, reconocido por el contenido") String contentType,
        long sizeBytes,
        String fileName,
        @Schema(description = "Cuándo se subió (sólo en la lista del requerimiento)") Instant uploadedAt,
        @Schema(description = "Dónde descargarlo (sólo en la lista de la entrega)") String download) {
}
