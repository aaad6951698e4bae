package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
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
import java.util.UUID;
import mx.ine.redes.evaluation.RequestDeadlineChange;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.evaluation.SubmissionRequest;
import mx.ine.redes.evaluation.service.RequestQueries;
import mx.ine.redes.evaluation.service.RequestService;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.paging.PageRequest;
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

@Path("/api")
@Tag(name = "Ciclos, requerimientos y escalamientos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CycleResource {

    @Inject
    RequestService requests;

    @Inject
    RequestQueries queries;

    @Inject
    Caller caller;

    @POST
    @Path("/cycles")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Abre un ciclo semestral y emite un requerimiento por cada cuenta activa",
            description = "2026-S1 se entrega en los primeros diez días hábiles de julio de 2026 y puede abrirse desde el 15 de"
                    + " junio (requests.cycle-opens-from-day); 2026-S2, en enero de 2027, desde el 15 de diciembre. Cada"
                    + " requerimiento corre desde que su notificación sale. Abrir dos veces el mismo ciclo (también a la vez)"
                    + " responde 409 «El ciclo 2026-S1 ya fue abierto».")
    @APIResponse(responseCode = "201", description = "Ciclo abierto",
            headers = @Header(name = "Location", description = "/api/cycles/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "El ciclo ya fue abierto")
    @APIResponse(responseCode = "422", description = "Aún no puede abrirse (antes del día 15 del mes anterior a su ventana)")
    public RestResponse<CycleResponse> openCycle(@Valid @NotNull CycleRequest request, UriInfo uri) {
        ReviewCycle cycle = requests.openCycle(request.id().strip().toUpperCase(Locale.ROOT), caller.email());
        return RestResponse.ResponseBuilder.<CycleResponse>created(uri.getAbsolutePathBuilder().path(cycle.id).build())
                .entity(toResponse(cycle)).build();
    }

    @GET
    @Path("/cycles")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista los ciclos abiertos", description = "Orden: del ciclo más reciente al más antiguo (id descendente).")
    @APIResponse(responseCode = "200", description = "Una página de ciclos")
    public Page<CycleResponse> listCycles(@BeanParam PageParams paging) {
        PageRequest page = paging.request();
        return page.of(ReviewCycle.count(), () -> ReviewCycle.<ReviewCycle>find("order by id desc")
                .range(page.firstResult(), page.firstResult() + page.size() - 1).list().stream()
                .map(CycleResource::toResponse).toList());
    }

    @GET
    @Path("/cycles/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta un ciclo")
    @APIResponse(responseCode = "200", description = "El ciclo")
    @APIResponse(responseCode = "404", description = "No existe el ciclo")
    public CycleResponse getCycle(@PathParam("id") String id) {
        return toResponse(cycleOrNotFound(id));
    }

    @GET
    @Path("/cycles/{id}/progress")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Avance del ciclo: requeridas, entregadas (a tiempo, tarde), faltantes, vencidas y retiradas, por nivel"
            + " y por área",
            description = "Cada quien ve el avance de las cuentas que puede ver. Un requerimiento retirado cuenta solo en"
                    + " withdrawn: no es requerido ni faltante (requested = submitted + missing).")
    @APIResponse(responseCode = "200", description = "El avance")
    @APIResponse(responseCode = "404", description = "No existe el ciclo")
    public ProgressResponse cycleProgress(@PathParam("id") String id) {
        cycleOrNotFound(id);
        return queries.progress(id);
    }

    @POST
    @Path("/requests/ad-hoc")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Emite requerimientos extraordinarios (Art. 12): cuentas, campos y fecha límite",
            description = "Un requerimiento por cuenta, en el orden de accountIds; Location señala el primero. Con"
                    + " committeeResolutionId (Art. 8 II) se emite a petición del Comité: la notificación lo dice, citando la"
                    + " fecha del acuerdo, y SubmissionRequested lleva onBehalfOfCommittee; una resolución que no existe es 422"
                    + " nombrando committeeResolutionId.")
    @APIResponse(responseCode = "201", description = "Requerimientos emitidos",
            headers = @Header(name = "Location", description = "/api/requests/{id} del primero",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "committeeResolutionId no es una resolución registrada del Comité")
    public RestResponse<List<RequestResponse>> issueAdHocRequests(@Valid @NotNull AdHocRequest request, UriInfo uri) {
        List<RequestResponse> issued = requests.requestAdHoc(request, caller.email()).stream()
                .map(r -> toResponse(r, List.of())).toList();
        return RestResponse.ResponseBuilder.<List<RequestResponse>>created(
                uri.getBaseUriBuilder().path("api/requests").path(issued.get(0).id().toString()).build()).entity(issued).build();
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista requerimientos (por ciclo, cuenta o estado); cada quien ve los de sus cuentas",
            description = "Según el registro actual: el titular de un área ve los de su área y las de debajo; un administrador,"
                    + " los de las cuentas que administra ahora. Orden: del emitido más recientemente al más antiguo"
                    + " (issuedAt descendente), y por id.")
    @APIResponse(responseCode = "200", description = "Una página de requerimientos")
    public Page<RequestResponse> listRequests(@QueryParam("cycle") String cycle, @QueryParam("account") UUID account,
                                              @QueryParam("status") String status, @BeanParam PageParams paging) {
        return responses(queries.list(cycle == null || cycle.isBlank() ? null : cycle.strip().toUpperCase(Locale.ROOT),
                account, status(status), paging.request()));
    }

    @GET
    @Path("/requests/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta un requerimiento con su plazo y los cambios de su fecha límite")
    @APIResponse(responseCode = "200", description = "El requerimiento")
    @APIResponse(responseCode = "404", description = "No existe, o es de una cuenta que quien consulta no puede ver")
    public RequestResponse getRequest(@PathParam("id") UUID id) {
        SubmissionRequest request = queries.require(id);
        return toResponse(request, RequestDeadlineChange.of(request.id));
    }

    @POST
    @Path("/requests/{id}/withdrawal")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Retira un requerimiento que sigue en pie (abierto, vencido o escalado)",
            description = "Sus plazos dejan de correr y sus avisos pendientes se cancelan; se publica"
                    + " SubmissionRequestWithdrawn y, si su notificación llegó a las personas administradoras, se les avisa"
                    + " (REQUEST_WITHDRAWN) con el motivo. Ya atendido, ya retirado o informado al Comité: 409.")
    @APIResponse(responseCode = "200", description = "El requerimiento retirado")
    @APIResponse(responseCode = "404", description = "No existe el requerimiento")
    @APIResponse(responseCode = "409", description = "Ya fue atendido, ya fue retirado o ya fue informado al Comité")
    public RequestResponse withdrawRequest(@PathParam("id") UUID id, @Valid @NotNull WithdrawalRequest withdrawal) {
        queries.require(id);
        SubmissionRequest request = requests.withdraw(id, withdrawal.reason(), caller.email());
        return toResponse(request, RequestDeadlineChange.of(request.id));
    }

    @GET
    @Path("/escalations")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD})
    @Operation(summary = "Requerimientos escalados al titular del área (ESCALATED) e incumplimientos informados al Comité (REPORTED)",
            description = "Cada titular ve los de su área y de las áreas debajo de ella (registro actual). Orden: del escalado"
                    + " más recientemente al más antiguo (escalatedAt descendente), y por id.")
    @APIResponse(responseCode = "200", description = "Una página de escalamientos")
    public Page<RequestResponse> listEscalations(@QueryParam("status") String status, @BeanParam PageParams paging) {
        return responses(queries.escalations(status(status), paging.request()));
    }

    private static Page<RequestResponse> responses(Page<SubmissionRequest> page) {
        return new Page<>(page.items().stream().map(r -> toResponse(r, List.of())).toList(), page.page(), page.size(),
                page.total());
    }

    private static SubmissionRequest.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SubmissionRequest.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("status", Text.of(
                    "Estado no admitido: " + status + " (OPEN, SUBMITTED, OVERDUE, ESCALATED, REPORTED, WITHDRAWN).",
                    "Unknown status: " + status + " (OPEN, SUBMITTED, OVERDUE, ESCALATED, REPORTED, WITHDRAWN)."));
        }
    }

    private static ReviewCycle cycleOrNotFound(String id) {
        return ReviewCycle.<ReviewCycle>findByIdOptional(id.strip().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.notFound(Text.of("No existe el ciclo " + id + ".",
                        "There is no cycle " + id + ".")));
    }

    private static CycleResponse toResponse(ReviewCycle cycle) {
        return new CycleResponse(cycle.id, cycle.periodStart, cycle.periodEnd, cycle.windowMonth, cycle.openedAt,
                cycle.openedBy, cycle.requestCount);
    }

    private static RequestResponse toResponse(SubmissionRequest request, List<RequestDeadlineChange> changes) {
        return new RequestResponse(request.id, request.kind.name(), request.cycleId, request.accountId, request.network,
                request.handle, request.areaCode, request.areaLevel, request.requestedFields, request.reason, request.issuedAt,
                request.effectiveAt, request.dueAt, request.policy, request.calendarVersion, request.status.name(),
                request.submittedAt, request.submittedLate, request.escalatedAt, request.attendBy, request.reportedAt,
                request.windowOpensAt, request.noticeSentAt, request.awaitingAdministrator, request.escalatedToEmail,
                request.escalatedToArea, request.headNoticeSentAt, request.awaitingHead, request.chainWithdrawnAt,
                request.withdrawnAt, request.withdrawnBy, request.withdrawalReason, request.committeeResolutionId != null,
                request.committeeResolutionId,
                changes.stream().map(change -> new RequestResponse.DeadlineChange(change.changedAt, change.previousDueAt,
                        change.newDueAt, change.calendarVersion, change.reason)).toList());
    }
}
