package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.ReviewFlow.adHoc;
import static mx.ine.redes.evaluation.testing.ReviewFlow.adHocBody;
import static mx.ine.redes.evaluation.testing.ReviewFlow.area;
import static mx.ine.redes.evaluation.testing.ReviewFlow.cncs;
import static mx.ine.redes.evaluation.testing.ReviewFlow.committee;
import static mx.ine.redes.evaluation.testing.ReviewFlow.cycleOpened;
import static mx.ine.redes.evaluation.testing.ReviewFlow.handle;
import static mx.ine.redes.evaluation.testing.ReviewFlow.mexico;
import static mx.ine.redes.evaluation.testing.ReviewFlow.register;
import static mx.ine.redes.evaluation.testing.ReviewFlow.request;
import static mx.ine.redes.evaluation.testing.ReviewFlow.snapshot;
import static mx.ine.redes.evaluation.testing.ReviewFlow.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.testing.ReviewFlow;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.CommitteeResolutionRecorded;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Committee (Art. 4, Art. 8, Art. 15), on the real database, broker and SMTP server with the
 * clock moved to fixed instants of 2028 (Mexico City, UTC-6): a request reported to it becomes a
 * non-compliance item, the Committee resolves on it and on the cycle's report, a chain withdrawn
 * withdraws its item, and CNCS asks for information on the Committee's behalf.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class CommitteeTest {

    /** A cycle no other test opens; opened before the clock moves, so every session date of these tests follows it. */
    private static final String CYCLE = "2020-S2";

    @Inject
    ShiftableClock clock;

    @Inject
    TimerEngine engine;

    @Inject
    MailNotifier mail;

    private ReviewFlow flow;

    @BeforeEach
    void openTheCycle() {
        flow = new ReviewFlow(clock, engine, mail);
        cycleOpened(CYCLE);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRegisterAnItemWhenARequestIsReportedAndRecordTheCommitteesResolutionOnIt() {
        flow.moveTo(mexico("2028-03-06T10:00")); // Monday
        String area = area();
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), area, List.of(unique("admin")), head));
        UUID request = adHoc(account, "2028-03-08", List.of("posts", "followersAtEnd"), "Informe al Comité");
        assertThat(request(request)).containsEntry("onBehalfOfCommittee", false).containsEntry("committeeResolutionId", null);
        flow.sendAll();
        flow.sweepAt(Instant.parse("2028-03-09T00:10:01Z")); // Wednesday 8 March 18:10:01: the deadline and its grace passed
        flow.moveTo(mexico("2028-03-09T09:00"));
        flow.sendAll();
        // The head's notice left Thursday 9 March 09:00: the head's term is Friday 10 and Monday 13 March, 18:00.
        assertThat(request(request)).containsEntry("status", "ESCALATED").containsEntry("attendBy", "2028-03-14T00:00:00Z");
        assertThat(items("area=" + area, cncs())).isEmpty();

        flow.sweepAt(Instant.parse("2028-03-14T00:10:01Z")); // Monday 13 March 18:10:01: the head's term and its grace ended
        assertThat(request(request)).containsEntry("status", "REPORTED");
        Map<String, Object> item = single(items("area=" + area + "&status=OPEN", cncs()));
        assertThat(item).containsEntry("subjectKind", "REQUEST").containsEntry("subjectId", request.toString())
                .containsEntry("accountId", account.toString()).containsEntry("network", "X")
                .containsEntry("handle", "h" + account.toString().substring(0, 8)).containsEntry("areaCode", area)
                .containsEntry("cycleId", null).containsEntry("status", "OPEN")
                .containsEntry("unattended", "Requerimiento extraordinario (Art. 12): posts, followersAtEnd")
                .containsEntry("dueAt", "2028-03-09T00:00:00Z").containsEntry("escalatedTo", head)
                .containsEntry("attendBy", "2028-03-14T00:00:00Z").containsEntry("withdrawnAt", null)
                .containsEntry("resolutions", List.of());
        assertThat(instant(item, "escalatedAt")).isBetween(Instant.parse("2028-03-09T00:10:01Z"), Instant.parse("2028-03-09T00:11:01Z"));
        assertThat(instant(item, "headNotifiedAt")).isBetween(mexico("2028-03-09T09:00"), mexico("2028-03-09T09:01"));
        assertThat(instant(item, "reportedAt")).isBetween(Instant.parse("2028-03-14T00:10:01Z"), Instant.parse("2028-03-14T00:11:01Z"));

        // Reported Monday 13 March (Mexico City): the session is that day at the earliest, and not after today.
        refused(resolution(CYCLE, "NON_COMPLIANCE_ITEM", request, "INSTRUCTED", "Antes del informe", "2028-03-12"), 400, "resolvedOn");
        refused(resolution(CYCLE, "NON_COMPLIANCE_ITEM", request, "INSTRUCTED", "Mañana", "2028-03-14"), 400, "resolvedOn");
        Response created = given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(resolution(CYCLE, "NON_COMPLIANCE_ITEM", request, "INSTRUCTED",
                        "Se instruye a la Junta entregar la información.\nPlazo: cinco días hábiles.", "2028-03-13"))
                .post("/api/committee/resolutions");
        created.then().statusCode(201);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/committee/resolutions/" + id);
        Map<String, Object> resolution = given().auth().oauth2(committee()).get(created.header("Location")).then().statusCode(200)
                .extract().path("$");
        assertThat(resolution).containsEntry("cycleId", CYCLE).containsEntry("subjectKind", "NON_COMPLIANCE_ITEM")
                .containsEntry("subjectId", request.toString()).containsEntry("itemId", item.get("id"))
                .containsEntry("accountId", account.toString()).containsEntry("areaCode", area)
                .containsEntry("resolution", "INSTRUCTED")
                .containsEntry("text", "Se instruye a la Junta entregar la información.\nPlazo: cinco días hábiles.")
                .containsEntry("resolvedOn", "2028-03-13").containsEntry("recordedBy", "comite@ine.mx");

        Map<String, Object> resolved = single(items("area=" + area, cncs()));
        assertThat(resolved).containsEntry("status", "RESOLVED");
        assertThat((List<Map<String, Object>>) resolved.get("resolutions")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("id", id).containsEntry("resolution", "INSTRUCTED"));
        assertThat(items("area=" + area + "&status=OPEN", cncs())).isEmpty();
        assertThat(given().auth().oauth2(TestTokens.forRole(Roles.TRANSPARENCY)).get("/api/committee/resolutions?subjectId=" + request)
                .then().statusCode(200).extract().<List<String>>path("items.id")).containsExactly(id);

        // The head of the area sees the item and its resolution; another area's head sees neither.
        String headToken = TestTokens.forPerson(head, Set.of(Roles.AREA_HEAD), Map.of());
        assertThat(items("area=" + area, headToken)).hasSize(1);
        given().auth().oauth2(headToken).get("/api/committee/resolutions/" + id).then().statusCode(200);
        String otherHead = TestTokens.forPerson(unique("otro.titular"), Set.of(Roles.AREA_HEAD), Map.of());
        assertThat(items("area=" + area, otherHead)).isEmpty();
        given().auth().oauth2(otherHead).get("/api/committee/resolutions/" + id).then().statusCode(404)
                .contentType("application/problem+json");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).extracting(EventEnvelope::type).containsExactly("SubmissionRequested", "SubmissionOverdue",
                "EscalatedToAreaHead", "ReportedToCommittee", "CommitteeResolutionRecorded"));
        CommitteeResolutionRecorded event = KafkaTestClient.eventsFor(Topics.EVALUATION, account.toString()).stream()
                .map(EventEnvelope::payload).filter(CommitteeResolutionRecorded.class::isInstance)
                .map(CommitteeResolutionRecorded.class::cast).findFirst().orElseThrow();
        assertThat(event.resolutionId()).isEqualTo(UUID.fromString(id));
        assertThat(event.cycleId()).isEqualTo(CYCLE);
        assertThat(event.subjectKind()).isEqualTo("NON_COMPLIANCE_ITEM");
        assertThat(event.subjectId()).isEqualTo(request);
        assertThat(event.accountId()).isEqualTo(account);
        assertThat(event.areaCode()).isEqualTo(area);
        assertThat(event.resolution()).isEqualTo("INSTRUCTED");
        assertThat(event.resolvedOn()).isEqualTo(LocalDate.of(2028, 3, 13));
        assertThat(event.recordedBy()).isEqualTo("comite@ine.mx");
    }

    @Test
    void shouldRecordAResolutionOnTheReportAndRefuseInvalidOnesWithoutRecordingThem() {
        flow.moveTo(mexico("2028-03-20T10:00")); // Monday
        long before = resolutionsOfTheCycle();
        Map<String, Object> valid = resolution(CYCLE, "REPORT", null, "RECEIVED", "Se tiene por recibido el informe.", "2028-03-17");

        for (String role : List.of(Roles.CNCS, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN, Roles.TRANSPARENCY, Roles.INTEGRATION)) {
            given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON).body(valid)
                    .post("/api/committee/resolutions").then().statusCode(403);
        }
        refused(resolution(CYCLE, "NON_COMPLIANCE_ITEM", null, "AGREED", "Sin asunto", "2028-03-17"), 400, "subjectId");
        refused(resolution(CYCLE, "REPORT", UUID.randomUUID(), "AGREED", "El informe no lleva asunto", "2028-03-17"), 400,
                "subjectId");
        given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(resolution(CYCLE, "REPORT", null, "RECEIVED", "Mañana", "2028-03-21")).post("/api/committee/resolutions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("resolvedOn"))
                .body("errors[0].message", equalTo("La fecha de la sesión no puede ser posterior a hoy (20 de marzo de 2028,"
                        + " hora del centro de México)."));
        refused(resolution(CYCLE, "REPORT", null, "DECIDED", "Resolución desconocida", "2028-03-17"), 400, "resolution");
        refused(resolution(CYCLE, "REPORT", null, "RECEIVED", "   ", "2028-03-17"), 400, "text");
        refused(resolution(CYCLE, "REPORT", null, "RECEIVED", "x".repeat(4001), "2028-03-17"), 400, "text");
        Map<String, Object> withoutDate = new HashMap<>(valid);
        withoutDate.remove("resolvedOn");
        refused(withoutDate, 400, "resolvedOn");
        given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(resolution("2001-S1", "REPORT", null, "RECEIVED", "Ciclo que no existe", "2028-03-17"))
                .post("/api/committee/resolutions").then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("No existe el ciclo 2001-S1.")).body("errors[0].field", equalTo("cycleId"));
        UUID nothingReported = UUID.randomUUID();
        given().auth().oauth2(committee()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(resolution(CYCLE, "NON_COMPLIANCE_ITEM", nothingReported, "AGREED", "Nada informado", "2028-03-17"))
                .post("/api/committee/resolutions").then().statusCode(422)
                .body("detail", equalTo("Nothing of " + nothingReported + " was reported to the Committee as a non-compliance."))
                .body("errors[0].field", equalTo("subjectId"));
        assertThat(resolutionsOfTheCycle()).isEqualTo(before);

        Response created = given().auth().oauth2(committee()).contentType(ContentType.JSON).body(valid)
                .post("/api/committee/resolutions");
        created.then().statusCode(201).body("subjectKind", equalTo("REPORT")).body("subjectId", equalTo(null))
                .body("accountId", equalTo(null)).body("resolvedOn", equalTo("2028-03-17"));
        UUID id = UUID.fromString(created.path("id"));
        assertThat(resolutionsOfTheCycle()).isEqualTo(before + 1);
        // A report's resolution concerns no account: heads and administrators do not read it.
        given().auth().oauth2(TestTokens.forRole(Roles.INTEGRATION)).get("/api/committee/resolutions/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.forRole(Roles.AREA_HEAD)).get("/api/committee/resolutions/" + id).then().statusCode(404);
        given().auth().oauth2(committee()).get("/api/committee/resolutions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION, CYCLE)
                .stream().map(EventEnvelope::payload).filter(CommitteeResolutionRecorded.class::isInstance)
                .map(CommitteeResolutionRecorded.class::cast).filter(e -> e.resolutionId().equals(id)).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.subjectKind()).isEqualTo("REPORT");
                    assertThat(e.subjectId()).isNull();
                    assertThat(e.accountId()).isNull();
                    assertThat(e.resolution()).isEqualTo("RECEIVED");
                    assertThat(e.text()).isEqualTo("Se tiene por recibido el informe.");
                }));
    }

    @Test
    void shouldWithdrawTheItemWhenTheChainOfAReportedRequestIsWithdrawn() {
        flow.moveTo(mexico("2028-04-03T10:00")); // Monday
        String area = area();
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), area, List.of(admin), unique("titular")));
        UUID request = adHoc(account, "2028-04-05", List.of("posts"), "Prueba de incumplimiento retirado");
        flow.sendAll();
        flow.sweepAt(Instant.parse("2028-04-06T00:10:01Z")); // Wednesday 5 April 18:10:01
        flow.moveTo(mexico("2028-04-06T09:00"));
        flow.sendAll(); // the head's term: Friday 7 and Monday 10 April, 18:00
        flow.sweepAt(Instant.parse("2028-04-11T00:10:01Z"));
        assertThat(single(items("area=" + area, cncs()))).containsEntry("status", "OPEN");

        // Received by submissions-service on Wednesday 5 April 17:00, on time; this service learns of it only now.
        KafkaTestClient.publish(new SubmissionReceived(UUID.randomUUID(), request, account, null, "AD_HOC", "X", 1,
                mexico("2028-04-05T17:00"), null, false, Map.of("posts", 12L), null, List.of(), LocalDate.of(2028, 4, 1),
                List.of(), null, 0, List.of(), new SubmissionReceived.EnteredBy(admin, false, null, null)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(single(items("area=" + area, cncs())))
                .containsEntry("status", "WITHDRAWN"));
        Map<String, Object> item = single(items("area=" + area + "&status=WITHDRAWN", cncs()));
        assertThat(instant(item, "withdrawnAt")).isBetween(Instant.parse("2028-04-11T00:10:01Z"), Instant.parse("2028-04-11T00:12:01Z"));
        assertThat(items("area=" + area + "&status=OPEN", cncs())).isEmpty();
        assertThat(given().auth().oauth2(cncs()).get("/api/audit?action=CHAIN_WITHDRAWN&subject=" + request).then().statusCode(200)
                .extract().<List<Map<String, Object>>>path("items")).singleElement().satisfies(act -> assertThat(act)
                .containsEntry("actor", "system").containsEntry("deadline", "2028-04-06T00:00:00Z")
                .containsEntry("summary", "Cadena del Art. 15 retirada: la información se recibió a tiempo (miércoles 5 de abril"
                        + " de 2028 a las 17:00 (hora del centro de México)); el incumplimiento informado al Comité ya no cuenta"));

        given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(resolution(CYCLE, "NON_COMPLIANCE_ITEM", request, "AGREED", "Demasiado tarde", "2028-04-10"))
                .post("/api/committee/resolutions").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("subjectId"));
        assertThat(given().auth().oauth2(committee()).get("/api/committee/resolutions?subjectId=" + request).then().statusCode(200)
                .extract().<Integer>path("total")).isZero();
        given().auth().oauth2(cncs()).get("/api/committee/items?status=LATE").then().statusCode(400)
                .body("errors[0].parameter", equalTo("status"));
    }

    @Test
    void shouldIssueAnAdHocRequestOnTheCommitteesBehalfAndSaySoInItsNotice() {
        flow.moveTo(mexico("2028-05-08T10:00")); // Monday
        UUID resolution = UUID.fromString(given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(resolution(CYCLE, "REPORT", null, "INSTRUCTED", "Se pide a la CNCS requerir las campañas.", "2028-05-05"))
                .post("/api/committee/resolutions").then().statusCode(201).extract().path("id"));
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), unique("titular")));

        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(adHocBody(account, "2028-05-10", List.of("campaigns"), "Lo pidió el Comité", unknown))
                .post("/api/requests/ad-hoc").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("committeeResolutionId"));
        given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(adHocBody(account, "2028-05-10", List.of("campaigns"), "Lo pidió el Comité", resolution))
                .post("/api/requests/ad-hoc").then().statusCode(403);
        assertThat(given().auth().oauth2(cncs()).get("/api/requests?account=" + account).then().extract()
                .<List<?>>path("items")).isEmpty();

        UUID request = UUID.fromString(given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(adHocBody(account, "2028-05-10", List.of("campaigns"), "Lo pidió el Comité", resolution))
                .post("/api/requests/ad-hoc").then().statusCode(201)
                .body("[0].onBehalfOfCommittee", equalTo(true))
                .body("[0].committeeResolutionId", equalTo(resolution.toString()))
                .extract().path("[0].id"));
        assertThat(request(request)).containsEntry("onBehalfOfCommittee", true)
                .containsEntry("committeeResolutionId", resolution.toString());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).singleElement().satisfies(envelope -> {
                    SubmissionRequested requested = (SubmissionRequested) envelope.payload();
                    assertThat(requested.requestId()).isEqualTo(request);
                    assertThat(requested.onBehalfOfCommittee()).isTrue();
                    assertThat(requested.committeeResolutionId()).isEqualTo(resolution);
                }));

        flow.sendAll();
        assertThat(Mailbox.of(admin)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Requerimiento de estadísticas extraordinario (Art. 12): cuenta " + handle(account));
            assertThat(m.body().replace("\r\n", "\n")).startsWith("Conforme al artículo 12 de los Lineamientos, a petición del"
                    + " Comité de Gestión y Publicación Electrónica, acuerdo del 5 de mayo de 2028 (artículo 8, fracción II), se le"
                    + " requiere la siguiente información de la cuenta " + handle(account) + ": campaigns.\n\nMotivo: Lo pidió el"
                    + " Comité\n\nFecha límite para entregarla: miércoles 10 de mayo de 2028 a las 18:00 (hora del centro de"
                    + " México).");
        });
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static Map<String, Object> resolution(String cycle, String kind, UUID subject, String resolution, String text,
                                                  String resolvedOn) {
        Map<String, Object> body = new HashMap<>(Map.of("cycleId", cycle, "subjectKind", kind, "resolution", resolution,
                "text", text, "resolvedOn", resolvedOn));
        if (subject != null) {
            body.put("subjectId", subject.toString());
        }
        return body;
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        given().auth().oauth2(committee()).contentType(ContentType.JSON).body(body).post("/api/committee/resolutions").then()
                .statusCode(status).contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem(field));
    }

    private static long resolutionsOfTheCycle() {
        return given().auth().oauth2(committee()).get("/api/committee/resolutions?cycle=" + CYCLE + "&size=1").then()
                .statusCode(200).extract().<Integer>path("total");
    }

    private static List<Map<String, Object>> items(String query, String token) {
        return given().auth().oauth2(token).get("/api/committee/items?size=500&" + query).then().statusCode(200).extract()
                .path("items");
    }

    private static Map<String, Object> single(List<Map<String, Object>> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static Instant instant(Map<String, Object> values, String key) {
        return Instant.parse((String) values.get(key));
    }
}
