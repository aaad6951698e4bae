package mx.ine.redes.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import mx.ine.redes.reporting.service.ReadModelRebuild;
import mx.ine.redes.reporting.service.RebuildProgress;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The operator's rebuild of the read model from the topics, and its progress. */
@Path("/api/operations/rebuilds")
@Tag(name = "Operación: reconstrucción", description = "Reconstruye el modelo de lectura de los informes desde los eventos")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CNCS)
public class RebuildResource {

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Reconstruye el modelo de lectura reproduciendo los tópicos desde el principio",
            description = "Detiene los consumidores de esta instancia, vacía el modelo de lectura, reproduce ine.accounts.events,"
                    + " ine.evaluation.events e ine.submissions.events hasta el final que tenían al empezar, con los mismos"
                    + " consumidores (cada evento una vez), y los deja seguir. Mientras tanto los informes responden 503. El avance"
                    + " se sigue en Location. 409 si ya hay una en curso.")
    @APIResponse(responseCode = "202", description = "Reconstrucción iniciada",
            headers = @Header(name = "Location", description = "Su avance: /api/operations/rebuilds/{id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildProgress.class)))
    @APIResponse(responseCode = "409", description = "Ya hay una reconstrucción en curso",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public RestResponse<RebuildProgress> startRebuild(UriInfo uri) {
        long id = rebuild.start(caller.email());
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, rebuild.progress(id).orElseThrow())
                .location(uri.getAbsolutePathBuilder().path(Long.toString(id)).build()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "El avance de una reconstrucción",
            description = "Estado (RUNNING, SUCCEEDED, FAILED y su error) y, por tópico, los offsets finales capturados al empezar,"
                    + " los registros a reproducir y los aplicados, los que no se pueden leer, y eventos por segundo.")
    @APIResponse(responseCode = "200", description = "La reconstrucción y su avance")
    @APIResponse(responseCode = "404", description = "No hay una reconstrucción con ese id",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public RebuildProgress getRebuild(@PathParam("id") long id) {
        return rebuild.progress(id).orElseThrow(() -> ProblemException.notFound(Text.of(
                "No hay una reconstrucción " + id + ".", "There is no rebuild " + id + ".")));
    }
}
