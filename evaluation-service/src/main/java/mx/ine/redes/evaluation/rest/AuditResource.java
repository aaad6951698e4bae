package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import mx.ine.redes.evaluation.AuditedAct;
import mx.ine.redes.evaluation.service.AuditQueries;
import mx.ine.redes.support.input.InputRules;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail (issue 12): every act of the review, who, when, what, on which deadline; nothing deleted. */
@Path("/api/audit")
@Tag(name = "Auditoría")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** Longest text a filter takes: an e-mail, an action name, a cycle or a subject's id are far shorter. */
    private static final int MAX_FILTER_LENGTH = 320;

    @Inject
    AuditQueries queries;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Los actos de la revisión: quién, cuándo, qué, sobre qué y bajo qué plazo",
            description = "Filtros: subject (el id de lo actuado: un requerimiento, un ciclo como 2027-S1, una resolución…),"
                    + " account, cycle, actor (un correo, o system para lo que hace el servicio: temporizadores, plazos que"
                    + " corren desde una notificación), action (p. ej. REQUEST_ISSUED, REPORTED_TO_COMMITTEE), from (incluido)"
                    + " y to (excluido), instantes ISO-8601 (p. ej. 2027-10-04T16:00:00Z); un parámetro mal formado es 400"
                    + " nombrándolo. cncs, committee, transparency e integration ven todos los actos; el titular de un área y"
                    + " un administrador, los actos sobre las cuentas que pueden ver ahora (no los que no son de una cuenta:"
                    + " ciclos, calendario, resoluciones sobre el informe). Orden: como ocurrieron (occurredAt ascendente), y"
                    + " por id.")
    @APIResponse(responseCode = "200", description = "Una página de actos")
    public Page<AuditedActResponse> listAuditedActs(@QueryParam("subject") String subject, @QueryParam("account") UUID account,
                                                    @QueryParam("cycle") String cycle, @QueryParam("actor") String actor,
                                                    @QueryParam("action") String action, @QueryParam("from") String from,
                                                    @QueryParam("to") String to, @BeanParam PageParams paging) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !toInstant.isAfter(fromInstant)) {
            throw ProblemException.invalidParameter("to", Text.of("Debe ser posterior a from (" + fromInstant + ").",
                    "Must be after from (" + fromInstant + ")."));
        }
        AuditQueries.Filter filter = new AuditQueries.Filter(text("subject", subject), account,
                upper(text("cycle", cycle)), lower(text("actor", actor)), upper(text("action", action)), fromInstant, toInstant);
        Page<AuditedAct> page = queries.list(filter, paging.request());
        return new Page<>(page.items().stream().map(AuditedActResponse::of).toList(), page.page(), page.size(), page.total());
    }

    private static String text(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw ProblemException.invalidParameter(parameter, InputRules.tooLong(MAX_FILTER_LENGTH));
        }
        return value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                instant = OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw ProblemException.invalidParameter(parameter, Text.of(
                        "No es un instante ISO-8601: " + value + " (p. ej. 2027-10-04T16:00:00Z).",
                        "Not an ISO-8601 instant: " + value + " (e.g. 2027-10-04T16:00:00Z)."));
            }
        }
        Instant found = instant;
        InputRules.outsideSupportedYears(instant).ifPresent(refused -> {
            throw ProblemException.invalidParameter(parameter, refused);
        });
        return found;
    }
}
