package mx.ine.redes.reporting.rest;

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
import mx.ine.redes.reporting.mapping.InventoryMapper;
import mx.ine.redes.reporting.service.InventoryProjection;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inventory the reports are built from, line by line. */
@Path("/api/registry/accounts")
@Tag(name = "Inventario")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
public class InventoryResource {

    @Inject
    InventoryProjection inventory;

    @GET
    @Operation(summary = "Inventario de cuentas, por páginas")
    public List<InventoryAccountResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return inventory.page(page, size).stream().map(InventoryMapper::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Una cuenta del inventario")
    public InventoryAccountResponse get(@PathParam("id") UUID id) {
        return inventory.find(id).map(InventoryMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("El inventario aún no incluye la cuenta " + id + "."));
    }
}
