package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators see the timers that failed too often (DEAD) and retry them once the cause is fixed. */
@Path("/api/operations/timers")
@Tag(name = "Operación")
@Produces(MediaType.APPLICATION_JSON)
public class TimerOperationsResource {

    @Inject
    TimerEngine engine;

    @GET
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Temporizadores DEAD: fallaron demasiadas veces y esperan a un operador",
            description = "Orden: del creado hace más tiempo al más reciente, y por id.")
    @APIResponse(responseCode = "200", description = "Una página de temporizadores DEAD")
    public Page<TimerEngine.DeadTimer> listDeadTimers(@BeanParam PageParams paging) {
        PageRequest page = paging.request();
        return page.of(engine.deadCount(), () -> engine.dead(page.page(), page.size()));
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Reintenta un temporizador DEAD: vuelve a estar pendiente y vence ahora")
    @APIResponse(responseCode = "204", description = "El temporizador vuelve a estar pendiente")
    @APIResponse(responseCode = "404", description = "No hay un temporizador DEAD con ese id")
    public void retryDeadTimer(@PathParam("id") UUID id) {
        if (!engine.retry(id)) {
            throw ProblemException.notFound(Text.of("No hay un temporizador DEAD con id " + id + ".",
                    "There is no DEAD timer with id " + id + "."));
        }
    }
}
