package mx.ine.redes.support.consumer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.paging.PageRequest;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of this service's dead letters: what could not be decoded, and its replay. */
@Path("/api/operations/dead-letters")
@Tag(name = "Operación: registros detenidos")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CNCS)
public class DeadLetterResource {

    @Inject
    DeadLetterStore store;

    @Inject
    DeadLetterReplay replay;

    @GET
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registros que los consumidores de este servicio no pudieron leer, por páginas",
            description = "En el orden en que se detuvieron (id); incluye los ya reprocesados (replayedAt).")
    public Page<DeadLetter> listDeadLetters(@BeanParam PageParams paging) {
        PageRequest request = paging.request();
        return request.of(store.count(), () -> store.page(request.page(), request.size()));
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Reprocesa un registro detenido con el mismo consumidor que lo detuvo",
            description = "Si vuelve a fallar queda detenido con el nuevo error (lastReplayError); 409 si ya fue reprocesado.")
    public DeadLetter replayOne(@PathParam("id") long id) {
        return replay.replay(id);
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Reprocesa todos los registros aún detenidos, en orden",
            description = "Los que vuelven a fallar quedan detenidos con su nuevo error.")
    public DeadLetterReplay.Outcome replayAll() {
        return replay.replayAll();
    }
}
