package mx.ine.redes.submissions.evidence;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The response that serves stored evidence: the type recognised when it was stored, its exact
 * length, a safe name, and headers that keep a browser from treating it as anything else.
 */
public final class EvidenceDownload {

    private EvidenceDownload() {
    }

    /**
     * @param content      what {@link EvidenceStore#find} returned
     * @param safeFileName the name it was stored under ({@link StoredEvidence#safeFileName()})
     * @param body         {@link EvidenceStore#stream} of the same content
     */
    public static Response response(EvidenceContent content, String safeFileName, StreamingOutput body) {
        return Response.ok(body, content.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, content.sizeBytes())
                .header("Content-Disposition", SafeFileName.contentDisposition(safeFileName))
                // The bytes were recognised on upload: no browser may guess another type from them.
                .header("X-Content-Type-Options", "nosniff")
                // Opened in a tab rather than saved, a PDF still runs no script and loads nothing.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                // The content under a SHA-256 never changes; who may see it is checked on every request.
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable")
                .tag(content.sha256())
                .build();
    }
}
