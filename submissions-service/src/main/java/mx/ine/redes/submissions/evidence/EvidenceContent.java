package mx.ine.redes.submissions.evidence;

import java.time.Instant;

/** What is known of stored evidence bytes without reading them. */
public record EvidenceContent(String sha256, String contentType, long sizeBytes, Instant storedAt) {
}
