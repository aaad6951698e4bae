package mx.ine.redes.reporting.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import mx.ine.redes.reporting.config.DashboardConfig;
import mx.ine.redes.reporting.service.OperationsOverview;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operations dashboard, a page for CNCS (server-rendered, Spanish, refreshes itself): the current cycle's
 * progress per area, open observations with their time left, escalations and Committee items, the evaluation
 * backlog against CNCS's term, parked dead letters ({@link OperationsOverview}).
 *
 * <p>Only CNCS sees it: it is CNCS's own work queue (its term, its observations to review, the dead letters it
 * replays). The Committee reads the same escalations and items, settled per cycle, in the semi-annual report.
 * A browser that is not signed in is sent to sign in (303), not answered 401; a person of another role gets a
 * 403 page. Not in the OpenAPI document: a page for people, not an operation for API clients.
 */
@Path(DashboardSession.PATH)
public class OperationsDashboardResource {

    @Inject
    OperationsOverview overview;

    @Inject
    DashboardSession session;

    @Inject
    DashboardConfig config;

    @Inject
    @Location("operations/dashboard")
    Template dashboard;

    @Inject
    @Location("operations/forbidden")
    Template forbidden;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response operationsDashboard(@Context HttpHeaders headers, @Context UriInfo uri) {
        Optional<DashboardSession.Person> person = session.signedIn();
        if (person.isEmpty()) {
            Response.ResponseBuilder toSignIn = Response.seeOther(URI.create(DashboardSession.SIGN_IN_PATH));
            if (session.sentBy(headers)) {
                // A cookie that no longer signs anybody in (expired, another key): dropped, so sign-in starts clean.
                toSignIn.cookie(session.close(secure(uri)));
            }
            return toSignIn.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        if (!person.get().identity().hasRole(Roles.CNCS)) {
            return page(Response.Status.FORBIDDEN, forbidden.data("person", person.get())
                    .data("roles", String.join(", ", person.get().identity().getRoles())).render());
        }
        return page(Response.Status.OK, dashboard.data("person", person.get()).data("overview", overview.snapshot())
                .data("refreshSeconds", config.pageRefresh().toSeconds()).data("dueSoonHours", config.dueSoon().toHours()).render());
    }

    static Response page(Response.Status status, String html) {
        // The page names accounts and people's work: no cache keeps it.
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
