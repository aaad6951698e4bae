package mx.ine.redes.submissions.evidence;

/**
 * One evidence file as stored: its SHA-256 (lowercase hex, the key of its content), the type
 * recognised from its content, its size and the name a download of it is given.
 */
public record StoredEvidence(String sha256, String contentType, long sizeBytes, String safeFileName) {
}
