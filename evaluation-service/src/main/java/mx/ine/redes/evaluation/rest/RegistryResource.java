package mx.ine.redes.evaluation.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.mapping.RegistryAccountMapper;
import mx.ine.redes.evaluation.service.RegistryProjection;
import mx.ine.redes.support.registry.RegistryEventsProjection;
import mx.ine.redes.support.registry.RegistryViewResource;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/registry/accounts")
@Tag(name = "Registro (proyección)")
public class RegistryResource extends RegistryViewResource<ReviewedAccount, RegistryAccountResponse> {

    @Inject
    RegistryProjection projection;

    @Override
    protected RegistryEventsProjection<ReviewedAccount> projection() {
        return projection;
    }

    @Override
    protected RegistryAccountResponse toResponse(ReviewedAccount account) {
        return RegistryAccountMapper.toResponse(account);
    }
}
