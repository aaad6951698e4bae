package mx.ine.redes.submissions.evidence;

import java.nio.file.Path;

/**
 * One uploaded evidence file: where the HTTP layer put it, the name the client gave it, and the
 * name of its part in the request (e.g. {@code evidence[2]}), which a refusal names.
 */
public record EvidenceUpload(Path file, String givenName, String field) {
}
