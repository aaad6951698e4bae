package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.ReviewFlow.adHoc;
import static mx.ine.redes.evaluation.testing.ReviewFlow.area;
import static mx.ine.redes.evaluation.testing.ReviewFlow.cncs;
import static mx.ine.redes.evaluation.testing.ReviewFlow.committee;
import static mx.ine.redes.evaluation.testing.ReviewFlow.cycleOpened;
import static mx.ine.redes.evaluation.testing.ReviewFlow.mexico;
import static mx.ine.redes.evaluation.testing.ReviewFlow.register;
import static mx.ine.redes.evaluation.testing.ReviewFlow.request;
import static mx.ine.redes.evaluation.testing.ReviewFlow.snapshot;
import static mx.ine.redes.evaluation.testing.ReviewFlow.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.testing.ReviewFlow;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail (issue 12, "every act is kept and readable; nothing is deleted"), on the real
 * database, broker and SMTP server with the clock moved to fixed instants of June 2028 (Mexico City,
 * UTC-6): each act of a request's life and of its Art. 15 chain is recorded in its own transaction,
 * with who (a person, {@code registry} or {@code system}), when, what and under which deadline; the
 * list filters and pages; a recorded act can be neither changed nor deleted.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class AuditTrailTest {

    private static final String CYCLE = "2020-S2";

    @Inject
    ShiftableClock clock;

    @Inject
    TimerEngine engine;

    @Inject
    MailNotifier mail;

    @Inject
    EntityManager entityManager;

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
    void shouldRecordEveryActOfARequestAndItsChainAsItHappened() {
        flow.moveTo(mexico("2028-06-05T10:00")); // Monday
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(unique("admin")), head));
        UUID request = adHoc(account, "2028-06-07", List.of("posts"), "Prueba de auditoría");
        flow.sendAll();
        flow.sweepAt(Instant.parse("2028-06-08T00:10:01Z")); // Wednesday 7 June 18:10:01: the deadline and its grace passed
        flow.moveTo(mexico("2028-06-08T09:00"));
        flow.sendAll(); // the head's term: Friday 9 and Monday 12 June, 18:00
        flow.sweepAt(Instant.parse("2028-06-13T00:10:01Z"));
        assertThat(request(request)).containsEntry("status", "REPORTED");
        UUID resolution = UUID.fromString(given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(Map.of("cycleId", CYCLE, "subjectKind", "NON_COMPLIANCE_ITEM", "subjectId", request.toString(),
                        "resolution", "RECEIVED", "text", "Se toma nota.", "resolvedOn", "2028-06-12"))
                .post("/api/committee/resolutions").then().statusCode(201).extract().path("id"));

        List<Map<String, Object>> acts = acts("subject=" + request, cncs());
        assertThat(acts).extracting(a -> a.get("action"), a -> a.get("actor"), a -> a.get("deadline"), a -> a.get("subjectKind"),
                a -> a.get("accountId")).containsExactly(
                tuple("AD_HOC_REQUEST_ISSUED", "cncs@ine.mx", "2028-06-08T00:00:00Z", "REQUEST", account.toString()),
                tuple("REQUEST_TERM_STARTED", "system", "2028-06-08T00:00:00Z", "REQUEST", account.toString()),
                tuple("REQUEST_OVERDUE", "system", "2028-06-08T00:00:00Z", "REQUEST", account.toString()),
                tuple("ESCALATED_TO_AREA_HEAD", "system", "2028-06-13T00:00:00Z", "REQUEST", account.toString()),
                tuple("REPORTED_TO_COMMITTEE", "system", "2028-06-13T00:00:00Z", "REQUEST", account.toString()));
        assertThat(acts).extracting(a -> a.get("summary")).containsExactly(
                "Requerimiento extraordinario (Art. 12) emitido: posts",
                "La notificación del requerimiento salió el lunes 5 de junio de 2028 a las 10:00 (hora del centro de México); el"
                        + " plazo corre hasta el miércoles 7 de junio de 2028 a las 18:00 (hora del centro de México)",
                "Plazo vencido sin entrega; se turna a la persona titular del área (Art. 15)",
                "Notificado a la persona titular (" + head + ", área " + request(request).get("areaCode")
                        + ") para que instruya la atención inmediata",
                "Informado al Comité como incumplimiento: Requerimiento extraordinario (Art. 12): posts");
        assertThat(Instant.parse((String) acts.get(0).get("occurredAt"))).isBetween(mexico("2028-06-05T10:00"),
                mexico("2028-06-05T10:01"));
        assertThat(Instant.parse((String) acts.get(4).get("occurredAt"))).isBetween(Instant.parse("2028-06-13T00:10:01Z"),
                Instant.parse("2028-06-13T00:11:01Z"));

        assertThat(acts("account=" + account + "&action=COMMITTEE_RESOLUTION_RECORDED", cncs())).singleElement()
                .satisfies(act -> assertThat(act).containsEntry("actor", "comite@ine.mx")
                        .containsEntry("summary", "Resolución del Comité (se tiene por recibido, sesión del 12 de junio de 2028)"
                                + " sobre el incumplimiento: Requerimiento extraordinario (Art. 12): posts")
                        .containsEntry("subjectKind", "COMMITTEE_RESOLUTION").containsEntry("subjectId", resolution.toString())
                        .containsEntry("cycleId", CYCLE).containsEntry("details", Map.of("subjectKind", "NON_COMPLIANCE_ITEM",
                                "resolution", "RECEIVED", "resolvedOn", "2028-06-12", "subjectId", request.toString())));

        // Filters and pages, in the order the acts happened.
        assertThat(acts("account=" + account + "&actor=SYSTEM", cncs())).hasSize(4);
        assertThat(acts("account=" + account + "&from=" + encoded("2028-06-08T09:00:00-06:00") + "&to=2028-06-12T06:00:00Z",
                cncs())).extracting(a -> a.get("action")).containsExactly("ESCALATED_TO_AREA_HEAD");
        given().auth().oauth2(TestTokens.forRole(Roles.INTEGRATION)).get("/api/audit?account=" + account + "&size=2&page=1")
                .then().statusCode(200).body("total", equalTo(6)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.action", equalTo(List.of("REQUEST_OVERDUE", "ESCALATED_TO_AREA_HEAD")));
        assertThat(acts("account=" + account + "&cycle=" + CYCLE, cncs())).extracting(a -> a.get("action"))
                .containsExactly("COMMITTEE_RESOLUTION_RECORDED");

        // The head sees the acts on the accounts of the area; someone else's administrator sees none of them.
        assertThat(acts("account=" + account, TestTokens.forPerson(head, Set.of(Roles.AREA_HEAD), Map.of()))).hasSize(6);
        assertThat(acts("account=" + account, TestTokens.forPerson(unique("admin.ajena"), Set.of(Roles.ACCOUNT_ADMIN),
                Map.of()))).isEmpty();
    }

    @Test
    void shouldRecordWithdrawalsCycleOpeningsAndCalendarChangesWithWhoMadeThem() {
        flow.moveTo(mexico("2028-06-19T10:00")); // Monday
        String area = area();
        UUID withdrawnByCncs = register(snapshot(UUID.randomUUID(), area, List.of(unique("admin")), unique("titular")));
        UUID decommissioned = register(snapshot(UUID.randomUUID(), area, List.of(unique("admin")), unique("titular")));
        UUID request = adHoc(withdrawnByCncs, "2028-06-21", List.of("posts"), "Prueba de retiro");
        UUID ofTheBaja = adHoc(decommissioned, "2028-06-21", List.of("posts"), "Prueba de baja");
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Se pidió por error."))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(200);
        KafkaTestClient.publish(new AccountDecommissioned(decommissioned, "X", "h" + decommissioned.toString().substring(0, 8),
                area, LocalDate.of(2028, 6, 19), "Cuenta inactiva", "Sin publicar desde 2027"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(request(ofTheBaja))
                .containsEntry("status", "WITHDRAWN"));

        assertThat(acts("subject=" + request + "&action=REQUEST_WITHDRAWN", cncs())).singleElement()
                .satisfies(act -> assertThat(act).containsEntry("actor", "cncs@ine.mx")
                        .containsEntry("summary", "Requerimiento retirado. Motivo: Se pidió por error.")
                        .containsEntry("details", Map.of("reason", "Se pidió por error."))
                        .containsEntry("deadline", "2028-06-22T00:00:00Z"));
        assertThat(acts("subject=" + ofTheBaja + "&action=request_withdrawn", cncs())).singleElement()
                .satisfies(act -> assertThat(act).containsEntry("actor", "registry")
                        .containsEntry("summary", "Requerimiento retirado. Motivo: La cuenta fue dada de baja."));

        assertThat(acts("subject=" + CYCLE + "&action=CYCLE_OPENED", cncs())).singleElement()
                .satisfies(act -> assertThat(act).containsEntry("actor", "cncs@ine.mx").containsEntry("subjectKind", "CYCLE")
                        .containsEntry("cycleId", CYCLE).containsEntry("accountId", null));

        Instant before = clock.instant();
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("day", "2044-03-08", "description", "Día inhábil de prueba", "sourceReference", "Acuerdo de prueba"))
                .post("/api/calendar/non-working-days").then().statusCode(201);
        given().auth().oauth2(cncs()).delete("/api/calendar/non-working-days/2044-03-08").then().statusCode(204);
        List<Map<String, Object>> changes = acts("action=CALENDAR_CHANGED&from=" + encoded(before.toString()), cncs());
        assertThat(changes).extracting(a -> a.get("actor"), a -> a.get("subjectKind"), a -> a.get("accountId")).containsExactly(
                tuple("cncs@ine.mx", "CALENDAR", null), tuple("cncs@ine.mx", "CALENDAR", null));
        assertThat((String) changes.get(0).get("summary")).startsWith("Día inhábil agregado: 2044-03-08");
        assertThat(Long.parseLong((String) changes.get(1).get("subjectId")))
                .isEqualTo(Long.parseLong((String) changes.get(0).get("subjectId")) + 1);
        // Acts on no account are read only by those who see everything.
        assertThat(acts("action=CALENDAR_CHANGED&from=" + encoded(before.toString()), TestTokens.forRole(Roles.AREA_HEAD)))
                .isEmpty();
        assertThat(acts("action=CALENDAR_CHANGED&from=" + encoded(before.toString()), TestTokens.forRole(Roles.TRANSPARENCY)))
                .hasSize(2);
    }

    @Test
    void shouldRecordTheDeadlineMovedWhenTheNoticeCouldOnlyLeaveAfterTheDueDay() {
        flow.moveTo(mexico("2028-07-10T10:00")); // Monday
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(unique("admin")), unique("titular")));
        UUID request = adHoc(account, "2028-07-12", List.of("posts"), "Prueba de aviso tardío");
        // Nothing left before Thursday: the term is one business day from the notice (Art. 12), Friday 14 July 18:00.
        flow.moveTo(mexico("2028-07-13T10:00"));
        flow.sendAll();
        assertThat(acts("subject=" + request, cncs())).extracting(a -> a.get("action"), a -> a.get("actor"), a -> a.get("deadline"))
                .containsExactly(tuple("AD_HOC_REQUEST_ISSUED", "cncs@ine.mx", "2028-07-13T00:00:00Z"),
                        tuple("DEADLINE_MOVED", "system", "2028-07-15T00:00:00Z"),
                        tuple("REQUEST_TERM_STARTED", "system", "2028-07-15T00:00:00Z"));
        assertThat(acts("subject=" + request + "&action=DEADLINE_MOVED", cncs())).singleElement()
                .satisfies(act -> assertThat(act).containsEntry("details", Map.of("previousDueAt", "2028-07-13T00:00:00Z",
                        "calendarVersion", String.valueOf(((Number) request(request).get("calendarVersion")).longValue())))
                        .containsEntry("summary", "La fecha límite pasó del miércoles 12 de julio de"
                        + " 2028 a las 18:00 (hora del centro de México) al viernes 14 de julio de 2028 a las 18:00 (hora del"
                        + " centro de México). Motivo: la notificación salió el jueves 13 de julio de 2028 a las 10:00 (hora del"
                        + " centro de México)"));
    }

    @Test
    void shouldAnswerAnEmptyPageFarBeyondTheEndOfTheCommitteeAndAuditLists() {
        for (String list : List.of("/api/audit", "/api/committee/items", "/api/committee/resolutions")) {
            given().auth().oauth2(cncs()).queryParam("page", "2147483647").queryParam("size", "500").get(list)
                    .then().statusCode(200).body("items.size()", equalTo(0)).body("page", equalTo(2147483647))
                    .body("size", equalTo(500));
            given().auth().oauth2(cncs()).queryParam("size", "501").get(list).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo("size"));
        }
    }

    @Test
    void shouldNeverLetARecordedActBeChangedOrDeleted() {
        flow.moveTo(mexico("2028-07-03T10:00")); // Monday
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(unique("admin")), unique("titular")));
        UUID request = adHoc(account, "2028-07-05", List.of("posts"), "Prueba de inmutabilidad");
        Map<String, Object> issued = acts("subject=" + request, cncs()).get(0);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update audited_act set actor = 'otra@ine.mx' where subject_id = :subject")
                .setParameter("subject", request.toString()).executeUpdate()))
                .rootCause().hasMessageContaining("audited acts are never changed or deleted (UPDATE)");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "delete from audited_act where subject_id = :subject")
                .setParameter("subject", request.toString()).executeUpdate()))
                .rootCause().hasMessageContaining("audited acts are never changed or deleted (DELETE)");
        assertThat(acts("subject=" + request, cncs())).containsExactly(issued);

        UUID resolution = UUID.fromString(given().auth().oauth2(committee()).contentType(ContentType.JSON)
                .body(Map.of("cycleId", CYCLE, "subjectKind", "REPORT", "resolution", "AGREED", "text", "Acuerdo de prueba.",
                        "resolvedOn", "2028-07-03"))
                .post("/api/committee/resolutions").then().statusCode(201).extract().path("id"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "delete from committee_resolution where id = :id").setParameter("id", resolution).executeUpdate()))
                .rootCause().hasMessageContaining("Committee resolutions are never changed or deleted (DELETE)");
        given().auth().oauth2(committee()).get("/api/committee/resolutions/" + resolution).then().statusCode(200)
                .body("text", equalTo("Acuerdo de prueba."));
    }

    @Test
    void shouldRefuseMalformedParametersNamingThem() {
        for (Map.Entry<String, String> wrong : Map.of(
                "from", "ayer",
                "to", "2028-13-01T00:00:00Z",
                "account", "abc").entrySet()) {
            given().auth().oauth2(cncs()).get("/api/audit?" + wrong.getKey() + "=" + wrong.getValue()).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo(wrong.getKey()));
        }
        given().auth().oauth2(cncs()).get("/api/audit?from=" + encoded("+999999999-12-31T23:59:59Z")).then().statusCode(400)
                .body("errors[0].parameter", equalTo("from"));
        given().auth().oauth2(cncs()).get("/api/audit?from=2028-06-02T00:00:00Z&to=2028-06-01T00:00:00Z").then().statusCode(400)
                .body("errors[0].parameter", equalTo("to"))
                .body("errors[0].message", equalTo("Debe ser posterior a from (2028-06-02T00:00:00Z)."));
        given().auth().oauth2(cncs()).get("/api/audit?from=ayer").then().statusCode(400)
                .body("errors[0].message", equalTo("No es un instante ISO-8601: ayer (p. ej. 2027-10-04T16:00:00Z)."));
        given().auth().oauth2(cncs()).get("/api/audit?actor=" + "x".repeat(321)).then().statusCode(400)
                .body("errors[0].parameter", equalTo("actor"));
        given().auth().oauth2(cncs()).get("/api/audit?size=501").then().statusCode(400).body("errors[0].parameter", equalTo("size"));
        given().auth().oauth2(TestTokens.forPerson("nadie@ine.mx", Set.of(), Map.of())).get("/api/audit").then().statusCode(403);
        given().get("/api/audit").then().statusCode(401);
    }

    private static List<Map<String, Object>> acts(String query, String token) {
        return given().auth().oauth2(token).urlEncodingEnabled(false).get("/api/audit?size=500&" + query).then().statusCode(200)
                .extract().path("items");
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
