package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.CNCS_EMAIL;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.area;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.awaitEvents;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.cncs;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.cycle;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.evaluation;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.notPertinentFigures;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.person;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.register;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.submit;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.calendar.Deadlines;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.events.EvaluationCompleted;
import mx.ine.redes.events.RatingOverridden;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CNCS's override of a rating (domain.md §5) before completion, on the real database, broker and
 * mail server. The figures and their score are written out in {@code EvaluationFixtures}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class RatingOverrideTest {

    private static final String JUSTIFICATION = "La cuenta difundió toda la campaña de credencialización de su distrito.";

    @Inject
    ShiftableClock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    MailNotifier notifier;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void inBusinessTime() {
        if (!deadlines.isBusinessTime(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), deadlines.nextBusinessTime(clock.instant()).plus(Duration.ofHours(1))));
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldCarryAnOverrideMadeBeforeCompletionIntoTheCompletionAndItsNotice() {
        cycle("2101-S1");
        String admin = unique("admin");
        UUID account = register(area(), List.of(admin), null, null);
        UUID caseId = submit(account, "2101-S1", clock.instant(), notPertinentFigures());

        @SuppressWarnings("unchecked")
        Map<String, Object> computed = (Map<String, Object>) evaluation(caseId).get("ratingHistory");
        assertThat(computed).containsEntry("computedRating", "NOT_PERTINENT").containsEntry("provisional", true)
                .containsEntry("rating", "NOT_PERTINENT").containsEntry("justification", null)
                .containsEntry("overrides", List.of());

        // Refused, changing nothing: a short justification, an unknown rating, no body, a role other than cncs,
        // an unknown evaluation, the rating that already stands.
        override(caseId, Map.of("rating", "PERTINENT", "justification", "   Muy bien.        ")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("justification"))
                .body("errors[0].message", startsWith("Justifique la modificación por escrito, con al menos 20"));
        override(caseId, Map.of("rating", "EXCELENTE", "justification", JUSTIFICATION)).then().statusCode(400)
                .body("errors[0].field", equalTo("rating"))
                .body("errors[0].message", equalTo("Calificación no admitida: EXCELENTE. Indique una de: PERTINENT,"
                        + " PERTINENT_WITH_RECOMMENDATIONS, NOT_PERTINENT."));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).post("/api/evaluations/" + caseId + "/rating-override")
                .then().statusCode(400);
        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("rating", "PERTINENT", "justification", JUSTIFICATION))
                .post("/api/evaluations/" + caseId + "/rating-override").then().statusCode(403);
        override(UUID.randomUUID(), Map.of("rating", "PERTINENT", "justification", JUSTIFICATION)).then().statusCode(404);
        override(caseId, Map.of("rating", "NOT_PERTINENT", "justification", JUSTIFICATION)).then().statusCode(409)
                .body("detail", equalTo("La calificación vigente de esta evaluación ya es NOT_PERTINENT (No pertinente (se"
                        + " propone su baja)); una modificación debe cambiarla."));
        assertThat(RatingOverrideCount.of(entityManager, caseId)).isZero();

        java.time.Instant before = clock.instant();
        Map<String, Object> history = override(caseId, Map.of("rating", "PERTINENT_WITH_RECOMMENDATIONS",
                "justification", "  " + JUSTIFICATION + " ")).then().statusCode(200).extract().path("$");
        assertThat(history).containsEntry("computedRating", "NOT_PERTINENT").containsEntry("provisional", true)
                .containsEntry("rating", "PERTINENT_WITH_RECOMMENDATIONS").containsEntry("justification", JUSTIFICATION);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) history.get("overrides")).get(0);
        assertThat(first).containsEntry("ordinal", 1).containsEntry("previousRating", "NOT_PERTINENT")
                .containsEntry("rating", "PERTINENT_WITH_RECOMMENDATIONS").containsEntry("computedRating", "NOT_PERTINENT")
                .containsEntry("justification", JUSTIFICATION).containsEntry("overriddenBy", CNCS_EMAIL)
                .containsEntry("afterCompletion", false);
        assertThat(java.time.Instant.parse((String) first.get("overriddenAt"))).isBetween(before, clock.instant());

        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseId + "/completion").then().statusCode(200)
                .body("score.rating", equalTo("NOT_PERTINENT")).body("score.overall", equalTo(18));

        EvaluationCompleted completed = awaitEvents(account, EvaluationCompleted.class, 1).get(0);
        assertThat(completed.rating()).isEqualTo("PERTINENT_WITH_RECOMMENDATIONS");
        assertThat(completed.computedRating()).isEqualTo("NOT_PERTINENT");
        assertThat(completed.ratingJustification()).isEqualTo(JUSTIFICATION);
        assertThat(completed.overallScore()).isEqualTo(18);
        assertThat(completed.subScores()).isEqualTo(Map.of("performance", 50, "frequency", 20, "originalContent", 0,
                "newFollowers", 0));
        assertThat(completed.completedBy()).isEqualTo(CNCS_EMAIL);
        assertThat(completed.recommendations()).isEmpty();
        RatingOverridden overridden = awaitEvents(account, RatingOverridden.class, 1).get(0);
        assertThat(overridden.evaluationId()).isEqualTo(caseId);
        assertThat(overridden.computedRating()).isEqualTo("NOT_PERTINENT");
        assertThat(overridden.previousRating()).isEqualTo("NOT_PERTINENT");
        assertThat(overridden.rating()).isEqualTo("PERTINENT_WITH_RECOMMENDATIONS");
        assertThat(overridden.justification()).isEqualTo(JUSTIFICATION);
        assertThat(overridden.overriddenBy()).isEqualTo(CNCS_EMAIL);
        assertThat(mx.ine.redes.evaluation.testing.EvaluationFixtures.events(account, RatingOverridden.class)).hasSize(1);
        assertThat(mx.ine.redes.evaluation.testing.EvaluationFixtures.events(account, EvaluationCompleted.class)).hasSize(1);

        // The recorded score keeps the formula's rating; the evaluation's rating is the one that stands.
        given().auth().oauth2(cncs()).get("/api/evaluations/" + caseId + "/score").then().statusCode(200)
                .body("provisional", equalTo(false)).body("rating", equalTo("NOT_PERTINENT"));
        assertThat(evaluation(caseId).get("ratingHistory")).isEqualTo(Map.of("computedRating", "NOT_PERTINENT",
                "provisional", false, "rating", "PERTINENT_WITH_RECOMMENDATIONS", "justification", JUSTIFICATION,
                "overrides", List.of(first)));
        // Pertinent as it stands and not dormant: no baja is proposed.
        assertThat(given().auth().oauth2(cncs()).get("/api/baja-proposals?cycle=2101-S1").then().statusCode(200)
                .extract().<Integer>path("total")).isZero();

        notifier.sendDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> !Mailbox.of(admin).isEmpty());
        Mailbox.Mail mail = Mailbox.of(admin).get(0);
        assertThat(mail.subject()).isEqualTo("Resultado de la evaluación del ciclo 2101-S1: cuenta @"
                + mx.ine.redes.evaluation.testing.EvaluationFixtures.handle(account) + " (X)");
        assertThat(mail.body()).contains("Calificación global: 18 de 100 (fórmula 2026.1).",
                "Dictamen: Pertinente con recomendaciones.",
                "La calificación que resultó de la fórmula fue «No pertinente (se propone su baja)»; la Coordinación la"
                        + " modificó con la justificación siguiente: " + JUSTIFICATION,
                "- Desempeño en la red: 50 de 100", "- Frecuencia de publicación: 20 de 100",
                "- Contenido original: 0 de 100", "- Seguidores nuevos: 0 de 100",
                "No se formularon recomendaciones para esta cuenta.");

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action from audited_act where subject_id = :id order by action")
                .setParameter("id", caseId.toString()).getResultList()))
                .containsExactly("EVALUATION_COMPLETED", "RATING_OVERRIDDEN");

        // The history is kept for good: the database itself refuses to change or delete an override.
        for (String statement : List.of("update rating_override set justification = 'Otra justificación cualquiera.'"
                + " where case_id = :id", "delete from rating_override where case_id = :id")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement)
                    .setParameter("id", caseId).executeUpdate()))
                    .hasStackTraceContaining("rating overrides are never changed or deleted");
        }
        assertThat(RatingOverrideCount.of(entityManager, caseId)).isEqualTo(1);
    }

    private static io.restassured.response.Response override(UUID caseId, Map<String, String> body) {
        return given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(body)
                .post("/api/evaluations/" + caseId + "/rating-override");
    }

    /** Counts the history rows directly: a refused override must leave none. */
    static final class RatingOverrideCount {
        static long of(EntityManager entityManager, UUID caseId) {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                    "select count(*) from rating_override where case_id = :id").setParameter("id", caseId)
                    .getSingleResult()).longValue());
        }
    }
}
