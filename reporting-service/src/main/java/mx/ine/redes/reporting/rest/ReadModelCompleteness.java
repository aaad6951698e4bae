package mx.ine.redes.reporting.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import mx.ine.redes.reporting.service.ReadModelRebuild;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every report ({@code /api/reports/...}) is answered from the read model: while a rebuild empties and refills
 * it, or after one failed half-way, they answer 503 with Retry-After rather than partial figures.
 */
public class ReadModelCompleteness {

    @Inject
    ReadModelRebuild rebuild;

    @ServerRequestFilter
    public void refuseReportsWhileIncomplete(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/reports/") || path.equals("/api/reports")) {
            rebuild.ensureReadModelComplete();
        }
    }
}
