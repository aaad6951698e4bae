package mx.ine.redes.submissions.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import mx.ine.redes.submissions.mapping.RegistryAccountMapper;
import mx.ine.redes.submissions.service.RegistryProjection;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What this service knows of the registry; for operators checking that events arrived. */
@Path("/api/registry/accounts")
@Tag(name = "Registro (proyección)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
public class RegistryResource {

    @Inject
    RegistryProjection projection;

    @GET
    @Operation(summary = "Cuentas conocidas por este servicio, por páginas")
    public List<RegistryAccountResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return projection.page(page, size).stream().map(RegistryAccountMapper::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Una cuenta tal como la conoce este servicio")
    public RegistryAccountResponse get(@PathParam("id") UUID id) {
        return projection.find(id).map(RegistryAccountMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Este servicio aún no conoce la cuenta " + id + "."));
    }
}
