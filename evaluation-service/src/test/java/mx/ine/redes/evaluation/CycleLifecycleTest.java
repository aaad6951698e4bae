package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.service.CalendarService;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.ReviewCycleOpened;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class CycleLifecycleTest {

    @Inject
    ShiftableClock clock;

    @Inject
    TimerEngine engine;

    @Inject
    MailNotifier mail;

    @Inject
    CalendarService calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldOpenACycleOnceAndWalkAnUnattendedRequestThroughArticle15() {
        String admin = unique("admin");
        String head = unique("titular");
        String area = "JDE-" + UUID.randomUUID().toString().substring(0, 6);
        UUID active = register(area, admin, head, "ACTIVE");
        UUID decommissioned = register(area, admin, head, "DECOMMISSIONED");

        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2025-S2"))
                .post("/api/cycles").then().statusCode(201).body("windowMonth", equalTo("2026-01"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2025-S2"))
                .post("/api/cycles").then().statusCode(409).contentType("application/problem+json");
        assertThat(count("select count(*) from review_cycle where id = '2025-S2'")).isEqualTo(1);

        List<Map<String, Object>> requests = given().auth().oauth2(cncs()).get("/api/requests?cycle=2025-S2&account=" + active)
                .then().statusCode(200).extract().path("$");
        assertThat(requests).hasSize(1);
        assertThat(given().auth().oauth2(cncs()).get("/api/requests?cycle=2025-S2&account=" + decommissioned)
                .then().extract().<List<?>>path("$")).isEmpty();
        UUID requestId = UUID.fromString((String) requests.get(0).get("id"));
        Instant due = Instant.parse((String) requests.get(0).get("dueAt"));
        // Requested now, long after January 2026: never fewer than 10 business days.
        assertThat(due).isEqualTo(calendar.afterBusinessDays(Instant.parse((String) requests.get(0).get("issuedAt")), 10).dueAt());

        // The notice leaves in business time.
        moveTo(calendar.nextBusinessTime(clock.instant()));
        mail.sendDue();
        assertThat(Mailbox.of(admin)).extracting(Mailbox.Mail::subject).anySatisfy(subject ->
                assertThat(subject).startsWith("Requerimiento de estadísticas del ciclo 2025-S2"));

        moveTo(due.minus(Duration.ofHours(24)).plusSeconds(1));
        engine.sweep();
        moveTo(calendar.nextBusinessTime(clock.instant()));
        mail.sendDue();
        assertThat(Mailbox.of(admin)).extracting(Mailbox.Mail::subject).anySatisfy(subject ->
                assertThat(subject).startsWith("Recordatorio"));

        moveTo(due.plusSeconds(1));
        engine.sweep();
        Map<String, Object> escalated = given().auth().oauth2(cncs()).get("/api/requests/" + requestId)
                .then().statusCode(200).body("status", equalTo("ESCALATED")).extract().path("$");
        Instant attendBy = Instant.parse((String) escalated.get("attendBy"));
        assertThat(attendBy).isEqualTo(calendar.afterBusinessDays(Instant.parse((String) escalated.get("escalatedAt")), 2).dueAt());
        assertThat(given().auth().oauth2(cncs()).get("/api/escalations?status=ESCALATED").then().extract()
                .<List<String>>path("id")).contains(requestId.toString());
        moveTo(calendar.nextBusinessTime(clock.instant()));
        mail.sendDue();
        assertThat(Mailbox.of(admin)).extracting(Mailbox.Mail::subject).anySatisfy(s -> assertThat(s).startsWith("Plazo vencido"));
        assertThat(Mailbox.of(head)).extracting(Mailbox.Mail::subject).singleElement().satisfies(s ->
                assertThat(s).startsWith("Requerimiento no atendido en su área"));

        moveTo(attendBy.plusSeconds(1));
        engine.sweep();
        engine.sweep();
        given().auth().oauth2(cncs()).get("/api/requests/" + requestId).then().body("status", equalTo("REPORTED"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.EVALUATION, active.toString());
            assertThat(events).extracting(EventEnvelope::type).containsExactly("SubmissionRequested", "SubmissionOverdue",
                    "EscalatedToAreaHead", "ReportedToCommittee");
            assertThat(((SubmissionRequested) events.get(0).payload()).administratorEmails()).containsExactly(admin);
            assertThat(((EscalatedToAreaHead) events.get(2).payload()).headEmail()).isEqualTo(head);
            assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION, "2025-S2")).singleElement()
                    .satisfies(e -> assertThat(((ReviewCycleOpened) e.payload()).requestCount()).isGreaterThanOrEqualTo(1));
        });
    }

    @Test
    void shouldStopTheChainWhenTheSubmissionArrivesAndCountItOnce() {
        String admin = unique("admin");
        String area = "JDE-" + UUID.randomUUID().toString().substring(0, 6);
        UUID account = register(area, admin, unique("titular"), "ACTIVE");
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2024-S2"))
                .post("/api/cycles").then().statusCode(201);
        Map<String, Object> request = given().auth().oauth2(cncs()).get("/api/requests?cycle=2024-S2&account=" + account)
                .then().extract().path("[0]");
        UUID requestId = UUID.fromString((String) request.get("id"));

        SubmissionReceived received = new SubmissionReceived(UUID.randomUUID(), requestId, account, "2024-S2", "X", 1,
                clock.instant(), false, Map.of("A", 10L), LocalDate.now(), List.of());
        EventEnvelope envelope = KafkaTestClient.publish(received);
        KafkaTestClient.send(Topics.SUBMISSIONS, account.toString(), EventJson.write(envelope));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(cncs())
                .get("/api/requests/" + requestId).then().body("status", equalTo("SUBMITTED")).body("submittedLate", equalTo(false)));

        Map<String, Object> progress = given().auth().oauth2(cncs()).get("/api/cycles/2024-S2/progress").then().statusCode(200)
                .extract().path("byArea.find { it.key == '" + area + "' }.counts");
        assertThat(progress).containsEntry("requested", 1).containsEntry("submitted", 1).containsEntry("onTime", 1)
                .containsEntry("missing", 0);

        moveTo(Instant.parse((String) request.get("dueAt")).plus(Duration.ofDays(10)));
        engine.sweep();
        given().auth().oauth2(cncs()).get("/api/requests/" + requestId).then().body("status", equalTo("SUBMITTED"));
        assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION, account.toString())).extracting(EventEnvelope::type)
                .containsExactly("SubmissionRequested");
    }

    @Test
    void shouldRecomputeAnOpenDeadlineWhenTheCalendarChangesAndRecordIt() {
        UUID account = register("JDE-" + UUID.randomUUID().toString().substring(0, 6), unique("admin"), unique("titular"), "ACTIVE");
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2024-S1"))
                .post("/api/cycles").then().statusCode(201);
        Map<String, Object> request = given().auth().oauth2(cncs()).get("/api/requests?cycle=2024-S1&account=" + account)
                .then().extract().path("[0]");
        Instant due = Instant.parse((String) request.get("dueAt"));
        LocalDate dueDay = due.atZone(java.time.ZoneId.of("America/Mexico_City")).toLocalDate();

        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("day", dueDay.toString(), "description", "Día inhábil de prueba", "sourceReference", "Acuerdo de prueba"))
                .post("/api/calendar/non-working-days").then().statusCode(201);
        try {
            Map<String, Object> moved = given().auth().oauth2(cncs()).get("/api/requests/" + request.get("id"))
                    .then().statusCode(200).extract().path("$");
            Instant newDue = Instant.parse((String) moved.get("dueAt"));
            assertThat(newDue).isAfter(due);
            List<Map<String, Object>> changes = (List<Map<String, Object>>) moved.get("deadlineChanges");
            assertThat(changes).singleElement().satisfies(change -> {
                assertThat(Instant.parse((String) change.get("previousDueAt"))).isEqualTo(due);
                assertThat(Instant.parse((String) change.get("newDueAt"))).isEqualTo(newDue);
                assertThat((String) change.get("reason")).contains("Día inhábil agregado: " + dueDay);
            });
            assertThat(QuarkusTransaction.requiringNew().call(() -> engine.pendingDueAt("REQUEST_DUE",
                    UUID.fromString((String) request.get("id"))))).contains(newDue);
        } finally {
            given().auth().oauth2(cncs()).delete("/api/calendar/non-working-days/" + dueDay).then().statusCode(204);
        }
        given().auth().oauth2(cncs()).get("/api/requests/" + request.get("id")).then()
                .body("dueAt", equalTo(due.toString())).body("deadlineChanges.size()", equalTo(2));
    }

    @Test
    void shouldRefuseCyclesThatCannotBeOpened() {
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2099-S1"))
                .post("/api/cycles").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2026-S3"))
                .post("/api/cycles").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).contentType(ContentType.JSON).body(Map.of("id", "2023-S1"))
                .post("/api/cycles").then().statusCode(403);
        assertThat(count("select count(*) from review_cycle where id in ('2099-S1', '2026-S3', '2023-S1')")).isZero();
    }

    @Test
    void shouldIssueAdHocRequestsAndShowThemOnlyToThoseConcerned() {
        String admin = unique("admin");
        UUID account = register("JDE-" + UUID.randomUUID().toString().substring(0, 6), admin, unique("titular"), "ACTIVE");
        String dueOn = LocalDate.now().plusDays(30).toString();
        List<String> ids = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("followersEnd", "videoViews"),
                        "dueOn", dueOn, "reason", "Solicitud del Comité (Art. 8 II)"))
                .post("/api/requests/ad-hoc").then().statusCode(201).extract().path("id");
        assertThat(ids).hasSize(1);
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(UUID.randomUUID().toString()), "requestedFields", List.of("A"),
                        "dueOn", dueOn, "reason", "x"))
                .post("/api/requests/ad-hoc").then().statusCode(400).body("errors[0].field", equalTo("accountIds[0]"));

        String mine = TestTokens.forPerson(admin, Set.of(Roles.ACCOUNT_ADMIN), Map.of());
        String other = TestTokens.forPerson(unique("otro"), Set.of(Roles.ACCOUNT_ADMIN), Map.of());
        given().auth().oauth2(mine).get("/api/requests/" + ids.get(0)).then().statusCode(200)
                .body("kind", equalTo("AD_HOC")).body("requestedFields", equalTo(List.of("followersEnd", "videoViews")));
        given().auth().oauth2(other).get("/api/requests/" + ids.get(0)).then().statusCode(404);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).anySatisfy(e -> assertThat(((SubmissionRequested) e.payload()).requestKind()).isEqualTo("AD_HOC")));
    }

    private void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    private static UUID register(String area, String admin, String head, String status) {
        UUID id = UUID.randomUUID();
        KafkaTestClient.publish(new AccountRegistered(new AccountSnapshot(id, "X", "h" + id.toString().substring(0, 8),
                "https://x.com/h", "Cuenta", "INSTITUTIONAL", status, area, "Junta de prueba", "DISTRICT", 7, 3,
                "Titular", head, List.of(admin), LocalDate.now(), null, List.of())));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + id).then().statusCode(200));
        return id;
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }

    private static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) ReviewCycle.getEntityManager().createNativeQuery(sql)
                .getSingleResult()).longValue());
    }
}
