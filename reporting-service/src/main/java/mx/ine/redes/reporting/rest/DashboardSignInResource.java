package mx.ine.redes.reporting.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import mx.ine.redes.reporting.config.DashboardConfig;
import mx.ine.redes.reporting.service.DemoIdentities;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in to the dashboard. In production the Institute's identity provider signs the person in (through the
 * authenticating proxy in front of the service, {@code dashboard.sign-in-url}) and its token reaches the service
 * as the session cookie or a bearer header; this page then only explains that. In the local stack it also lists
 * the demo identities ({@link DemoIdentities}) and signs the browser in as the one chosen. Not in the OpenAPI
 * document: pages and forms for people.
 */
@Path(DashboardSession.PATH)
public class DashboardSignInResource {

    @Inject
    DashboardSession session;

    @Inject
    DemoIdentities demo;

    @Inject
    DashboardConfig config;

    @Inject
    @Location("operations/sign-in")
    Template signIn;

    @GET
    @Path("/sign-in")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response dashboardSignInPage() {
        if (config.signInUrl().isPresent()) {
            return Response.seeOther(URI.create(config.signInUrl().get())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return OperationsDashboardResource.page(Response.Status.OK,
                signIn.data("demo", demo.enabled()).data("people", demo.people()).render());
    }

    @POST
    @Path("/sign-in/demo")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signInAsDemoPerson(@FormParam("person") String email, @Context UriInfo uri) {
        if (!demo.enabled()) {
            throw ProblemException.notFound(Text.of("El acceso de demostración no está habilitado en este entorno.",
                    "The demo sign-in is not enabled in this environment."));
        }
        DemoIdentities.DemoPerson person = demo.person(email).orElseThrow(() -> ProblemException.invalid("person",
                Text.of("No es una de las identidades de demostración.", "Not one of the demo identities.")));
        return Response.seeOther(URI.create(DashboardSession.PATH))
                .cookie(session.open(person.token(), OperationsDashboardResource.secure(uri)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/sign-out")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signOutOfDashboard(@Context UriInfo uri) {
        return Response.seeOther(URI.create(DashboardSession.SIGN_IN_PATH))
                .cookie(session.close(OperationsDashboardResource.secure(uri)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
