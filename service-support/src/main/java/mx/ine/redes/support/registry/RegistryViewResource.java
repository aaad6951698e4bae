package mx.ine.redes.support.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Reads a service's projection of the registry, so operators can see what the service knows and
 * that events arrived. A service extends it with its {@code @Path} ({@code /api/registry/accounts}),
 * its projection and its response record.
 *
 * @param <A> the projection entity
 * @param <R> the response record
 */
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
public abstract class RegistryViewResource<A extends ProjectedAccount, R> {

    protected abstract RegistryEventsProjection<A> projection();

    protected abstract R toResponse(A account);

    // Inherited methods escape the automatic security requirement (roles from @RolesAllowed): say it here.
    @SecurityRequirement(name = "SecurityScheme", scopes = {Roles.CNCS, Roles.INTEGRATION})
    @APIResponse(responseCode = "200", description = "Una página de cuentas")
    @GET
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "Cuentas que este servicio conoce del registro, por páginas")
    public List<R> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return projection().page(page, size).stream().map(this::toResponse).toList();
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = {Roles.CNCS, Roles.INTEGRATION})
    @APIResponse(responseCode = "200", description = "La cuenta tal como la conoce este servicio")
    @APIResponse(responseCode = "404", description = "Este servicio aún no conoce la cuenta (su evento no ha llegado)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "Una cuenta tal como la conoce este servicio; 404 mientras su evento no llega")
    public R get(@PathParam("id") UUID id) {
        return projection().find(id).map(this::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Este servicio aún no conoce la cuenta " + id + "."));
    }
}
