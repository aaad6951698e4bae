package mx.ine.redes.support.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
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
    @Operation(summary = "Cuentas que este servicio conoce del registro, por páginas",
            description = "Ordenadas por el orden propio de la proyección (por omisión área, red y cuenta) y luego por id; "
                    + "{items, page, size, total}; una página más allá del final viene vacía.")
    public Page<R> listProjectedAccounts(@BeanParam PageParams paging) {
        Page<A> page = projection().page(paging.request());
        return new Page<>(page.items().stream().map(this::toResponse).toList(), page.page(), page.size(), page.total());
    }

    @SecurityRequirement(name = "SecurityScheme", scopes = {Roles.CNCS, Roles.INTEGRATION})
    @APIResponse(responseCode = "200", description = "La cuenta tal como la conoce este servicio")
    @APIResponse(responseCode = "404", description = "Este servicio aún no conoce la cuenta (su evento no ha llegado)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "Una cuenta tal como la conoce este servicio; 404 mientras su evento no llega")
    public R getProjectedAccount(@PathParam("id") UUID id) {
        return projection().find(id).map(this::toResponse)
                .orElseThrow(() -> ProblemException.notFound(Text.of("Este servicio aún no conoce la cuenta " + id + ".",
                        "This service does not know account " + id + " yet.")));
    }
}
