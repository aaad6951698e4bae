package mx.ine.redes.accounts.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import mx.ine.redes.accounts.service.AccountHistory;
import mx.ine.redes.accounts.service.AccountImport;
import mx.ine.redes.accounts.service.AccountSearch;
import mx.ine.redes.accounts.service.AccountService;
import mx.ine.redes.accounts.service.AccountVisibility;
import mx.ine.redes.support.csv.CsvUpload;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
            description = "201 con la cuenta nueva; 200 con la cuenta existente si el identificador de plataforma ya era de una"
                    + " cuenta que cambió de usuario (se actualiza y se registra en su historial) o si es la misma cuenta con los"
                    + " mismos datos (repetición idempotente); 409 si la cuenta ya existe, si el identificador de plataforma es"
                    + " de una cuenta con otra área, tipo o nombre (nombra los campos que difieren), o si el usuario existe con"
                    + " otro identificador de plataforma (la cuenta existente queda marcada como posible suplantación).")
    @APIResponse(responseCode = "201", description = "Cuenta registrada",
            headers = @Header(name = "Location", description = "La dirección de la cuenta nueva"))
    @APIResponse(responseCode = "200", description = "La cuenta ya registrada: cambio de usuario, o repetición idéntica")
    @APIResponse(responseCode = "409", description = "Duplicada, con otros datos, o posible suplantación")
    public RestResponse<AccountResponse> registerAccount(@Valid @NotNull AccountRequest request, UriInfo uri) {
        AccountService.Registration registration = accounts.register(request, caller.email());
        Account account = registration.account();
        return switch (registration.outcome()) {
            case REGISTERED -> RestResponse.ResponseBuilder.<AccountResponse>created(
                    uri.getAbsolutePathBuilder().path(account.id.toString()).build()).entity(response(account)).build();
            case HANDLE_CHANGED, ALREADY_REGISTERED -> RestResponse.ok(response(account));
            case POSSIBLE_HIJACK -> throw ProblemException.conflict(Text.of("La cuenta " + account.network + " "
                    + account.handle + " ya está registrada (id " + account.id + ") con otro identificador de plataforma;"
                    + " quedó marcada como posible suplantación.", "The account " + account.network + " " + account.handle
                    + " is already registered (id " + account.id + ") with another platform id; it has been flagged as a"
                    + " possible hijack."), List.of(ProblemException.Violation.field("platformAccountId", Text.of(
                    "No es el identificador registrado.", "Not the registered platform id."))));
        };
    }

    @GET
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Busca cuentas con filtros, por páginas",
            description = "Ordenadas por red, usuario e id (un orden sin empates: las páginas no repiten ni saltan cuentas)."
                    + " Un administrador ve solo las cuentas que administra; un titular, las de su área y las áreas inferiores.")
    @APIResponse(responseCode = "200", description = "Una página de cuentas")
    public Page<AccountResponse> listAccounts(@Valid @BeanParam AccountFilterParams filters, @BeanParam PageParams paging) {
        Page<Account> found = search.page(filters.toFilter(), paging.request());
        Map<UUID, List<String>> admins = search.administratorsOf(found.items());
        return new Page<>(found.items().stream()
                .map(account -> RegistryMapper.toResponse(account, admins.getOrDefault(account.id, List.of()))).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Exporta a CSV las cuentas que cumplen los filtros",
            description = "UTF-8, en el orden de la lista (red, usuario, id). Las nueve primeras columnas son las de la"
                    + " importación y el archivo se importa tal como está (las columnas descriptivas se ignoran al importar)."
                    + " Las celdas que una hoja de cálculo ejecutaría como fórmula (=, +, -, @, tabulador, retorno de carro al"
                    + " inicio) llevan un apóstrofo delante, que la importación quita. Se escribe mientras se lee.")
    @APIResponse(responseCode = "200", description = "El archivo CSV", content = @Content(mediaType = "text/csv"))
    public RestResponse<StreamingOutput> exportAccounts(@Valid @BeanParam AccountFilterParams filters) {
        // The filter and the caller's visibility are resolved here (bad filters are still a problem
        // answer); the rows are read through a cursor while they are written, in constant memory.
        AccountSearch.Condition condition = search.prepare(filters.toFilter());
        StreamingOutput body = out -> QuarkusTransaction.joiningExisting().run(() -> export.write(condition, out));
        return RestResponse.ResponseBuilder.ok(body)
                .header("Content-Disposition", "attachment; filename=\"cuentas.csv\"")
                .type("text/csv; charset=UTF-8").build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Importa cuentas desde CSV: todas o ninguna",
            description = "Columnas: url,network,handle,displayName,kind,areaCode,platformAccountId,lastPublicationOn,"
                    + "administratorEmails (separados por ;), en cualquier orden; se admiten también las columnas descriptivas"
                    + " de una exportación, que se ignoran. UTF-8 (con o sin BOM), o la codificación declarada"
                    + " (Content-Type: text/csv; charset=windows-1252). Si una línea tiene errores no se importa nada y la"
                    + " respuesta 422 lista cada error de cada línea (line y field = columna).")
    @RequestBody(content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "201", description = "Cuentas importadas")
    @APIResponse(responseCode = "409", description = "Una línea coincide con una cuenta registrada al mismo tiempo")
    @APIResponse(responseCode = "422", description = "El archivo tiene errores; no se importó nada")
    public RestResponse<ImportResult> importAccounts(byte[] csv, @Context HttpHeaders headers) {
        List<UUID> imported = importer.importCsv(CsvUpload.text(csv, headers.getMediaType()), caller.email());
        return RestResponse.status(RestResponse.Status.CREATED, new ImportResult(imported.size(), imported));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta una cuenta")
    @APIResponse(responseCode = "200", description = "La cuenta")
    @APIResponse(responseCode = "404", description = "No existe, o no está al alcance de quien consulta")
    public AccountResponse getAccount(@PathParam("id") UUID id) {
        return response(visibility.require(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Corrige datos de una cuenta (nombre, tipo, área, identificador de plataforma, última publicación, no localizada)")
    @APIResponse(responseCode = "200", description = "La cuenta corregida")
    @APIResponse(responseCode = "404", description = "No existe la cuenta")
    @APIResponse(responseCode = "409", description = "Dada de baja, o el identificador de plataforma es de otra cuenta")
    public AccountResponse updateAccount(@PathParam("id") UUID id, @Valid @NotNull AccountPatch patch) {
        return response(accounts.update(id, patch, caller.email()));
    }

    @POST
    @Path("/{id}/decommission")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Da de baja una cuenta (con fecha, motivo y observaciones); nada se borra",
            description = "La fecha no puede ser futura ni anterior al registro de la cuenta. bajaProposalId (opcional) es la"
                    + " propuesta de baja de la evaluación (BajaProposed) que esta baja decide: el acta, el historial, la cuenta"
                    + " y AccountDecommissioned la citan.")
    @APIResponse(responseCode = "200", description = "La cuenta dada de baja")
    @APIResponse(responseCode = "404", description = "No existe la cuenta")
    @APIResponse(responseCode = "409", description = "Ya fue dada de baja")
    @APIResponse(responseCode = "422", description = "bajaProposalId no es una propuesta de baja recibida para esta cuenta")
    public AccountResponse decommissionAccount(@PathParam("id") UUID id, @Valid @NotNull DecommissionRequest request) {
        return response(accounts.decommission(id, request, caller.email()));
    }

    @POST
    @Path("/{id}/permanence")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Registra el acta de permanencia de una cuenta",
            description = "La fecha de la decisión no puede ser futura.")
    @APIResponse(responseCode = "201", description = "Acta registrada",
            headers = @Header(name = "Location", description = "El historial de la cuenta, donde queda el acta"))
    @APIResponse(responseCode = "404", description = "No existe la cuenta")
    @APIResponse(responseCode = "409", description = "La cuenta fue dada de baja")
    public RestResponse<AccountHistoryResponse.Act> recordPermanence(@PathParam("id") UUID id,
                                                                     @Valid @NotNull PermanenceRequest request, UriInfo uri) {
        AccountAct act = accounts.recordPermanence(id, request, caller.email());
        return RestResponse.ResponseBuilder.<AccountHistoryResponse.Act>created(historyOf(uri, id))
                .entity(RegistryMapper.toResponse(act)).build();
    }

    @POST
    @Path("/{id}/hijack-clearance")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Retira la marca de posible suplantación, con un acta justificada",
            description = "CNCS constata que no hubo suplantación (por ejemplo, la plataforma cambió el identificador) y lo"
                    + " justifica; puede corregir en el mismo acto el identificador de plataforma. El acta queda en el"
                    + " historial de la cuenta y se anuncia AccountUpdated (possibleHijack).")
    @APIResponse(responseCode = "201", description = "Acta registrada; la marca quedó retirada",
            headers = @Header(name = "Location", description = "El historial de la cuenta, donde queda el acta"))
    @APIResponse(responseCode = "404", description = "No existe la cuenta")
    @APIResponse(responseCode = "409", description = "La cuenta no está marcada, fue dada de baja, o el identificador es de otra cuenta")
    public RestResponse<AccountHistoryResponse.Act> clearPossibleHijack(@PathParam("id") UUID id,
                                                                        @Valid @NotNull HijackClearanceRequest request,
                                                                        UriInfo uri) {
        AccountAct act = accounts.clearPossibleHijack(id, request, caller.email());
        return RestResponse.ResponseBuilder.<AccountHistoryResponse.Act>created(historyOf(uri, id))
                .entity(RegistryMapper.toResponse(act)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.CNCS, Roles.INTEGRATION, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Historial de la cuenta: quién, cuándo, antes y después; y sus actas",
            description = "Cambios y actas en orden cronológico.")
    @APIResponse(responseCode = "200", description = "El historial")
    @APIResponse(responseCode = "404", description = "No existe, o no está al alcance de quien consulta")
    public AccountHistoryResponse accountHistory(@PathParam("id") UUID id) {
        Account account = visibility.require(id);
        // Two queries whatever the length of the history: the rows carry their before/after as values.
        return new AccountHistoryResponse(account.id,
                AccountChange.of(account).stream().map(RegistryMapper::toResponse).toList(),
                AccountAct.of(account).stream().map(RegistryMapper::toResponse).toList());
    }

    @POST
    @Path("/{id}/administrators")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Asigna un administrador (persona registrada, correo ine.mx) a la cuenta")
    @APIResponse(responseCode = "200", description = "La cuenta con su nuevo administrador")
    @APIResponse(responseCode = "404", description = "No existe la cuenta")
    @APIResponse(responseCode = "409", description = "Ya la administra, o la cuenta fue dada de baja")
    public AccountResponse assignAdministrator(@PathParam("id") UUID id, @Valid @NotNull AdministratorRequest request) {
        return response(accounts.assignAdministrator(id, request.email(), caller.email()));
    }

    @DELETE
    @Path("/{id}/administrators/{personId}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Retira a un administrador de la cuenta (la asignación queda en el historial)")
    @APIResponse(responseCode = "200", description = "La cuenta sin ese administrador")
    @APIResponse(responseCode = "404", description = "No existe la cuenta, o esa persona no la administra")
    @APIResponse(responseCode = "409", description = "La cuenta fue dada de baja")
    public AccountResponse unassignAdministrator(@PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        return response(accounts.unassignAdministrator(id, personId, caller.email()));
    }

    private static java.net.URI historyOf(UriInfo uri, UUID id) {
        return uri.getBaseUriBuilder().path("api/accounts").path(id.toString()).path("history").build();
    }

    private static AccountResponse response(Account account) {
        return RegistryMapper.toResponse(account, AccountHistory.activeAdministratorEmails(account));
    }

    public record ImportResult(int imported, List<UUID> ids) {
    }
}
