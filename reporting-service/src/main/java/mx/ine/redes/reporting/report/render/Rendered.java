package mx.ine.redes.reporting.report.render;

/**
 * A rendered report: the document's bytes, its media type and the file name to offer
 * ({@code Content-Disposition: attachment; filename="..."}). Reports are bounded (one cycle), so the
 * document is built in memory: that is also what lets a test compare two renderings byte for byte.
 */
public record Rendered(byte[] body, String contentType, String fileName) {

    /** The {@code Content-Disposition} header value for a download. */
    public String contentDisposition() {
        return "attachment; filename=\"" + fileName + "\"";
    }
}
