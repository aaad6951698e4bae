package mx.ine.redes.support.problem;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code api.max-body-size} before it is read, as a problem. A body that
 * does not announce its length (chunked) is counted as it is read and refused as a problem once it
 * passes the limit. The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is higher
 * and is only the hard stop of what is buffered; it cannot answer with a problem.
 */
@Provider
public class BodySizeLimit implements ReaderInterceptor {

    @ConfigProperty(name = "api.max-body-size", defaultValue = "2M")
    MemorySize maxBodySize;

    /**
     * A multipart body (evidence files) may be larger: its files are streamed to disk by the HTTP
     * layer, never held in memory, and each endpoint checks its own per-file limits.
     */
    @ConfigProperty(name = "api.max-upload-size", defaultValue = "2M")
    MemorySize maxUploadSize;

    @ServerRequestFilter(preMatching = true)
    public void refuseOversizeBody(ContainerRequestContext request) {
        String announced = request.getHeaderString("Content-Length");
        if (announced == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(announced.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, null, "La cabecera Content-Length no es válida.",
                    List.of(new Problem.InvalidField("Content-Length", "debe ser un número de bytes")));
        }
        String type = request.getHeaderString("Content-Type");
        long limit = type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                ? maxUploadSize.asLongValue() : maxBodySize.asLongValue();
        if (length > limit) {
            throw tooLarge(Text.of("El cuerpo de la solicitud (" + length + " bytes) excede el máximo permitido de "
                    + limit + " bytes.", "The request body (" + length
                    + " bytes) exceeds the allowed maximum of " + limit + " bytes."));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new CountingStream(context.getInputStream(), maxBodySize.asLongValue()));
        return context.proceed();
    }

    private static ProblemException tooLarge(Text detail) {
        return new ProblemException(413, detail, List.of());
    }

    /** Counts what the reader takes and stops it past the limit. */
    private static final class CountingStream extends FilterInputStream {
        private final long limit;
        private long read;

        CountingStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(Text.of("El cuerpo de la solicitud excede el máximo permitido de " + limit + " bytes.",
                        "The request body exceeds the allowed maximum of " + limit + " bytes."));
            }
        }
    }
}
