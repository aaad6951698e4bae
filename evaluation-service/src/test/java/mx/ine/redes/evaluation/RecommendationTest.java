package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.CNCS_EMAIL;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.area;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.awaitEvents;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.cncs;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.cycle;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.evaluation;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.events;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.handle;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.pertinentFigures;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.person;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.register;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.submit;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

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
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.events.RecommendationAttended;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recommendations (Art. 6 III, Art. 7 II) on the real database, broker and mail server: made while
 * the evaluation is open, sent with the result, answered by the administrator or recorded as not
 * attended by CNCS, and shown by the next cycle's evaluation.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class RecommendationTest {

    private static final String MULTIMEDIA = "Incluya video o imagen en al menos la mitad de sus publicaciones.";
    private static final String INEMEXICO = "Comparta primero desde @INEMexico los mensajes de las campañas institucionales.";
    private static final String ANSWER = "Desde agosto cada publicación lleva una infografía o un video corto.";

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
    void shouldSendTheRecommendationsWithTheResultAndSettleEachOnce() {
        cycle("2111-S1");
        String admin = unique("admin");
        String head = unique("titular");
        String otherAdmin = unique("otro.admin");
        UUID account = register(area(), List.of(admin), head, null);
        register(area(), List.of(otherAdmin), null, null);
        UUID caseId = submit(account, "2111-S1", clock.instant(), pertinentFigures());

        // Refused, changing nothing.
        recommend(caseId, Map.of("category", "MAS_MEMES", "text", MULTIMEDIA)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("category"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("Categoría no admitida: MAS_MEMES. Indique una de:"
                        + " MORE_ORIGINAL_CONTENT (Generar más contenido original), MORE_MULTIMEDIA"));
        recommend(caseId, Map.of("category", "MORE_MULTIMEDIA", "text", "   ")).then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("category", "MORE_MULTIMEDIA", "text", MULTIMEDIA))
                .post("/api/evaluations/" + caseId + "/recommendations").then().statusCode(403);
        recommend(UUID.randomUUID(), Map.of("category", "MORE_MULTIMEDIA", "text", MULTIMEDIA)).then().statusCode(404);
        assertThat(given().auth().oauth2(cncs()).get("/api/recommendations?evaluation=" + caseId).then().statusCode(200)
                .extract().<Integer>path("total")).isZero();

        io.restassured.response.Response made = recommend(caseId, Map.of("category", "MORE_MULTIMEDIA", "text", MULTIMEDIA));
        made.then().statusCode(201).header("Location", endsWith("/api/recommendations/" + made.path("id")))
                .body("status", equalTo("PENDING")).body("categoryLabel", equalTo("Publicar más contenido multimedia"))
                .body("madeBy", equalTo(CNCS_EMAIL)).body("evaluationId", equalTo(caseId.toString()));
        String multimedia = made.path("id");
        String inemexico = recommend(caseId, Map.of("category", "route_through_inemexico", "text", INEMEXICO)).then()
                .statusCode(201).extract().path("id");

        // Not yet sent: nobody answers it before completion.
        answer(admin, multimedia).then().statusCode(409)
                .body("detail", equalTo("La evaluación aún no concluye: la recomendación se atiende una vez que se envía con"
                        + " el resultado."));

        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseId + "/completion").then().statusCode(200);
        recommend(caseId, Map.of("category", "OTHER", "text", "Tarde.")).then().statusCode(409);

        EvaluationCompleted completed = awaitEvents(account, EvaluationCompleted.class, 1).get(0);
        assertThat(completed.recommendations()).containsExactly(
                new IssuedRecommendation(UUID.fromString(multimedia), "MORE_MULTIMEDIA", MULTIMEDIA),
                new IssuedRecommendation(UUID.fromString(inemexico), "ROUTE_THROUGH_INEMEXICO", INEMEXICO));
        assertThat(completed.rating()).isEqualTo("PERTINENT");
        assertThat(completed.computedRating()).isEqualTo("PERTINENT");
        assertThat(completed.ratingJustification()).isNull();
        assertThat(completed.overallScore()).isEqualTo(88);
        assertThat(completed.completedBy()).isEqualTo(CNCS_EMAIL);

        notifier.sendDue();
        await().atMost(Duration.ofSeconds(15)).until(() -> !Mailbox.of(admin).isEmpty());
        List<Mailbox.Mail> mails = Mailbox.of(admin);
        assertThat(mails).hasSize(1);
        Mailbox.Mail mail = mails.get(0);
        System.out.println("--- EVALUATION_COMPLETED as received ---\nSubject: " + mail.subject() + "\n\n" + mail.body());
        assertThat(mail.subject()).isEqualTo("Resultado de la evaluación del ciclo 2111-S1: cuenta @" + handle(account) + " (X)");
        // The mail travels with CRLF line ends.
        assertThat(mail.body().replace("\r\n", "\n")).isEqualTo("La Coordinación Nacional de Comunicación Social concluyó la evaluación de la cuenta @"
                + handle(account) + " (X) del ciclo 2111-S1, conforme al artículo 13 de los Lineamientos.\n\n"
                + "Calificación global: 88 de 100 (fórmula 2026.1).\n"
                + "Dictamen: Pertinente (se mantiene).\n\n"
                + "Calificación por criterio:\n"
                + "- Desempeño en la red: 50 de 100\n"
                + "- Frecuencia de publicación: 100 de 100\n"
                + "- Contenido original: 100 de 100\n"
                + "- Seguidores nuevos: 100 de 100\n\n"
                + "Recomendaciones (artículo 6, fracción III):\n"
                + "1. Publicar más contenido multimedia: " + MULTIMEDIA + " (folio " + multimedia + ")\n"
                + "2. Difundir primero los mensajes institucionales a través de @INEMexico: " + INEMEXICO + " (folio "
                + inemexico + ")\n\n"
                + "Conforme al artículo 7, fracción II, de los Lineamientos, atienda cada recomendación y registre en el"
                + " sistema de revisión de cuentas cómo la atendió, citando su folio. La Coordinación dará seguimiento a su"
                + " atención en la evaluación del siguiente ciclo.\n\n"
                + "Este mensaje fue enviado por el sistema de revisión de cuentas de redes sociales del Instituto Nacional"
                + " Electoral (Coordinación Nacional de Comunicación Social). No responda a este correo.");

        // Who answers: an administrator of another account does not see it (404); the head and CNCS see it
        // but only administrators answer (403, by role); its administrator answers, once.
        answer(otherAdmin, multimedia).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(person(head, Roles.AREA_HEAD)).contentType(ContentType.JSON).body(Map.of("answer", ANSWER))
                .post("/api/recommendations/" + multimedia + "/answer").then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo("Su rol no permite esta operación."));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("answer", ANSWER))
                .post("/api/recommendations/" + multimedia + "/answer").then().statusCode(403);
        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON).body(Map.of("answer", " "))
                .post("/api/recommendations/" + multimedia + "/answer").then().statusCode(400)
                .body("errors[0].field", equalTo("answer"));
        answer(admin, multimedia).then().statusCode(200).body("status", equalTo("ATTENDED")).body("answer", equalTo(ANSWER))
                .body("settledBy", equalTo(admin));
        answer(admin, multimedia).then().statusCode(409);
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "No se vio el cambio."))
                .post("/api/recommendations/" + multimedia + "/non-attendance").then().statusCode(409);

        // CNCS records the other as not attended (only CNCS does).
        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("reason", "No se atendió.")).post("/api/recommendations/" + inemexico + "/non-attendance")
                .then().statusCode(403);
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Los mensajes de la campaña se publicaron sin compartir los de @INEMexico."))
                .post("/api/recommendations/" + inemexico + "/non-attendance").then().statusCode(200)
                .body("status", equalTo("NOT_ATTENDED")).body("settledBy", equalTo(CNCS_EMAIL));
        answer(admin, inemexico).then().statusCode(409);

        List<RecommendationAttended> settled = awaitEvents(account, RecommendationAttended.class, 2);
        assertThat(settled).extracting(RecommendationAttended::recommendationId, RecommendationAttended::status,
                        RecommendationAttended::answer, RecommendationAttended::decidedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(UUID.fromString(multimedia), "ATTENDED", ANSWER, admin),
                        org.assertj.core.groups.Tuple.tuple(UUID.fromString(inemexico), "NOT_ATTENDED",
                                "Los mensajes de la campaña se publicaron sin compartir los de @INEMexico.", CNCS_EMAIL));
        assertThat(settled).allSatisfy(event -> {
            assertThat(event.evaluationId()).isEqualTo(caseId);
            assertThat(event.cycleId()).isEqualTo("2111-S1");
        });

        // Lists: filtered, in the order made; each reader sees those of the accounts they see.
        assertThat(given().auth().oauth2(cncs()).get("/api/recommendations?evaluation=" + caseId).then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(multimedia, inemexico);
        assertThat(given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).get("/api/recommendations?cycle=2111-s1&status=ATTENDED")
                .then().statusCode(200).extract().<List<String>>path("items.id")).containsExactly(multimedia);
        assertThat(given().auth().oauth2(cncs()).get("/api/recommendations?account=" + account + "&status=PENDING")
                .then().statusCode(200).extract().<Integer>path("total")).isZero();
        assertThat(given().auth().oauth2(person(otherAdmin, Roles.ACCOUNT_ADMIN)).get("/api/recommendations?cycle=2111-S1")
                .then().statusCode(200).extract().<Integer>path("total")).isZero();
        given().auth().oauth2(cncs()).get("/api/recommendations?status=DONE").then().statusCode(400)
                .body("errors[0].parameter", equalTo("status"));
        given().auth().oauth2(person(head, Roles.AREA_HEAD)).get("/api/recommendations/" + inemexico).then().statusCode(200)
                .body("nonAttendanceReason", equalTo("Los mensajes de la campaña se publicaron sin compartir los de @INEMexico."));
        given().auth().oauth2(person(otherAdmin, Roles.ACCOUNT_ADMIN)).get("/api/recommendations/" + inemexico).then()
                .statusCode(404);

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action from audited_act where subject_kind = 'RECOMMENDATION' and subject_id in (:ids)"
                                + " order by action")
                .setParameter("ids", List.of(multimedia, inemexico)).getResultList()))
                .containsExactly("RECOMMENDATION_ANSWERED", "RECOMMENDATION_MADE", "RECOMMENDATION_MADE",
                        "RECOMMENDATION_NOT_ATTENDED");
        assertThat(events(account, RecommendationAttended.class)).hasSize(2);
    }

    @Test
    void shouldShowThePreviousCycleRecommendationsInTheNextCycleEvaluation() {
        cycle("2112-S1");
        cycle("2112-S2");
        String admin = unique("admin");
        UUID account = register(area(), List.of(admin), null, null);
        UUID first = submit(account, "2112-S1", clock.instant(), pertinentFigures());
        String attended = recommend(first, Map.of("category", "MORE_ORIGINAL_CONTENT", "text", "Produzca contenido propio."))
                .then().statusCode(201).extract().path("id");
        String pending = recommend(first, Map.of("category", "PUBLISH_MORE_OFTEN", "text", "Publique a diario."))
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(cncs()).post("/api/evaluations/" + first + "/completion").then().statusCode(200);
        answer(admin, attended).then().statusCode(200);

        UUID second = submit(account, "2112-S2", clock.instant(), pertinentFigures());
        Map<String, Object> next = evaluation(second);
        assertThat(next.get("recommendations")).isEqualTo(List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> previous = (List<Map<String, Object>>) next.get("previousRecommendations");
        assertThat(previous).extracting(r -> r.get("id"), r -> r.get("cycleId"), r -> r.get("category"), r -> r.get("status"),
                        r -> r.get("answer"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(attended, "2112-S1", "MORE_ORIGINAL_CONTENT", "ATTENDED", ANSWER),
                        org.assertj.core.groups.Tuple.tuple(pending, "2112-S1", "PUBLISH_MORE_OFTEN", "PENDING", null));
        // The first cycle's evaluation has no earlier one (2111-S2 was never evaluated for this account).
        assertThat(evaluation(first).get("previousRecommendations")).isEqualTo(List.of());
        assertThat(given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).get("/api/evaluations/" + second).then()
                .statusCode(200).extract().<List<String>>path("previousRecommendations.id")).containsExactly(attended, pending);
    }

    private static io.restassured.response.Response recommend(UUID caseId, Map<String, String> body) {
        return given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(body)
                .post("/api/evaluations/" + caseId + "/recommendations");
    }

    private static io.restassured.response.Response answer(String admin, String recommendation) {
        return given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("answer", ANSWER)).post("/api/recommendations/" + recommendation + "/answer");
    }
}
