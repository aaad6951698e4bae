package mx.ine.redes.support.correlation;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Accepts a caller's correlation id (when it looks like one), or makes a new one, and echoes it. */
public class CorrelationFilter {

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    RequestCorrelation requestCorrelation;

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(CorrelationId.HEADER);
        requestCorrelation.id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put("correlationId", requestCorrelation.id);
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        if (requestCorrelation.id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, requestCorrelation.id);
        }
        MDC.remove("correlationId");
    }
}
