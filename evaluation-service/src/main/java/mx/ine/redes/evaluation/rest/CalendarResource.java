package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.evaluation.ElectoralProcess;
import mx.ine.redes.evaluation.InstituteNonWorkingDay;
import mx.ine.redes.evaluation.calendar.Deadline;
import mx.ine.redes.evaluation.service.CalendarService;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/calendar")
@Tag(name = "Calendario y plazos")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {


    @Inject
    CalendarService calendar;

    @Inject
    Caller caller;

    @GET
    @Path("/deadline")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Calcula el vencimiento de un plazo en días hábiles y lo explica",
            description = "from: instante ISO-8601 del acto (p. ej. 2026-07-01T17:30:00Z); businessDays: número de días hábiles.")
    public DeadlineResponse deadline(@QueryParam("from") String from,
                                     @QueryParam("businessDays") @NotNull @Min(1) @Max(365) Integer businessDays) {
        if (from == null || from.isBlank()) {
            throw ProblemException.invalid("from", "Indique el instante del acto (ISO-8601, p. ej. 2026-07-01T17:30:00Z).");
        }
        Instant act;
        try {
            act = Instant.parse(from.strip());
        } catch (DateTimeParseException e) {
            try {
                act = java.time.OffsetDateTime.parse(from.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw ProblemException.invalid("from", "No es un instante ISO-8601: " + from + ".");
            }
        }
        return toResponse(calendar.afterBusinessDays(act, businessDays));
    }

    @GET
    @Path("/non-working-days")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Lista los días inhábiles del Instituto (por año)")
    public List<NonWorkingDayResponse> nonWorkingDays(@QueryParam("year") @Min(1990) @Max(2200) Integer year) {
        return calendar.nonWorkingDays(year).stream().map(CalendarResource::toResponse).toList();
    }

    @POST
    @Path("/non-working-days")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Agrega un día inhábil con su fuente; recalcula los plazos abiertos")
    public RestResponse<NonWorkingDayResponse> addNonWorkingDay(@Valid @NotNull NonWorkingDayRequest request, UriInfo uri) {
        checkYear(request.day(), "day");
        InstituteNonWorkingDay day = calendar.addNonWorkingDay(request, caller.email());
        return RestResponse.ResponseBuilder.<NonWorkingDayResponse>created(uri.getAbsolutePathBuilder().path(day.day.toString()).build())
                .entity(toResponse(day)).build();
    }

    @PUT
    @Path("/non-working-days/{year}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Carga los días inhábiles de un año (reemplaza los de ese año en una sola versión del calendario)")
    public List<NonWorkingDayResponse> replaceYear(@PathParam("year") @Min(1990) @Max(2200) int year,
                                                   @Valid @NotNull List<@Valid @NotNull NonWorkingDayRequest> days) {
        return calendar.replaceYear(year, days, caller.email()).stream().map(CalendarResource::toResponse).toList();
    }

    @DELETE
    @Path("/non-working-days/{date}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Retira un día inhábil (queda en la bitácora del calendario); recalcula los plazos abiertos")
    public RestResponse<Void> removeNonWorkingDay(@PathParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "No es una fecha AAAA-MM-DD: " + date + ".");
        }
        calendar.removeNonWorkingDay(day, caller.email());
        return RestResponse.noContent();
    }

    @GET
    @Path("/electoral-processes")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Lista los procesos electorales (todos sus días y horas son hábiles)")
    public List<ElectoralProcessResponse> electoralProcesses() {
        return calendar.electoralProcesses().stream().map(CalendarResource::toResponse).toList();
    }

    @POST
    @Path("/electoral-processes")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Agrega un proceso electoral; recalcula los plazos abiertos")
    public RestResponse<ElectoralProcessResponse> addElectoralProcess(@Valid @NotNull ElectoralProcessRequest request, UriInfo uri) {
        checkYear(request.startsOn(), "startsOn");
        checkYear(request.endsOn(), "endsOn");
        ElectoralProcess process = calendar.addElectoralProcess(request, caller.email());
        return RestResponse.ResponseBuilder.<ElectoralProcessResponse>created(uri.getAbsolutePathBuilder().path(process.id.toString()).build())
                .entity(toResponse(process)).build();
    }

    @DELETE
    @Path("/electoral-processes/{id}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Retira un proceso electoral; recalcula los plazos abiertos")
    public RestResponse<Void> removeElectoralProcess(@PathParam("id") UUID id) {
        calendar.removeElectoralProcess(id, caller.email());
        return RestResponse.noContent();
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Bitácora de cambios del calendario (cada cambio es una versión)")
    public List<CalendarChangeResponse> changes() {
        return calendar.changeLog().stream()
                .map(change -> new CalendarChangeResponse(change.version, change.changedAt, change.changedBy, change.description))
                .toList();
    }

    private static void checkYear(LocalDate date, String field) {
        if (date.getYear() < 1990 || date.getYear() > 2200) {
            throw ProblemException.invalid(field, "La fecha " + date + " está fuera del intervalo admitido (1990–2200).");
        }
    }

    DeadlineResponse toResponse(Deadline deadline) {
        var zone = calendar.calculator().calendar().zone();
        return new DeadlineResponse(deadline.actAt(), deadline.effectiveAt(),
                deadline.effectiveAt().atZone(zone).toOffsetDateTime(), deadline.dueAt(),
                deadline.dueAt().atZone(zone).toOffsetDateTime(), deadline.businessDays(), deadline.policy(),
                deadline.calendarVersion(),
                deadline.days().stream().map(day -> new DeadlineResponse.Day(day.date(), day.counted(), day.ordinal(), day.reason())).toList());
    }

    private static NonWorkingDayResponse toResponse(InstituteNonWorkingDay day) {
        return new NonWorkingDayResponse(day.day, day.description, day.sourceReference, day.createdBy);
    }

    private static ElectoralProcessResponse toResponse(ElectoralProcess process) {
        return new ElectoralProcessResponse(process.id, process.name, process.startsOn, process.endsOn, process.sourceReference);
    }
}
