package mx.ine.redes.reporting.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import mx.ine.redes.reporting.InventoryAccount;
import mx.ine.redes.reporting.mapping.InventoryMapper;
import mx.ine.redes.reporting.service.InventoryProjection;
import mx.ine.redes.support.registry.RegistryEventsProjection;
import mx.ine.redes.support.registry.RegistryViewResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/accounts")
@Tag(name = "Inventario", description = "El inventario de cuentas con que se preparan los informes al Comité")
public class InventoryResource extends RegistryViewResource<InventoryAccount, InventoryAccountResponse> {

    @Inject
    InventoryProjection inventory;

    @Override
    protected RegistryEventsProjection<InventoryAccount> projection() {
        return inventory;
    }

    @Override
    protected InventoryAccountResponse toResponse(InventoryAccount account) {
        return InventoryMapper.toResponse(account);
    }
}
