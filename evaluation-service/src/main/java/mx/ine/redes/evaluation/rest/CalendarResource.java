package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.evaluation.ElectoralProcess;
import mx.ine.redes.evaluation.InstituteNonWorkingDay;
import mx.ine.redes.evaluation.calendar.BusinessCalendar;
import mx.ine.redes.evaluation.calendar.Deadline;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.service.CalendarService;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.ReaderLanguage;
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
            description = "from: instante ISO-8601 del acto (p. ej. 2026-07-01T17:30:00Z), entre 1990 y 2200; "
                    + "businessDays: número de días hábiles, de 1 a " + MAX_BUSINESS_DAYS + ". Las razones de cada día "
                    + "van en español, o en inglés con Accept-Language: en.")
    @APIResponse(responseCode = "200", description = "El vencimiento, en UTC y en hora del Instituto, con cada día explicado")
    @APIResponse(responseCode = "422", description = "El plazo terminaría después de 2200, el último año admitido")
    public DeadlineResponse computeDeadline(@QueryParam("from") String from, @QueryParam("businessDays") String businessDays,
                                            @Context HttpHeaders headers) {
        if (from == null || from.isBlank()) {
            throw ProblemException.invalidParameter("from", Text.of(
                    "Indique el instante del acto (ISO-8601, p. ej. 2026-07-01T17:30:00Z).",
                    "Give the instant of the act (ISO-8601, e.g. 2026-07-01T17:30:00Z)."));
        }
        Instant act;
        try {
            act = Instant.parse(from.strip());
        } catch (DateTimeParseException e) {
            try {
                act = java.time.OffsetDateTime.parse(from.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw ProblemException.invalidParameter("from", Text.of("No es un instante ISO-8601: " + from + ".",
                        "Not an ISO-8601 instant: " + from + "."));
            }
        }
        DeadlineCalculator calculator = calendar.calculator();
        // Outside the supported years the rules are not known to hold, and far-off instants
        // (+999999999-…) would overflow the date arithmetic: a client's mistake, not a 500.
        if (!calculator.supports(act)) {
            throw ProblemException.invalidParameter("from", Text.of(
                    "El instante " + from + " está fuera de los años admitidos (1990–2200, hora de la Ciudad de México).",
                    "The instant " + from + " is outside the supported years (1990–2200, Mexico City time)."));
        }
        int days = businessDays(businessDays);
        return toResponse(calculator.afterBusinessDays(act, days), calculator, english(headers));
    }

    /** The longest term one may ask about: a year of business days is far beyond any term of the Lineamientos. */
    static final int MAX_BUSINESS_DAYS = 365;

    /** Parsed here, not by the framework: a non-number must be a 400 naming the parameter, never a 404. */
    private static int businessDays(String value) {
        Text message = Text.of("Indique un número entero de días hábiles, de 1 a " + MAX_BUSINESS_DAYS + ".",
                "Give a whole number of business days from 1 to " + MAX_BUSINESS_DAYS + ".");
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidParameter("businessDays", message);
        }
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter("businessDays", message);
        }
        if (days < 1 || days > MAX_BUSINESS_DAYS) {
            throw ProblemException.invalidParameter("businessDays", message);
        }
        return days;
    }

    /** The same choice as the problem texts ({@link ReaderLanguage}). */
    static boolean english(HttpHeaders headers) {
        return ReaderLanguage.english(headers);
    }

    @GET
    @Path("/non-working-days")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Lista los días inhábiles del Instituto (de un año, o todos)", description = "Orden: por día, ascendente.")
    @APIResponse(responseCode = "200", description = "Una página de días inhábiles")
    public Page<NonWorkingDayResponse> listNonWorkingDays(@QueryParam("year") @Min(1990) @Max(2200) Integer year,
                                                          @BeanParam PageParams paging) {
        return map(calendar.nonWorkingDays(year, paging.request()), CalendarResource::toResponse);
    }

    @POST
    @Path("/non-working-days")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Agrega un día inhábil con su fuente; recalcula los plazos abiertos")
    @APIResponse(responseCode = "201", description = "Día agregado (una versión nueva del calendario)",
            headers = @Header(name = "Location", description = "/api/calendar/non-working-days/{date}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "El día ya está registrado como inhábil")
    public RestResponse<NonWorkingDayResponse> addNonWorkingDay(@Valid @NotNull NonWorkingDayRequest request, UriInfo uri) {
        checkYear(request.day(), "day");
        InstituteNonWorkingDay day = calendar.addNonWorkingDay(request, caller.email());
        return RestResponse.ResponseBuilder.<NonWorkingDayResponse>created(uri.getAbsolutePathBuilder().path(day.day.toString()).build())
                .entity(toResponse(day)).build();
    }

    @PUT
    @Path("/non-working-days/years/{year}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Carga los días inhábiles de un año (reemplaza los de ese año en una sola versión del calendario)",
            description = "Responde los días del año, por día.")
    @APIResponse(responseCode = "200", description = "Los días inhábiles del año, como quedaron")
    public List<NonWorkingDayResponse> replaceNonWorkingDaysOfYear(@PathParam("year") @Min(1990) @Max(2200) int year,
                                                                   @Valid @NotNull @Size(max = 366)
                                                                   List<@Valid @NotNull NonWorkingDayRequest> days) {
        return calendar.replaceYear(year, days, caller.email()).stream()
                .sorted(java.util.Comparator.comparing(day -> day.day)).map(CalendarResource::toResponse).toList();
    }

    @DELETE
    @Path("/non-working-days/{date}")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Retira un día inhábil (queda en la bitácora del calendario); recalcula los plazos abiertos")
    @APIResponse(responseCode = "204", description = "Día retirado")
    @APIResponse(responseCode = "404", description = "El día no está registrado como inhábil")
    public RestResponse<Void> removeNonWorkingDay(@PathParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter("date", Text.of("No es una fecha AAAA-MM-DD: " + date + ".",
                    "Not a YYYY-MM-DD date: " + date + "."));
        }
        calendar.removeNonWorkingDay(day, caller.email());
        return RestResponse.noContent();
    }

    @GET
    @Path("/electoral-processes")
    @RolesAllowed({Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Lista los procesos electorales (todos sus días y horas son hábiles)",
            description = "Orden: por primer día, luego por nombre y por id.")
    @APIResponse(responseCode = "200", description = "Una página de procesos electorales")
    public Page<ElectoralProcessResponse> listElectoralProcesses(@BeanParam PageParams paging) {
        return map(calendar.electoralProcesses(paging.request()), CalendarResource::toResponse);
    }

    @POST
    @Path("/electoral-processes")
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Agrega un proceso electoral; recalcula los plazos abiertos",
            description = "Uno idéntico (mismo nombre y mismas fechas) responde 409 nombrándolo; uno más largo que"
                    + " calendar.max-electoral-process-length (P2Y) responde 422 nombrando startsOn y endsOn.")
    @APIResponse(responseCode = "201", description = "Proceso agregado (una versión nueva del calendario)",
            headers = @Header(name = "Location", description = "/api/calendar/electoral-processes/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Ya hay un proceso idéntico")
    @APIResponse(responseCode = "422", description = "El proceso es más largo de lo admitido")
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
    @APIResponse(responseCode = "204", description = "Proceso retirado")
    @APIResponse(responseCode = "404", description = "No existe el proceso")
    public RestResponse<Void> removeElectoralProcess(@PathParam("id") UUID id) {
        calendar.removeElectoralProcess(id, caller.email());
        return RestResponse.noContent();
    }

    @GET
    @Path("/changes")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION})
    @Operation(summary = "Bitácora de cambios del calendario (cada cambio es una versión)",
            description = "Orden: de la versión más reciente a la más antigua.")
    @APIResponse(responseCode = "200", description = "Una página de versiones")
    public Page<CalendarChangeResponse> listCalendarChanges(@BeanParam PageParams paging) {
        return map(calendar.changeLog(paging.request()),
                change -> new CalendarChangeResponse(change.version, change.changedAt, change.changedBy, change.description));
    }

    private static <T, R> Page<R> map(Page<T> page, java.util.function.Function<T, R> response) {
        return new Page<>(page.items().stream().map(response).toList(), page.page(), page.size(), page.total());
    }

    private static void checkYear(LocalDate date, String field) {
        if (date.getYear() < BusinessCalendar.FIRST_SUPPORTED_YEAR || date.getYear() > BusinessCalendar.LAST_SUPPORTED_YEAR) {
            throw ProblemException.invalid(field, Text.of("La fecha " + date + " está fuera del intervalo admitido (1990–2200).",
                    "The date " + date + " is outside the supported range (1990–2200)."));
        }
    }

    static DeadlineResponse toResponse(Deadline deadline, DeadlineCalculator calculator, boolean english) {
        var zone = calculator.calendar().zone();
        return new DeadlineResponse(deadline.actAt(), deadline.effectiveAt(),
                deadline.effectiveAt().atZone(zone).toOffsetDateTime(), deadline.dueAt(),
                deadline.dueAt().atZone(zone).toOffsetDateTime(), deadline.businessDays(), deadline.policy(),
                deadline.calendarVersion(),
                deadline.days().stream().map(day -> new DeadlineResponse.Day(day.date(), day.beforeEffect(), day.counted(),
                        day.ordinal(), english ? day.reasonEnglish() : day.reason())).toList());
    }

    private static NonWorkingDayResponse toResponse(InstituteNonWorkingDay day) {
        return new NonWorkingDayResponse(day.day, day.description, day.sourceReference, day.createdBy);
    }

    private static ElectoralProcessResponse toResponse(ElectoralProcess process) {
        return new ElectoralProcessResponse(process.id, process.name, process.startsOn, process.endsOn, process.sourceReference);
    }
}
