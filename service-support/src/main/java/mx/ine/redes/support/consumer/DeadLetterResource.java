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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's view of this service's dead letters: what could not be decoded, and its replay. */
@Path("/api/operations/dead-letters")
@Tag(name = "Operación: registros detenidos", description = "Registros de Kafka que un consumidor no pudo decodificar, y su reproceso")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CNCS)
public class DeadLetterResource {

    @Inject
    DeadLetterStore store;

    @Inject
    DeadLetterReplay replay;

    @APIResponse(responseCode = "200", description = "Una página de registros detenidos")
    @GET
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registros que los consumidores de este servicio no pudieron leer, por páginas",
            description = "En el orden en que se detuvieron (id); incluye los ya reprocesados (replayedAt).")
    public Page<DeadLetter> listDeadLetters(@BeanParam PageParams paging) {
        PageRequest request = paging.request();
        return request.of(store.count(), () -> store.page(request.page(), request.size()));
    }

    @APIResponse(responseCode = "200", description = "El registro tras el intento: aplicado (replayedAt) o detenido con su nuevo error")
    @APIResponse(responseCode = "404", description = "No hay un registro detenido con ese id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "El registro ya fue reprocesado",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @POST
    @Path("/{id}/replay")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Reprocesa un registro detenido con el mismo consumidor que lo detuvo",
            description = "Si vuelve a fallar queda detenido con el nuevo error (lastReplayError); 409 si ya fue reprocesado.")
    public DeadLetter replayOne(@PathParam("id") long id) {
        return replay.replay(id);
    }

    @APIResponse(responseCode = "200", description = "Cuántos se aplicaron y cuántos siguen detenidos")
    @POST
    @Path("/replay")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Reprocesa todos los registros aún detenidos, en orden",
            description = "Los que vuelven a fallar quedan detenidos con su nuevo error.")
    public DeadLetterReplay.Outcome replayAll() {
        return replay.replayAll();
    }
}
