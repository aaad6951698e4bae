package mx.ine.redes.evaluation.rest;

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
import java.util.Locale;
import java.util.UUID;
import mx.ine.redes.evaluation.RequestDeadlineChange;
import mx.ine.redes.evaluation.ReviewCycle;
import mx.ine.redes.evaluation.SubmissionRequest;
import mx.ine.redes.evaluation.service.RequestQueries;
import mx.ine.redes.evaluation.service.RequestService;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
                    + " requerimiento corre desde que su notificación sale. Abrir dos veces el mismo ciclo responde 409.")
    public RestResponse<CycleResponse> open(@Valid @NotNull CycleRequest request, UriInfo uri) {
        ReviewCycle cycle = requests.openCycle(request.id().strip().toUpperCase(Locale.ROOT), caller.email());
        return RestResponse.ResponseBuilder.<CycleResponse>created(uri.getAbsolutePathBuilder().path(cycle.id).build())
                .entity(toResponse(cycle)).build();
    }

    @GET
    @Path("/cycles")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista los ciclos abiertos")
    public List<CycleResponse> cycles() {
        return ReviewCycle.<ReviewCycle>list("order by id desc").stream().map(CycleResource::toResponse).toList();
    }

    @GET
    @Path("/cycles/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta un ciclo")
    public CycleResponse cycle(@PathParam("id") String id) {
        return toResponse(cycleOrNotFound(id));
    }

    @GET
    @Path("/cycles/{id}/progress")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Avance del ciclo: requeridas, entregadas (a tiempo, tarde), faltantes y vencidas, por nivel y por área",
            description = "Cada quien ve el avance de las cuentas que puede ver.")
    public ProgressResponse progress(@PathParam("id") String id) {
        cycleOrNotFound(id);
        return queries.progress(id);
    }

    @POST
    @Path("/requests/ad-hoc")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Emite requerimientos extraordinarios (Art. 12): cuentas, campos y fecha límite")
    public RestResponse<List<RequestResponse>> adHoc(@Valid @NotNull AdHocRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED,
                requests.requestAdHoc(request, caller.email()).stream().map(r -> toResponse(r, List.of())).toList());
    }

    @GET
    @Path("/requests")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista requerimientos (por ciclo, cuenta o estado); cada quien ve los de sus cuentas")
    public List<RequestResponse> list(@QueryParam("cycle") String cycle, @QueryParam("account") UUID account,
                                      @QueryParam("status") String status,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return queries.list(cycle, account, status(status), page, size).stream().map(r -> toResponse(r, List.of())).toList();
    }

    @GET
    @Path("/requests/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta un requerimiento con su plazo y los cambios de su fecha límite")
    public RequestResponse get(@PathParam("id") UUID id) {
        SubmissionRequest request = queries.require(id);
        return toResponse(request, RequestDeadlineChange.of(request.id));
    }

    @GET
    @Path("/escalations")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD})
    @Operation(summary = "Requerimientos escalados al titular del área (ESCALATED) e incumplimientos informados al Comité (REPORTED)")
    public List<RequestResponse> escalations(@QueryParam("status") String status) {
        return queries.escalations(status(status)).stream().map(r -> toResponse(r, List.of())).toList();
    }

    private static SubmissionRequest.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SubmissionRequest.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "Estado no admitido: " + status + " (OPEN, SUBMITTED, OVERDUE, ESCALATED, REPORTED).");
        }
    }

    private static ReviewCycle cycleOrNotFound(String id) {
        return ReviewCycle.<ReviewCycle>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No existe el ciclo " + id + "."));
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
                changes.stream().map(change -> new RequestResponse.DeadlineChange(change.changedAt, change.previousDueAt,
                        change.newDueAt, change.calendarVersion, change.reason)).toList());
    }
}
