package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
            description = "Ordenados del más antiguo al más reciente.")
    public Page<TimerEngine.DeadTimer> dead(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return new Page<>(engine.dead(page, size), page, size, engine.deadCount());
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Reintenta un temporizador DEAD: vuelve a estar pendiente y vence ahora")
    public void retry(@PathParam("id") UUID id) {
        if (!engine.retry(id)) {
            throw ProblemException.notFound("No hay un temporizador DEAD con id " + id + ".");
        }
    }
}
