package mx.ine.redes.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.calendar.DeadlineCalculator;
import mx.ine.redes.evaluation.service.CalendarService;
import mx.ine.redes.evaluation.service.EvaluationCaseService;
import mx.ine.redes.evaluation.service.EvaluationQueries;
import mx.ine.redes.evaluation.service.RatingOverrides;
import mx.ine.redes.evaluation.service.Recommendations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/evaluations")
@Tag(name = "Evaluaciones")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    /** A backlog horizon beyond a quarter of a year of business days says nothing a list would not. */
    static final int MAX_WITHIN_BUSINESS_DAYS = 60;

    @Inject
    EvaluationQueries queries;

    @Inject
    CalendarService calendar;

    @Inject
    mx.ine.redes.evaluation.service.CaseScoring caseScoring;

    @Inject
    EvaluationCaseService caseService;

    @Inject
    mx.ine.redes.support.security.Caller caller;

    @Inject
    RatingOverrides ratingOverrides;

    @Inject
    Recommendations recommendations;

    @Inject
    mx.ine.redes.evaluation.service.OutcomeQueries outcomes;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista las evaluaciones (por ciclo, cuenta, estado, vencidas o con plazo antes de un instante)",
            description = "Cada quien ve las de las cuentas que puede ver según el registro actual (como los requerimientos)."
                    + " status: OPEN o COMPLETED; late: true o false (el plazo de la CNCS, Art. 13, pasó antes de concluir);"
                    + " dueBefore: instante ISO-8601, plazo estrictamente anterior. Orden: plazo (dueAt) ascendente, y por id.")
    @APIResponse(responseCode = "200", description = "Una página de evaluaciones")
    public Page<EvaluationResponse> listEvaluations(@QueryParam("cycle") String cycle, @QueryParam("account") UUID account,
                                                    @QueryParam("status") String status,
                                                    @QueryParam("late") String late, @QueryParam("dueBefore") String dueBefore,
                                                    @BeanParam PageParams paging) {
        Page<EvaluationCase> page = queries.list(cycle(cycle), account, status(status), late(late), dueBefore(dueBefore), paging.request());
        return new Page<>(page.items().stream().map(c -> toResponse(c, null, null, null, null, null, null)).toList(),
                page.page(), page.size(), page.total());
    }

    @GET
    @Path("/backlog")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Rezago de evaluaciones: abiertas, por vencer, fuera de plazo y concluidas tarde, por nivel",
            description = "withinBusinessDays (1 a " + MAX_WITHIN_BUSINESS_DAYS + ", 2 si se omite): «por vencer» son las abiertas"
                    + " cuyo plazo aún no pasa y vence a más tardar al cierre de ese día hábil contado desde ahora. cycle filtra"
                    + " por ciclo. Cada quien cuenta las de las cuentas que puede ver. Niveles en orden alfabético.")
    @APIResponse(responseCode = "200", description = "Los conteos, en total y por nivel de área")
    public BacklogResponse evaluationBacklog(@QueryParam("cycle") String cycle,
                                             @QueryParam("withinBusinessDays") String withinBusinessDays) {
        return queries.backlog(cycle(cycle), withinBusinessDays(withinBusinessDays));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta una evaluación con su plazo explicado día por día y la recepción de cada versión",
            description = "El plazo de la CNCS (Art. 13) son 10 días hábiles desde la recepción de la primera versión; una"
                    + " corrección no lo reinicia. Las razones de cada día van en español, o en inglés con Accept-Language: en."
                    + " Incluye el historial de la calificación (la calculada y cada modificación de la CNCS), sus"
                    + " recomendaciones y las de la evaluación de la cuenta del ciclo anterior (previousRecommendations),"
                    + " con su estado y respuesta.")
    @APIResponse(responseCode = "200", description = "La evaluación")
    @APIResponse(responseCode = "404", description = "No existe, o es de una cuenta que quien consulta no puede ver")
    public EvaluationResponse getEvaluation(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        EvaluationCase evaluation = queries.require(id);
        DeadlineCalculator calculator = calendar.calculator();
        DeadlineResponse term = CalendarResource.toResponse(
                calculator.afterBusinessDays(evaluation.firstReceivedAt, EvaluationCaseService.EVALUATION_BUSINESS_DAYS),
                calculator, CalendarResource.english(headers));
        List<EvaluationResponse.Receipt> receipts = queries.receipts(id).stream()
                .map(row -> new EvaluationResponse.Receipt(((Number) row[0]).intValue(), (UUID) row[1], instantOf(row[2]),
                        (Boolean) row[3])).toList();
        List<ObservationResponse.Summary> observations = mx.ine.redes.evaluation.Observation.ofEvaluation(id).stream()
                .map(o -> new ObservationResponse.Summary(o.id, o.status.name(), o.dueAt, o.attendBy)).toList();
        return toResponse(evaluation, receipts, term, ratingHistory(evaluation),
                mx.ine.redes.evaluation.Recommendation.of(id).stream().map(RecommendationResponse::of).toList(),
                outcomes.previousRecommendations(evaluation).stream().map(RecommendationResponse::of).toList(), observations);
    }

    @GET
    @Path("/{id}/score")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "La calificación provisional de una evaluación (Art. 13), explicada",
            description = "Los cuatro criterios (desempeño en la red, frecuencia de publicación, contenido original, nuevos"
                    + " seguidores) de 0 a 100, la calificación global ponderada y el dictamen, con la fórmula vigente; el desempeño"
                    + " se clasifica entre las cuentas de la misma red y nivel del mismo ciclo. Se calcula al consultarla: la"
                    + " definitiva se registra al concluir la evaluación. Las fórmulas: evaluation-service/SCORING.md.")
    @APIResponse(responseCode = "200", description = "La calificación y su explicación")
    @APIResponse(responseCode = "404", description = "No existe, o es de una cuenta que quien consulta no puede ver")
    @APIResponse(responseCode = "422", description = "Es de un requerimiento específico (sin pares) o de un ciclo que no se conoce")
    public ScoreResponse getEvaluationScore(@PathParam("id") UUID id) {
        EvaluationCase evaluation = queries.require(id);
        if (evaluation.status == EvaluationCase.Status.COMPLETED && evaluation.score != null) {
            return toScore(evaluation, evaluation.score, false);
        }
        return toScore(evaluation, caseScoring.score(evaluation), true);
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Concluye la evaluación (Art. 13) con la calificación que le da el ciclo ahora",
            description = "Registra la calificación tal como es (subcalificaciones, fórmula y explicación: un cambio posterior de"
                    + " fórmula no la reescribe), marca la evaluación como tardía si el plazo de la CNCS pasó, y publica"
                    + " EvaluationCompleted con la calificación vigente (la última modificación de la CNCS, o la de la"
                    + " fórmula) y las recomendaciones; submissions-service cierra entonces el requerimiento del ciclo. Envía el"
                    + " resultado a las personas administradoras (EVALUATION_COMPLETED) y, si la cuenta está inactiva o su"
                    + " calificación vigente es NOT_PERTINENT, propone su baja (BajaProposed). Sin cuerpo.")
    @APIResponse(responseCode = "200", description = "La evaluación concluida")
    @APIResponse(responseCode = "404", description = "No existe la evaluación")
    @APIResponse(responseCode = "409", description = "Ya fue concluida, o tiene observaciones abiertas (las nombra)")
    @APIResponse(responseCode = "422", description = "Es de un requerimiento específico (sin pares) o de un ciclo que no se conoce")
    public CompletionResponse completeEvaluation(@PathParam("id") UUID id) {
        queries.require(id);
        EvaluationCase completed = caseService.complete(id, caller.email());
        return new CompletionResponse(completed.id, completed.status.name(), completed.completedAt, completed.completedBy,
                completed.late, toScore(completed, completed.score, false));
    }

    @POST
    @Path("/{id}/rating-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Modifica la calificación (dictamen) de una evaluación con una justificación escrita",
            description = "rating: PERTINENT, PERTINENT_WITH_RECOMMENDATIONS o NOT_PERTINENT; justification: al menos "
                    + RatingOverrides.MIN_JUSTIFICATION_LENGTH + " caracteres. Antes de concluir, la conclusión lleva la"
                    + " calificación modificada; después, cambia la calificación vigente pero nunca la calificación registrada"
                    + " (puntos y fórmula). Cada modificación queda en el historial y publica RatingOverridden. Una modificación"
                    + " posterior a la conclusión de NOT_PERTINENT a una pertinente retira la propuesta de baja aún pendiente.")
    @APIResponse(responseCode = "200", description = "El historial de la calificación, con la modificación")
    @APIResponse(responseCode = "404", description = "No existe la evaluación")
    @APIResponse(responseCode = "409", description = "La calificación indicada ya es la vigente")
    @APIResponse(responseCode = "422", description = "Es de un requerimiento específico (sin calificación) o de un ciclo que no se conoce")
    public RatingHistoryResponse overrideEvaluationRating(@PathParam("id") UUID id,
                                                          @Valid @NotNull RatingOverrideRequest override) {
        queries.require(id);
        return ratingHistory(ratingOverrides.override(id, override.rating(), override.justification(), caller.email()));
    }

    @POST
    @Path("/{id}/recommendations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "Hace una recomendación (Art. 6 III) en una evaluación abierta",
            description = "category: MORE_ORIGINAL_CONTENT, MORE_MULTIMEDIA, ROUTE_THROUGH_INEMEXICO, PUBLISH_MORE_OFTEN,"
                    + " IMPROVE_ENGAGEMENT, UPDATE_PROFILE, DECOMMISSION u OTHER; text: 1 a 2000 caracteres. Se envía a las"
                    + " personas administradoras con el resultado al concluir la evaluación; queda pendiente (PENDING).")
    @APIResponse(responseCode = "201", description = "La recomendación, con Location /api/recommendations/{id}",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location",
                    description = "/api/recommendations/{id}"))
    @APIResponse(responseCode = "404", description = "No existe la evaluación")
    @APIResponse(responseCode = "409", description = "La evaluación ya fue concluida")
    public jakarta.ws.rs.core.Response recommendInEvaluation(@PathParam("id") UUID id,
                                                             @Valid @NotNull RecommendationRequest recommendation,
                                                             @Context jakarta.ws.rs.core.UriInfo uri) {
        queries.require(id);
        mx.ine.redes.evaluation.Recommendation made = recommendations.make(id, recommendation.category(),
                recommendation.text(), caller.email());
        return jakarta.ws.rs.core.Response.created(uri.getBaseUriBuilder().path("api/recommendations").path(made.id.toString())
                .build()).entity(RecommendationResponse.of(made)).build();
    }

    /** The rating as it stands and its history; the computed one is provisional while the case is open. */
    private RatingHistoryResponse ratingHistory(EvaluationCase evaluation) {
        List<RatingHistoryResponse.Override> overrides = mx.ine.redes.evaluation.RatingOverride.of(evaluation.id).stream()
                .map(o -> new RatingHistoryResponse.Override(o.id, o.ordinal, o.previousRating, o.rating, o.computedRating,
                        o.justification, o.overriddenBy, o.overriddenAt, o.afterCompletion)).toList();
        if (evaluation.status == EvaluationCase.Status.COMPLETED) {
            String computed = evaluation.computedRating != null ? evaluation.computedRating
                    : evaluation.score != null ? evaluation.score.rating().name() : evaluation.rating;
            return new RatingHistoryResponse(computed, false, evaluation.rating, evaluation.ratingJustification, overrides);
        }
        String computed = null;
        try {
            computed = caseScoring.score(evaluation).rating().name();
        } catch (ProblemException notRated) {
            // An ad hoc case, or a cycle this service does not know: nothing computed to show.
        }
        RatingOverrides.Standing standing = ratingOverrides.standing(evaluation.id, computed);
        return new RatingHistoryResponse(computed, true, standing.rating(), standing.justification(), overrides);
    }

    private static ScoreResponse toScore(EvaluationCase evaluation, mx.ine.redes.evaluation.scoring.AccountScore score,
                                         boolean provisional) {
        return new ScoreResponse(evaluation.id, evaluation.accountId, evaluation.cycleId, provisional, score.overall(),
                score.rating().name(), score.subScoresByKey(), score.formulaVersion(), score.explanation(),
                List.of(score.explanation().text().split("\n")));
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static String cycle(String cycle) {
        return cycle == null || cycle.isBlank() ? null : cycle.strip().toUpperCase(Locale.ROOT);
    }

    private static EvaluationCase.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return EvaluationCase.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("status", Text.of("Estado no admitido: " + status + " (OPEN, COMPLETED).",
                    "Unknown status: " + status + " (OPEN, COMPLETED)."));
        }
    }

    private static Boolean late(String late) {
        if (late == null || late.isBlank()) {
            return null;
        }
        return switch (late.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidParameter("late", Text.of("Escriba true o false.", "Write true or false."));
        };
    }

    private Instant dueBefore(String value) {
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
                throw ProblemException.invalidParameter("dueBefore", Text.of(
                        "No es un instante ISO-8601: " + value + " (p. ej. 2027-03-23T00:00:00Z).",
                        "Not an ISO-8601 instant: " + value + " (e.g. 2027-03-23T00:00:00Z)."));
            }
        }
        // Far-off instants (+999999999-…) do not fit a database timestamp: a client's mistake, not a 500.
        if (!calendar.calculator().supports(instant)) {
            throw ProblemException.invalidParameter("dueBefore", Text.of(
                    "El instante " + value + " está fuera de los años admitidos (1990–2200, hora de la Ciudad de México).",
                    "The instant " + value + " is outside the supported years (1990–2200, Mexico City time)."));
        }
        return instant;
    }

    /** Parsed here, not by the framework: a non-number is a 400 naming the parameter. */
    private static int withinBusinessDays(String value) {
        if (value == null || value.isBlank()) {
            return 2;
        }
        Text message = Text.of("Indique un número entero de días hábiles, de 1 a " + MAX_WITHIN_BUSINESS_DAYS + ".",
                "Give a whole number of business days from 1 to " + MAX_WITHIN_BUSINESS_DAYS + ".");
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidParameter("withinBusinessDays", message);
        }
        if (days < 1 || days > MAX_WITHIN_BUSINESS_DAYS) {
            throw ProblemException.invalidParameter("withinBusinessDays", message);
        }
        return days;
    }

    private static EvaluationResponse toResponse(EvaluationCase c, List<EvaluationResponse.Receipt> receipts, DeadlineResponse term,
                                                 RatingHistoryResponse ratingHistory,
                                                 List<RecommendationResponse> recommendations,
                                                 List<RecommendationResponse> previousRecommendations,
                                                 List<ObservationResponse.Summary> observations) {
        return new EvaluationResponse(c.id, c.requestId, c.accountId, c.cycleId, c.network, c.areaCode, c.areaLevel,
                c.submissionId, c.latestVersion, c.firstReceivedAt, c.latestReceivedAt, c.status.name(), c.dueAt,
                c.effectiveAt, c.policy, c.calendarVersion, c.late, c.termPassedAt, c.completedAt, c.figures, c.audience,
                c.campaigns, c.warnings, c.suggestedObservations, receipts, term, ratingHistory, recommendations,
                previousRecommendations, observations);
    }
}
