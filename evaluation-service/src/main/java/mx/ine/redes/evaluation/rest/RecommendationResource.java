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
import java.util.Locale;
import java.util.UUID;
import mx.ine.redes.evaluation.Recommendation;
import mx.ine.redes.evaluation.service.OutcomeQueries;
import mx.ine.redes.evaluation.service.Recommendations;
import mx.ine.redes.support.paging.Page;
import mx.ine.redes.support.paging.PageParams;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;
import mx.ine.redes.support.security.Caller;
import mx.ine.redes.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Recommendations (Art. 6 III) and their attention (Art. 7 II); CNCS makes them at {@code POST /api/evaluations/{id}/recommendations}. */
@Path("/api/recommendations")
@Tag(name = "Recomendaciones")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    @Inject
    OutcomeQueries queries;

    @Inject
    Recommendations recommendations;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Lista las recomendaciones (por cuenta, ciclo, evaluación o estado)",
            description = "Cada quien ve las de las cuentas que puede ver según el registro actual (como las evaluaciones)."
                    + " status: PENDING, ATTENDED o NOT_ATTENDED. Orden: de la más antigua a la más reciente (madeAt), y por id.")
    @APIResponse(responseCode = "200", description = "Una página de recomendaciones")
    public Page<RecommendationResponse> listRecommendations(@QueryParam("account") UUID account, @QueryParam("cycle") String cycle,
                                                            @QueryParam("evaluation") UUID evaluation,
                                                            @QueryParam("status") String status, @BeanParam PageParams paging) {
        Page<Recommendation> page = queries.recommendations(account,
                cycle == null || cycle.isBlank() ? null : cycle.strip().toUpperCase(Locale.ROOT), evaluation, status(status),
                paging.request());
        return new Page<>(page.items().stream().map(RecommendationResponse::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN})
    @Operation(summary = "Consulta una recomendación y su atención")
    @APIResponse(responseCode = "200", description = "La recomendación")
    @APIResponse(responseCode = "404", description = "No existe, o es de una cuenta que quien consulta no puede ver")
    public RecommendationResponse getRecommendation(@PathParam("id") UUID id) {
        return RecommendationResponse.of(queries.requireRecommendation(id));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ACCOUNT_ADMIN)
    @Operation(summary = "La persona administradora de la cuenta responde cómo atendió una recomendación (Art. 7 II)",
            description = "answer: 1 a 2000 caracteres. Sólo una vez concluida la evaluación (cuando la recomendación se envió)"
                    + " y mientras está pendiente; queda ATTENDED y se publica RecommendationAttended.")
    @APIResponse(responseCode = "200", description = "La recomendación atendida")
    @APIResponse(responseCode = "403", description = "Quien responde no es persona administradora, o puede verla pero no administra la cuenta")
    @APIResponse(responseCode = "404", description = "No existe, o es de una cuenta que quien responde no puede ver")
    @APIResponse(responseCode = "409", description = "La evaluación no ha concluido, o la recomendación ya fue atendida o registrada como no atendida")
    public RecommendationResponse answerRecommendation(@PathParam("id") UUID id, @Valid @NotNull RecommendationAnswerRequest answer) {
        queries.requireRecommendation(id);
        return RecommendationResponse.of(recommendations.answer(id, answer.answer()));
    }

    @POST
    @Path("/{id}/non-attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNCS)
    @Operation(summary = "La CNCS registra que una recomendación no fue atendida",
            description = "reason: 1 a 2000 caracteres. Sólo una vez concluida la evaluación y mientras está pendiente; queda"
                    + " NOT_ATTENDED y se publica RecommendationAttended (status NOT_ATTENDED).")
    @APIResponse(responseCode = "200", description = "La recomendación, no atendida")
    @APIResponse(responseCode = "404", description = "No existe la recomendación")
    @APIResponse(responseCode = "409", description = "La evaluación no ha concluido, o la recomendación ya fue atendida o registrada como no atendida")
    public RecommendationResponse recordRecommendationNonAttendance(@PathParam("id") UUID id,
                                                                    @Valid @NotNull NonAttendanceRequest nonAttendance) {
        queries.requireRecommendation(id);
        return RecommendationResponse.of(recommendations.notAttended(id, nonAttendance.reason(), caller.email()));
    }

    private static Recommendation.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Recommendation.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidParameter("status", Text.of("Estado no admitido: " + status
                    + " (PENDING, ATTENDED, NOT_ATTENDED).", "Unknown status: " + status + " (PENDING, ATTENDED, NOT_ATTENDED)."));
        }
    }
}
