package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.submissions.IntakeFixtures.CNCS;
import static mx.ine.redes.submissions.IntakeFixtures.account;
import static mx.ine.redes.submissions.IntakeFixtures.admin;
import static mx.ine.redes.submissions.IntakeFixtures.cycleRequest;
import static mx.ine.redes.submissions.IntakeFixtures.request;
import static mx.ine.redes.submissions.IntakeFixtures.seedCampaigns;
import static mx.ine.redes.submissions.IntakeFixtures.xFigures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.EvaluationCompleted;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.SubmissionDeadlineMoved;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequestWithdrawn;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Intake (domain.md §4): forms per network, every error at once, warnings, timeliness, who may submit, and the event. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SubmissionIntakeTest {

    private static Response submit(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/submissions");
    }

    private static Map<String, Object> draft(UUID request, Map<String, Object> figures) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestId", request.toString());
        body.put("figures", figures);
        return body;
    }

    @Test
    void shouldListMyOpenRequestWithItsFormDeadlineAndTimeLeft() {
        UUID account = account("X", "inemexico_lista", "admin.lista@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));

        given().auth().oauth2(admin("admin.lista@ine.mx")).get("/api/requests")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].requestId", equalTo(request.toString()))
                .body("items[0].form", equalTo("X"))
                .body("items[0].fields.findAll { it.required }.name", containsInAnyOrder("posts", "ownPosts", "cncsPosts",
                        "impressions", "profileVisits", "mentions", "followers", "multimediaPosts"))
                .body("items[0].fields.find { it.name == 'posts' }.label", equalTo("A. Total de mensajes publicados"))
                .body("items[0].windowOpen", equalTo(true))
                .body("items[0].overdue", equalTo(false))
                .body("items[0].timeLeft", startsWith("PT239H"));
    }

    @Test
    void shouldFollowTheDeadlineAsItStandsNow() {
        UUID account = account("X", "inemexico_plazo", "admin.plazo@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(3));
        Instant later = Instant.parse("2099-01-15T00:59:59Z");
        KafkaTestClient.publish(new SubmissionDeadlineMoved(request, account, "2026-S2", Instant.now().plus(Duration.ofDays(3)),
                later, Instant.now(), 2, "Cambio de calendario", true));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(admin("admin.plazo@ine.mx"))
                .get("/api/requests/" + request).then().statusCode(200)
                .body("dueAt", equalTo("2099-01-15T00:59:59Z"))
                .body("dueAtLocal", equalTo("2099-01-14T18:59:59-06:00")));
    }

    @Test
    void shouldAcceptTheSeedReportAndPublishItsEvent() {
        UUID account = account("X", "inemexico_semilla", "admin.semilla@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        Map<String, Object> body = draft(request, xFigures());
        body.put("campaigns", seedCampaigns());
        body.put("lastPublicationOn", "2026-11-30");
        body.put("audience", Map.of("gender", Map.of("female", 54.2, "male", 45.1), "countries", Map.of("MX", 91.3, "US", 5.2)));

        Response created = submit(admin("admin.semilla@ine.mx"), body);

        created.then().statusCode(201)
                .header("Location", containsString("/api/submissions/"))
                .body("currentVersion", equalTo(1))
                .body("late", equalTo(false))
                .body("versions[0].figures.posts", equalTo(2345))
                .body("versions[0].campaigns.hashtag", hasItems("#SummitDemocraciaElectoral", "#ForoVotoElectrónico"))
                .body("versions[0].enteredBy.email", equalTo("admin.semilla@ine.mx"))
                .body("versions[0].warnings", hasSize(0));
        String id = created.jsonPath().getString("id");
        await().atMost(Duration.ofSeconds(15)).until(() -> !KafkaTestClient.eventsFor(Topics.SUBMISSIONS, account.toString()).isEmpty());
        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.SUBMISSIONS, account.toString());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).schemaVersion()).isEqualTo(2);
        SubmissionReceived received = (SubmissionReceived) events.get(0).payload();
        assertThat(received.submissionId()).hasToString(id);
        assertThat(received.requestId()).isEqualTo(request);
        assertThat(received.cycleId()).isEqualTo("2026-S2");
        assertThat(received.network()).isEqualTo("X");
        assertThat(received.version()).isEqualTo(1);
        assertThat(received.late()).isFalse();
        assertThat(received.figures()).containsEntry("posts", 2345L).containsEntry("followers", 2_450_112L).hasSize(8);
        assertThat(received.campaigns()).contains(new SubmissionReceived.CampaignPosts("#TuINE", 98));
        assertThat(received.audience().countries()).containsEntry("MX", new java.math.BigDecimal("91.3"));
        assertThat(received.lastPublicationOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(received.enteredBy()).isEqualTo(new SubmissionReceived.EnteredBy("admin.semilla@ine.mx", false, null, null));
        assertThat(received.evidenceCount()).isZero();
    }

    @Test
    void shouldListEveryOffendingFieldAtOnceAndStoreNothing() {
        UUID account = account("X", "inemexico_errores", "admin.errores@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        String body = """
                {"requestId": "%s", "figures": {"posts": -1, "ownPosts": 1.5, "cncsPosts": "diez", "impressions": 99999999999999999999,
                 "profileVisits": 10, "mentions": 3, "followers": 40, "reach": 12}}""".formatted(request);

        given().auth().oauth2(admin("admin.errores@ine.mx")).contentType(ContentType.JSON).body(body).post("/api/submissions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("no se guardó nada"))
                .body("errors.field", containsInAnyOrder("figures.posts", "figures.ownPosts", "figures.cncsPosts",
                        "figures.impressions", "figures.reach", "figures.multimediaPosts"))
                .body("errors.find { it.field == 'figures.posts' }.message", equalTo("No puede ser negativo (-1)."))
                .body("errors.find { it.field == 'figures.ownPosts' }.message", containsString("sin decimales"))
                .body("errors.find { it.field == 'figures.cncsPosts' }.message", equalTo("Debe ser un número entero, no un texto."))
                .body("errors.find { it.field == 'figures.impressions' }.message", containsString("64 bits"))
                .body("errors.find { it.field == 'figures.reach' }.message", containsString("otro formulario"))
                .body("errors.find { it.field == 'figures.multimediaPosts' }.message", containsString("obligatorio"));
        given().auth().oauth2(CNCS).queryParam("account", account.toString()).get("/api/submissions")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldRefuseInconsistentFiguresWith422() {
        UUID account = account("INSTAGRAM", "ine_ig_incongruente", "admin.incongruente@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        Map<String, Object> body = draft(request, Map.of("posts", 10, "followerGrowth", 50, "likes", 4,
                "followersAtStart", 1000, "followersAtEnd", 1040));
        body.put("audience", Map.of("gender", Map.of("female", 60, "male", 50), "ageBands", Map.of("18-24", 100.5)));
        body.put("campaigns", List.of(Map.of("hashtag", "#TuINE", "posts", 12)));

        submit(admin("admin.incongruente@ine.mx"), body)
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("figures.followerGrowth", "audience.gender",
                        "audience.ageBands.18-24", "campaigns[0].posts"))
                .body("errors.find { it.field == 'figures.followerGrowth' }.message",
                        equalTo("El crecimiento de seguidores (50) no coincide con los seguidores al final menos los del inicio "
                                + "(1040 − 1000 = 40)."))
                .body("errors.find { it.field == 'audience.gender' }.message", equalTo("Los porcentajes suman 110, más de 100."));
    }

    @Test
    void shouldRefuseOwnAndCncsMessagesAboveTheTotal() {
        UUID account = account("X", "inemexico_bc", "admin.bc@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        Map<String, Object> figures = new HashMap<>(xFigures());
        figures.put("ownPosts", 2000);
        figures.put("cncsPosts", 400);
        figures.put("multimediaPosts", 2346);

        submit(admin("admin.bc@ine.mx"), draft(request, figures))
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("figures.ownPosts", "figures.cncsPosts", "figures.multimediaPosts"))
                .body("errors.find { it.field == 'figures.ownPosts' }.message",
                        equalTo("B + C (2000 + 400) no puede exceder A, el total de mensajes publicados (2345)."));
    }

    @Test
    void shouldStoreWarningsWithTheSubmission() {
        UUID account = account("X", "inemexico_avisos", "admin.avisos@ine.mx");
        UUID previous = cycleRequest(account, "2026-S1", Duration.ofDays(10));
        submit(admin("admin.avisos@ine.mx"), draft(previous, xFigures())).then().statusCode(201);
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        Map<String, Object> figures = new HashMap<>(xFigures());
        figures.put("posts", 0);
        figures.put("ownPosts", 0);
        figures.put("cncsPosts", 0);
        figures.put("multimediaPosts", 0);
        figures.put("impressions", 0);
        figures.put("followers", 1_960_089); // 2,450,112 − 20.000 %… a drop of 490,023: just over 20 %

        submit(admin("admin.avisos@ine.mx"), draft(request, figures))
                .then().statusCode(201)
                .body("versions[0].warnings.code", containsInAnyOrder("FOLLOWERS_DROPPED", "NO_POSTS_IN_PERIOD"))
                .body("versions[0].warnings.find { it.code == 'FOLLOWERS_DROPPED' }.message",
                        equalTo("Los seguidores bajaron 20 % respecto del ciclo anterior (de 2450112 a 1960089)."));
    }

    @Test
    void shouldNotWarnOnADropOfExactlyTwentyPercentButWarnOnImpressionsBelowPosts() {
        UUID account = account("X", "inemexico_veinte", "admin.veinte@ine.mx");
        Map<String, Object> before = new HashMap<>(xFigures());
        before.put("followers", 1000);
        submit(admin("admin.veinte@ine.mx"), draft(cycleRequest(account, "2026-S1", Duration.ofDays(10)), before)).then().statusCode(201);
        Map<String, Object> after = new HashMap<>(xFigures());
        after.put("followers", 800);
        after.put("impressions", 2000);

        submit(admin("admin.veinte@ine.mx"), draft(cycleRequest(account, "2026-S2", Duration.ofDays(10)), after))
                .then().statusCode(201)
                .body("versions[0].warnings.code", containsInAnyOrder("IMPRESSIONS_BELOW_POSTS"))
                .body("versions[0].warnings[0].message", equalTo("Las impresiones (2000) son menos que las publicaciones (2345)."));
    }

    @Test
    void shouldAcceptALateSubmissionAndMarkIt() {
        UUID account = account("X", "inemexico_tarde", "admin.tarde@ine.mx");
        UUID request = request(account, "2026-S2", "CYCLE", List.of(), Instant.now().minus(Duration.ofDays(20)),
                Instant.now().minus(Duration.ofHours(2)));

        submit(admin("admin.tarde@ine.mx"), draft(request, xFigures()))
                .then().statusCode(201)
                .body("late", equalTo(true))
                .body("versions[0].late", equalTo(true));
        given().auth().oauth2(CNCS).queryParam("account", account.toString()).queryParam("late", true).get("/api/submissions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].late", equalTo(true));
    }

    @Test
    void shouldRefuseASubmissionBeforeTheWindowOpens() {
        UUID account = account("X", "inemexico_antes", "admin.antes@ine.mx");
        UUID request = request(account, "2027-S1", "CYCLE", List.of(), Instant.parse("2099-07-01T06:00:00Z"),
                Instant.parse("2099-07-15T00:00:00Z"));

        submit(admin("admin.antes@ine.mx"), draft(request, xFigures()))
                .then().statusCode(409)
                .body("detail", equalTo("La ventana de entrega de este requerimiento abre el 1 de julio de 2099, 00:00 (hora de la "
                        + "Ciudad de México); antes no se recibe la entrega."));
    }

    @Test
    void shouldRefuseAWithdrawnAClosedRequestAndADecommissionedAccount() {
        UUID account = account("X", "inemexico_cerrado", "admin.cerrado@ine.mx");
        UUID withdrawn = cycleRequest(account, "2026-S1", Duration.ofDays(10));
        UUID closed = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        KafkaTestClient.publish(new SubmissionRequestWithdrawn(withdrawn, account, "2026-S1", "Requerimiento emitido por error.",
                Instant.now(), "subdireccion.medios@ine.mx"));
        KafkaTestClient.publish(new EvaluationCompleted(UUID.randomUUID(), account, "2026-S2", "JDE-CHIS-03", Map.of(), 80,
                "PERTINENT", "2026.1", Instant.now(), false));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(CNCS).get("/api/requests/" + closed)
                .then().body("status", equalTo("CLOSED")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(CNCS).get("/api/requests/" + withdrawn)
                .then().body("status", equalTo("WITHDRAWN")));

        submit(admin("admin.cerrado@ine.mx"), draft(withdrawn, xFigures()))
                .then().statusCode(409).body("detail", equalTo("El requerimiento fue retirado: Requerimiento emitido por error."));
        submit(admin("admin.cerrado@ine.mx"), draft(closed, xFigures()))
                .then().statusCode(409).body("detail", equalTo("El requerimiento está cerrado: La evaluación del ciclo 2026-S2 concluyó."));
        given().auth().oauth2(admin("admin.cerrado@ine.mx")).get("/api/requests").then().body("total", equalTo(0));

        UUID other = account("X", "inemexico_baja", "admin.baja@ine.mx");
        UUID open = cycleRequest(other, "2026-S2", Duration.ofDays(10));
        KafkaTestClient.publish(new AccountDecommissioned(other, "X", "inemexico_baja", "JDE-CHIS-03", LocalDate.now(), "Cuenta duplicada", null));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(CNCS)
                .get("/api/registry/accounts/" + other).then().body("status", equalTo("DECOMMISSIONED")));
        submit(admin("admin.baja@ine.mx"), draft(open, xFigures()))
                .then().statusCode(409).body("detail", equalTo("La cuenta @inemexico_baja fue dada de baja; ya no se reciben entregas para ella."));
    }

    @Test
    void shouldAnswerNotFoundToAnotherAreasAdministratorAndForbiddenToTheHead() {
        UUID account = account("X", "inemexico_ajena", "admin.propia@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        account("X", "ine_sonora", "admin.sonora@ine.mx", "JLE-SON", "titular.sonora@ine.mx");

        given().auth().oauth2(admin("admin.sonora@ine.mx")).get("/api/requests/" + request).then().statusCode(404);
        submit(admin("admin.sonora@ine.mx"), draft(request, xFigures()))
                .then().statusCode(404).contentType("application/problem+json");
        String head = TestTokens.forPerson("titular.jlechis@ine.mx", Set.of(Roles.AREA_HEAD), Map.of());
        given().auth().oauth2(head).get("/api/requests/" + request).then().statusCode(200);
        submit(head, draft(request, xFigures())).then().statusCode(403);
        String expired = TestTokens.forPerson("admin.propia@ine.mx", Set.of(Roles.ACCOUNT_ADMIN),
                Map.of("exp", Instant.now().minus(Duration.ofMinutes(5)).getEpochSecond()));
        submit(expired, draft(request, xFigures())).then().statusCode(401);
    }

    @Test
    void shouldLetCncsEnterASubmissionReceivedByOficio() {
        UUID account = account("X", "ine_chiapas_oficio", "admin.oficio@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        Map<String, Object> body = draft(request, xFigures());
        Instant receivedAt = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        body.put("enteredOnBehalf", Map.of("channel", "OFICIO", "documentReference", "INE/JLE-CHIS/0123/2026",
                "receivedAt", receivedAt.toString()));

        submit(CNCS, body).then().statusCode(201)
                .body("versions[0].enteredBy.email", equalTo("subdireccion.medios@ine.mx"))
                .body("versions[0].enteredBy.onBehalf", equalTo(true))
                .body("versions[0].enteredBy.channel", equalTo("OFICIO"))
                .body("versions[0].enteredBy.documentReference", equalTo("INE/JLE-CHIS/0123/2026"))
                .body("versions[0].receivedAt", equalTo(receivedAt.toString()));

        UUID another = cycleRequest(account, "2026-S1", Duration.ofDays(10));
        submit(CNCS, draft(another, xFigures())).then().statusCode(400).body("errors[0].field", equalTo("enteredOnBehalf"));
        Map<String, Object> byAdmin = draft(another, xFigures());
        byAdmin.put("enteredOnBehalf", Map.of("channel", "EMAIL", "documentReference", "correo"));
        submit(admin("admin.oficio@ine.mx"), byAdmin).then().statusCode(400).body("errors[0].field", equalTo("enteredOnBehalf"));
    }

    @Test
    void shouldRequireExactlyTheFieldsOfAnAdHocRequest() {
        UUID account = account("TIKTOK", "ine_tiktok_especifico", "admin.especifico@ine.mx");
        UUID request = request(account, null, "AD_HOC", List.of("followersAtEnd", "campaigns"), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(5)));

        given().auth().oauth2(admin("admin.especifico@ine.mx")).get("/api/requests/" + request + "/form").then().statusCode(200)
                .body("required", containsInAnyOrder("requestId", "figures", "campaigns"))
                .body("properties.figures.required", containsInAnyOrder("followersAtEnd"));
        submit(admin("admin.especifico@ine.mx"), draft(request, Map.of("posts", 3)))
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("figures.posts", "figures.followersAtEnd", "campaigns"));
        Map<String, Object> body = draft(request, Map.of("followersAtEnd", 5210));
        body.put("campaigns", List.of(Map.of("hashtag", "#VotoExtranjero", "posts", 7)));
        submit(admin("admin.especifico@ine.mx"), body).then().statusCode(201).body("kind", equalTo("AD_HOC"));
    }

    @Test
    void shouldServeEachNetworksFormAsJsonSchema() {
        given().auth().oauth2(CNCS).get("/api/forms/X").then().statusCode(200)
                .body("$schema", equalTo("https://json-schema.org/draft/2020-12/schema"))
                .body("properties.figures.required", containsInAnyOrder("posts", "ownPosts", "cncsPosts", "impressions",
                        "profileVisits", "mentions", "followers", "multimediaPosts"))
                .body("properties.figures.properties.ownPosts.x-letter", equalTo("B"))
                .body("properties.figures.properties.followersAtStart.x-letter", equalTo(null))
                .body("x-rules", hasItems("ownPosts + cncsPosts <= posts (B + C ≤ A)"));
        given().auth().oauth2(CNCS).get("/api/forms/FACEBOOK").then().statusCode(200)
                .body("required", containsInAnyOrder("requestId", "figures", "evidence"))
                .body("properties.figures.required", containsInAnyOrder("posts", "shares", "likes", "reach", "impressions",
                        "multimediaPosts"))
                .body("properties.evidence.minItems", equalTo(1));
        given().auth().oauth2(CNCS).get("/api/forms/YOUTUBE").then().statusCode(200)
                .body("properties.figures.required", containsInAnyOrder("posts", "followerGrowth", "likes"))
                .body("properties.figures.properties.plays.type", equalTo("integer"));
        given().auth().oauth2(CNCS).get("/api/forms").then().statusCode(200).body("total", equalTo(10))
                .body("items[1].id", equalTo("FACEBOOK"));
        given().auth().oauth2(CNCS).get("/api/forms/MYSPACE").then().statusCode(400).body("errors[0].parameter", equalTo("network"));
    }

    @Test
    void shouldAskFacebookForAScreenshot() {
        UUID account = account("FACEBOOK", "INEMexicoFB_sin_captura", "admin.fb.sin@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));

        submit(admin("admin.fb.sin@ine.mx"), draft(request, Map.of("posts", 805, "shares", 1200, "likes", 33000, "reach", 900000,
                "impressions", 2100000, "multimediaPosts", 310)))
                .then().statusCode(422)
                .body("errors[0].field", equalTo("evidence"))
                .body("errors[0].message", equalTo("El formulario de Facebook pide al menos una captura de pantalla (PNG o JPEG)."));
    }
}
