package mx.ine.redes.support.problem;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code api.max-body-size} before it is read, as a problem. The HTTP
 * layer's own limit ({@code quarkus.http.limits.max-body-size}) is higher and only stops bodies
 * that do not announce their length; it cannot answer with a problem.
 */
public class BodySizeLimit {

    @ConfigProperty(name = "api.max-body-size", defaultValue = "2M")
    MemorySize maxBodySize;

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
        if (length > maxBodySize.asLongValue()) {
            throw new ProblemException(413, null, "El cuerpo de la solicitud (" + length
                    + " bytes) excede el máximo permitido de " + maxBodySize.asLongValue() + " bytes.", List.of());
        }
    }
}
