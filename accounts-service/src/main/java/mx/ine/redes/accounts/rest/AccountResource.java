package mx.ine.redes.accounts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.mapping.RegistryMapper;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/accounts")
@Tag(name = "Cuentas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @POST
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra una cuenta oficial por red y usuario")
    public RestResponse<AccountResponse> register(@Valid @NotNull AccountRequest request, UriInfo uri) {
        Account account = accounts.register(request);
        return RestResponse.ResponseBuilder.<AccountResponse>created(uri.getAbsolutePathBuilder().path(account.id.toString()).build())
                .entity(RegistryMapper.toResponse(account)).build();
    }

    @GET
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "Lista las cuentas, por páginas")
    public List<AccountResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return accounts.page(page, size).stream().map(RegistryMapper::toResponse).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION})
    @Operation(summary = "Consulta una cuenta")
    public AccountResponse get(@PathParam("id") UUID id) {
        return accounts.findById(id).map(RegistryMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("No existe la cuenta " + id + "."));
    }
}
