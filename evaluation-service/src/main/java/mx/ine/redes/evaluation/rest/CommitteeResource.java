package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.CommitteeItem;
import mx.ine.redes.evaluation.CommitteeResolution;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.service.CommitteeItems;
import mx.ine.redes.evaluation.service.CommitteeResolutions;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The Committee (Art. 4, Art. 8): its non-compliance items and its resolutions. */
@Path("/api/committee")
@Tag(name = "Comité de Gestión y Publicación Electrónica")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitteeResource {

    /** Longest cycle or area code a filter takes (a cycle is 7 characters, an area code a few dozen). */
    private static final int MAX_FILTER_LENGTH = 100;

    @Inject
    CommitteeItems items;

    @Inject
    CommitteeResolutions resolutions;

    @Inject
    Caller caller;

    @GET
    @Path("/items")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Incumplimientos informados al Comité (Art. 15), con lo no atendido, las fechas de la cadena y sus"
            + " resoluciones",
            description = "Filtros: cycle (p. ej. 2027-S1), area (código exacto del área), status: OPEN (sin resolución),"
                    + " RESOLVED (con al menos una resolución del Comité), WITHDRAWN (la información se había recibido a tiempo:"
                    + " ya no cuenta). cncs, committee, transparency e integration ven todos; el titular de un área, los de su"
                    + " área y las de debajo; un administrador, los de sus cuentas (registro actual). Orden: del informado"
                    + " primero al más reciente (reportedAt ascendente), y por id.")
    @APIResponse(responseCode = "200", description = "Una página de incumplimientos")
    public Page<CommitteeItemResponse> listCommitteeItems(@QueryParam("cycle") String cycle, @QueryParam("area") String area,
                                                          @QueryParam("status") CommitteeItem.Status status,
                                                          @BeanParam PageParams paging) {
        Page<CommitteeItem> page = items.list(filter("cycle", cycle, true), filter("area", area, false), status, paging.request());
        List<UUID> ids = page.items().stream().map(item -> item.id).toList();
        Map<UUID, List<CommitteeResolution>> resolved = resolutions.onItems(ids);
        Map<UUID, ReviewedAccount> accounts = items.accountsOf(page.items().stream().map(item -> item.accountId).distinct().toList());
        return new Page<>(page.items().stream().map(item -> toResponse(item, accounts.get(item.accountId),
                resolved.getOrDefault(item.id, List.of()))).toList(), page.page(), page.size(), page.total());
    }

    @POST
    @Path("/resolutions")
    @RolesAllowed(Roles.COMMITTEE)
    @Operation(summary = "Registra una resolución del Comité sobre el informe de un ciclo o sobre uno de sus incumplimientos",
            description = "subjectKind REPORT (sin subjectId) o NON_COMPLIANCE_ITEM (subjectId: el requerimiento u observación"
                    + " informado al Comité); resolution RECEIVED, AGREED o INSTRUCTED; text (hasta 4,000 caracteres, admite"
                    + " saltos de línea); resolvedOn: la fecha de la sesión, no posterior a hoy (hora del centro de México) ni"
                    + " anterior al informe del incumplimiento (o a la apertura del ciclo). Publica CommitteeResolutionRecorded;"
                    + " el incumplimiento queda RESOLVED. Un ciclo o un incumplimiento que no existen (el cuerpo nombra algo que no"
                    + " hay): 422 nombrando cycleId o subjectId; un incumplimiento retirado: 409.")
    @APIResponse(responseCode = "201", description = "Resolución registrada",
            headers = @Header(name = "Location", description = "/api/committee/resolutions/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "El incumplimiento fue retirado (la información se había recibido a tiempo)")
    @APIResponse(responseCode = "422", description = "No existe el ciclo, o no existe ese incumplimiento (o es de otro ciclo)")
    public RestResponse<ResolutionResponse> recordCommitteeResolution(@Valid @NotNull CommitteeResolutionRequest request, UriInfo uri) {
        CommitteeResolution resolution = resolutions.record(request, caller.email());
        return RestResponse.ResponseBuilder.<ResolutionResponse>created(
                uri.getAbsolutePathBuilder().path(resolution.id.toString()).build()).entity(ResolutionResponse.of(resolution)).build();
    }

    @GET
    @Path("/resolutions")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista las resoluciones del Comité (por ciclo o por asunto)",
            description = "subjectId: el requerimiento u observación del incumplimiento. cncs, committee, transparency e"
                    + " integration ven todas; titulares y administradores, las de incumplimientos de cuentas que pueden ver"
                    + " (no las del informe). Orden: por fecha de la sesión (resolvedOn), luego por cuándo se registró, y por id.")
    @APIResponse(responseCode = "200", description = "Una página de resoluciones")
    public Page<ResolutionResponse> listCommitteeResolutions(@QueryParam("cycle") String cycle,
                                                             @QueryParam("subjectId") UUID subjectId,
                                                             @BeanParam PageParams paging) {
        Page<CommitteeResolution> page = resolutions.list(filter("cycle", cycle, true), subjectId, paging.request());
        return new Page<>(page.items().stream().map(ResolutionResponse::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("/resolutions/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta una resolución del Comité")
    @APIResponse(responseCode = "200", description = "La resolución")
    @APIResponse(responseCode = "404", description = "No existe, o es de un incumplimiento que quien consulta no puede ver")
    public ResolutionResponse getCommitteeResolution(@PathParam("id") UUID id) {
        return ResolutionResponse.of(resolutions.require(id));
    }

    private static String filter(String parameter, String value, boolean upperCase) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw ProblemException.invalidParameter(parameter, Text.of("Debe tener como máximo " + MAX_FILTER_LENGTH + " caracteres.",
                    "Must have at most " + MAX_FILTER_LENGTH + " characters."));
        }
        return upperCase ? value.strip().toUpperCase(Locale.ROOT) : value.strip();
    }

    private static CommitteeItemResponse toResponse(CommitteeItem item, ReviewedAccount account, List<CommitteeResolution> on) {
        return new CommitteeItemResponse(item.id, item.subjectKind.name(), item.subjectId, item.accountId,
                account == null ? null : account.network, account == null ? null : account.handle, item.areaCode, item.cycleId,
                item.status.name(), item.unattended, item.dueAt, item.escalatedAt, item.escalatedTo, item.headNotifiedAt,
                item.attendBy, item.reportedAt, item.withdrawnAt, on.stream().map(ResolutionResponse::of).toList());
    }
}
