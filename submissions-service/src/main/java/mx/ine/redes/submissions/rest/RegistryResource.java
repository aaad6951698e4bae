package mx.ine.redes.submissions.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import mx.ine.redes.submissions.SubmittingAccount;
import mx.ine.redes.submissions.mapping.RegistryAccountMapper;
import mx.ine.redes.submissions.service.RegistryProjection;
import mx.ine.redes.support.registry.RegistryEventsProjection;
import mx.ine.redes.support.registry.RegistryViewResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/accounts")
@Tag(name = "Registro (proyección)", description = "Las cuentas del registro tal como este servicio las conoce por sus eventos")
public class RegistryResource extends RegistryViewResource<SubmittingAccount, RegistryAccountResponse> {

    @Inject
    RegistryProjection projection;

    @Override
    protected RegistryEventsProjection<SubmittingAccount> projection() {
        return projection;
    }

    @Override
    protected RegistryAccountResponse toResponse(SubmittingAccount account) {
        return RegistryAccountMapper.toResponse(account);
    }
}
