package mx.ine.redes.accounts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.accounts.Account;
import mx.ine.redes.accounts.AccountAct;
import mx.ine.redes.accounts.AccountChange;
import mx.ine.redes.accounts.mapping.RegistryMapper;
import mx.ine.redes.accounts.service.AccountExport;
import mx.ine.redes.accounts.service.AccountFilter;
import mx.ine.redes.accounts.service.AccountHistory;
import mx.ine.redes.accounts.service.AccountImport;
import mx.ine.redes.accounts.service.AccountSearch;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.accounts.service.AccountVisibility;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Caller;
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

    @Inject
    AccountSearch search;

    @Inject
    AccountExport export;

    @Inject
    AccountImport importer;

    @Inject
    AccountVisibility visibility;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra una cuenta oficial, desde su dirección o por red y usuario",
            description = "201 con la cuenta nueva; 200 si el identificador de plataforma ya era de una cuenta que cambió de usuario"
                    + " (se actualiza y se registra en su historial); 409 si la cuenta ya existe, o si el usuario existe con otro"
                    + " identificador de plataforma (la cuenta existente queda marcada como posible suplantación).")
    public RestResponse<AccountResponse> register(@Valid @NotNull AccountRequest request, UriInfo uri) {
        AccountService.Registration registration = accounts.register(request, caller.email());
        Account account = registration.account();
        return switch (registration.outcome()) {
            case REGISTERED -> RestResponse.ResponseBuilder.<AccountResponse>created(
                    uri.getAbsolutePathBuilder().path(account.id.toString()).build()).entity(response(account)).build();
            case HANDLE_CHANGED -> RestResponse.ok(response(account));
            case POSSIBLE_HIJACK -> throw ProblemException.conflict("La cuenta " + account.network + " " + account.handle
                    + " ya está registrada (id " + account.id + ") con otro identificador de plataforma;"
                    + " quedó marcada como posible suplantación.");
        };
    }

    @GET
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Busca cuentas con filtros, por páginas",
            description = "Un administrador ve solo las cuentas que administra; un titular, las de su área y las áreas inferiores.")
    public AccountPage list(@Valid @BeanParam AccountFilterParams filters,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AccountFilter filter = filters.toFilter();
        AccountSearch.Page found = search.page(filter, page, size);
        Map<UUID, List<String>> admins = search.administratorsOf(found.accounts());
        return new AccountPage(found.accounts().stream()
                .map(account -> RegistryMapper.toResponse(account, admins.getOrDefault(account.id, List.of()))).toList(),
                page, size, found.total());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Exporta a CSV las cuentas que cumplen los filtros")
    public RestResponse<StreamingOutput> export(@Valid @BeanParam AccountFilterParams filters) {
        AccountFilter filter = filters.toFilter();
        // Written whole before answering: the caller's visibility is request-scoped, and a
        // failure half-way must be a problem answer, not a truncated file.
        var bytes = new java.io.ByteArrayOutputStream();
        export.write(filter, bytes);
        return RestResponse.ResponseBuilder.<StreamingOutput>ok(out -> bytes.writeTo(out))
                .header("Content-Disposition", "attachment; filename=\"cuentas.csv\"")
                .type("text/csv; charset=UTF-8").build();
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Importa cuentas desde CSV: todas o ninguna",
            description = "Columnas: " + "url,network,handle,displayName,kind,areaCode,platformAccountId,lastPublicationOn,"
                    + "administratorEmails (separados por ;). Si una línea tiene errores no se importa nada y la respuesta 422"
                    + " lista cada línea con su motivo.")
    public RestResponse<ImportResult> importCsv(String csv) {
        List<Account> imported = importer.importCsv(csv == null ? "" : csv, caller.email());
        return RestResponse.status(RestResponse.Status.CREATED,
                new ImportResult(imported.size(), imported.stream().map(account -> account.id).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta una cuenta")
    public AccountResponse get(@PathParam("id") UUID id) {
        return response(visibility.require(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Corrige datos de una cuenta (nombre, tipo, área, identificador de plataforma, última publicación, no localizada)")
    public AccountResponse update(@PathParam("id") UUID id, @Valid @NotNull AccountPatch patch) {
        return response(accounts.update(id, patch, caller.email()));
    }

    @POST
    @Path("/{id}/decommission")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Da de baja una cuenta (con fecha, motivo y observaciones); nada se borra")
    public AccountResponse decommission(@PathParam("id") UUID id, @Valid @NotNull DecommissionRequest request) {
        return response(accounts.decommission(id, request, caller.email()));
    }

    @POST
    @Path("/{id}/permanence")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra el acta de permanencia de una cuenta")
    public RestResponse<AccountHistoryResponse.Act> permanence(@PathParam("id") UUID id,
                                                               @Valid @NotNull PermanenceRequest request, UriInfo uri) {
        AccountAct act = accounts.recordPermanence(id, request, caller.email());
        return RestResponse.ResponseBuilder.<AccountHistoryResponse.Act>created(
                        uri.getBaseUriBuilder().path("api/accounts").path(id.toString()).path("history").build())
                .entity(RegistryMapper.toResponse(act)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Historial de la cuenta: quién, cuándo, antes y después; y sus actas")
    public AccountHistoryResponse history(@PathParam("id") UUID id) {
        Account account = visibility.require(id);
        return new AccountHistoryResponse(account.id,
                AccountChange.of(account).stream().map(RegistryMapper::toResponse).toList(),
                AccountAct.of(account).stream().map(RegistryMapper::toResponse).toList());
    }

    @POST
    @Path("/{id}/administrators")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Asigna un administrador (persona registrada, correo ine.mx) a la cuenta")
    public AccountResponse assignAdministrator(@PathParam("id") UUID id, @Valid @NotNull AdministratorRequest request) {
        return response(accounts.assignAdministrator(id, request.email(), caller.email()));
    }

    @DELETE
    @Path("/{id}/administrators/{personId}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Retira a un administrador de la cuenta (la asignación queda en el historial)")
    public AccountResponse unassignAdministrator(@PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        return response(accounts.unassignAdministrator(id, personId, caller.email()));
    }

    private static AccountResponse response(Account account) {
        return RegistryMapper.toResponse(account, AccountHistory.activeAdministratorEmails(account));
    }

    public record ImportResult(int imported, List<UUID> ids) {
    }
}
