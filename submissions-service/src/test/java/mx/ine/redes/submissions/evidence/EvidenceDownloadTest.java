package mx.ine.redes.submissions.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A download is served with its recognised type, its length, a safe name and no room for sniffing. */
class EvidenceDownloadTest {

    @Test
    void shouldServeTheRecognisedTypeUnderItsSafeNameWithoutSniffing() {
        String sha = "ab".repeat(32);
        EvidenceContent content = new EvidenceContent(sha, "image/png", 3_145_728, Instant.parse("2026-12-01T10:00:00Z"));

        Response response = EvidenceDownload.response(content, "Alcance diciembre.png", output -> { });

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Content-Type")).isEqualTo("image/png");
        assertThat(response.getHeaderString("Content-Length")).isEqualTo("3145728");
        assertThat(response.getHeaderString("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Alcance diciembre.png\"; filename*=UTF-8''Alcance%20diciembre.png");
        assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaderString("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
        assertThat(response.getEntityTag().getValue()).isEqualTo(sha);
    }
}
