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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import mx.ine.redes.evaluation.Observation;
import mx.ine.redes.evaluation.ObservationDeadlineChange;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.config.ObservationsConfig;
import mx.ine.redes.evaluation.config.RequestsConfig;
import mx.ine.redes.evaluation.service.CalendarService;
import mx.ine.redes.evaluation.service.ObservationQueries;
import mx.ine.redes.evaluation.service.ObservationService;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/observations")
@Tag(name = "Observaciones")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    private static final String STATUSES = "ISSUED, ANSWERED, RESOLVED, FOLLOWED_UP, OVERDUE, ESCALATED, REPORTED";

    @Inject
    ObservationService observations;

    @Inject
    ObservationQueries queries;

    @Inject
    CalendarService calendar;

    @Inject
    ObservationsConfig config;

    @Inject
    RequestsConfig chainConfig;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Formula una observación (Art. 14) a la información de una evaluación abierta",
            description = "fields: los campos observados (nombres de StatisticField que la información entregada tiene);"
                    + " suggestion: el código de la observación sugerida que retoma, si alguna. Se notifica a las personas"
                    + " administradoras (OBSERVATION_ISSUED) y el plazo para corregir (2 días hábiles) corre desde que sale esa"
                    + " notificación; se publica ObservationIssued con la fecha límite provisional.")
    @APIResponse(responseCode = "201", description = "La observación formulada",
            headers = @Header(name = "Location", description = "La dirección de la observación"))
    @APIResponse(responseCode = "409", description = "La evaluación ya fue concluida")
    @APIResponse(responseCode = "422", description = "No existe la evaluación")
    public Response issueObservation(@Valid @NotNull ObservationRequest body, @Context UriInfo uri,
                                     @Context HttpHeaders headers) {
        Observation issued = observations.issue(body.evaluationId(), body.text(), body.fields(), body.suggestion(), caller.email());
        return Response.created(uri.getBaseUriBuilder().path("api/observations").path(issued.id.toString()).build())
                .entity(toResponse(issued, true, CalendarResource.english(headers))).build();
    }

    @GET
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista las observaciones (por evaluación, cuenta, ciclo o estado)",
            description = "Cada quien ve las de las cuentas que puede ver según el registro actual (como los requerimientos)."
                    + " status: " + STATUSES + " (ESCALATED: las escaladas al titular del área; REPORTED: informadas al"
                    + " Comité). Orden: de la formulada más recientemente a la más antigua (issuedAt descendente), y por id.")
    @APIResponse(responseCode = "200", description = "Una página de observaciones")
    public Page<ObservationResponse> listObservations(@QueryParam("evaluation") UUID evaluation,
                                                      @QueryParam("account") UUID account,
                                                      @QueryParam("cycle") String cycle,
                                                      @QueryParam("status") String status,
                                                      @BeanParam PageParams paging) {
        Page<Observation> page = queries.list(evaluation, account,
                cycle == null || cycle.isBlank() ? null : cycle.strip().toUpperCase(Locale.ROOT), status(status),
                paging.request());
        return new Page<>(page.items().stream().map(o -> toResponse(o, false, false)).toList(), page.page(), page.size(),
                page.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta una observación con su plazo explicado día por día, el del titular si se escaló, sus"
            + " cambios de fecha y la corrección que la respondió",
            description = "El plazo para corregir corre desde que salió la notificación a las personas administradoras"
                    + " (provisional, desde la formulación, mientras no sale); el del titular, desde su propia notificación."
                    + " Las razones de cada día van en español, o en inglés con Accept-Language: en.")
    @APIResponse(responseCode = "200", description = "La observación")
    @APIResponse(responseCode = "404", description = "No existe, o es de una cuenta que quien consulta no puede ver")
    public ObservationResponse getObservation(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return toResponse(queries.require(id), true, CalendarResource.english(headers));
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Resuelve una observación respondida: la corrección la atendió",
            description = "Solo una observación respondida (ANSWERED). Publica ObservationResolved con si la corrección llegó"
                    + " a tiempo. note (opcional): cómo la atendió.")
    @APIResponse(responseCode = "200", description = "La observación resuelta")
    @APIResponse(responseCode = "404", description = "No existe la observación")
    @APIResponse(responseCode = "409", description = "No está respondida (aún sin corrección, escalada, informada, ya resuelta"
            + " o ya con seguimiento); el detalle dice por qué")
    public ObservationResponse resolveObservation(@PathParam("id") UUID id, @Valid @NotNull ObservationResolutionRequest body,
                                                  @Context HttpHeaders headers) {
        queries.require(id);
        return toResponse(observations.resolve(id, body.note(), caller.email()), true, CalendarResource.english(headers));
    }

    @POST
    @Path("/{id}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Da seguimiento a una observación respondida cuya corrección no la atendió: una observación nueva",
            description = "La observación respondida queda FOLLOWED_UP y se formula una nueva (followsUpObservationId), con"
                    + " su propio plazo de 2 días hábiles desde su propia notificación.")
    @APIResponse(responseCode = "201", description = "La observación nueva",
            headers = @Header(name = "Location", description = "La dirección de la observación nueva"))
    @APIResponse(responseCode = "404", description = "No existe la observación")
    @APIResponse(responseCode = "409", description = "No está respondida, o la evaluación ya fue concluida; el detalle dice"
            + " por qué")
    public Response followUpObservation(@PathParam("id") UUID id, @Valid @NotNull FollowUpRequest body, @Context UriInfo uri,
                                        @Context HttpHeaders headers) {
        queries.require(id);
        Observation next = observations.followUp(id, body.text(), body.fields(), caller.email());
        return Response.created(uri.getBaseUriBuilder().path("api/observations").path(next.id.toString()).build())
                .entity(toResponse(next, true, CalendarResource.english(headers))).build();
    }

    private static Observation.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Observation.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("status", Text.of("Estado no admitido: " + status + " (" + STATUSES + ").",
                    "Unknown status: " + status + " (" + STATUSES + ")."));
        }
    }

    private ObservationResponse toResponse(Observation o, boolean explained, boolean english) {
        DeadlineCalculator calculator = calendar.calculator();
        DeadlineResponse term = null;
        DeadlineResponse headTerm = null;
        List<ObservationResponse.DeadlineChange> changes = null;
        if (explained) {
            term = CalendarResource.toResponse(calculator.afterBusinessDays(o.noticeSentAt != null ? o.noticeSentAt : o.issuedAt,
                    config.correctionBusinessDays()), calculator, english);
            if (o.headNoticeSentAt != null) {
                headTerm = CalendarResource.toResponse(calculator.afterBusinessDays(o.headNoticeSentAt,
                        chainConfig.escalationBusinessDays()), calculator, english);
            }
            changes = ObservationDeadlineChange.of(o.id).stream().map(c -> new ObservationResponse.DeadlineChange(c.changedAt,
                    c.previousDueAt, c.newDueAt, c.calendarVersion, c.reason, c.notified)).toList();
        }
        ObservationResponse.Answer answer = o.answeredByVersion == null ? null
                : new ObservationResponse.Answer(o.answeredBySubmissionId, o.answeredByVersion, o.answeredReceivedAt,
                        o.answeredOnTime);
        return new ObservationResponse(o.id, o.evaluationId, o.requestId, o.accountId, o.cycleId, o.network, o.handle,
                o.areaCode, o.text, o.fields, o.figures, o.suggestionCode, o.issuedBy, o.issuedAt, o.status.name(),
                o.noticeSentAt, o.effectiveAt, o.dueAt, o.dueAt.atZone(calculator.calendar().zone()).toOffsetDateTime(),
                o.notifiedDueAt, o.calendarVersion, o.policy, o.awaitingAdministrator, answer, o.overdueAt, o.escalatedAt,
                o.escalatedToEmail, o.escalatedToArea, o.headNoticeSentAt, o.attendBy, o.notifiedAttendBy, o.awaitingHead,
                o.reportedAt, o.chainWithdrawnAt, o.reportedWithdrawn, o.followsUpId, o.followedUpById, o.resolvedBy,
                o.resolvedAt, o.resolutionNote, changes, term, headTerm);
    }
}
