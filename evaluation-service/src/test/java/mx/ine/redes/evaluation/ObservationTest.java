package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.ReviewFlow.handle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EscalationWithdrawn;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.ObservationDeadlineMoved;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.ObservationResolved;
import mx.ine.redes.events.ReportedToCommittee;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Observations (Art. 14) and their Art. 15 chain on the real database, broker and SMTP server, the
 * clock moved to fixed instants of 2028 (Mexico City: UTC-6, no daylight saving time; no electoral
 * process in the test calendar). Every deadline is written out from the rule: 2 business days
 * counted from the business day after the notice left, due at 18:00 of the 2nd; the head's term
 * likewise, from the head's notice. March 2028: Monday 20 is a statutory rest day (third Monday).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class ObservationTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final String CNCS_EMAIL = "cncs@ine.mx";
    private static final String CNCS_ALERTS = "medios.alternativos@ine.mx";
    private static final String TEXT = "Los seguidores al final del periodo bajaron 40 % y las publicaciones no lo explican;"
            + " revise ambas cifras.";

    @Inject
    ShiftableClock clock;

    @Inject
    TimerEngine engine;

    @Inject
    MailNotifier mail;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldNameTheFiguresAndRunTheTermFromTheNoticeThenResolveAnOnTimeCorrection() {
        // Thursday 2 March 2028, 10:00: Friday 3 (1), Monday 6 (2): due Monday 6 March 2028, 18:00.
        moveTo(mexico("2028-03-02T10:00"));
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), unique("titular")));
        String cycle = uniqueCycle();
        UUID request = UUID.randomUUID();
        UUID caseId = openCase(account, request, cycle);

        Map<String, Object> issued = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("evaluationId", caseId.toString(), "text", TEXT, "fields", List.of("followersAtEnd", "posts"),
                        "suggestion", "FOLLOWERS_DROPPED"))
                .post("/api/observations").then().statusCode(201)
                .header("Location", containsString("/api/observations/")).extract().path("$");
        UUID id = UUID.fromString((String) issued.get("id"));
        assertThat(issued).containsEntry("status", "ISSUED").containsEntry("issuedBy", CNCS_EMAIL)
                .containsEntry("dueAt", "2028-03-07T00:00:00Z").containsEntry("noticeSentAt", null)
                .containsEntry("suggestion", "FOLLOWERS_DROPPED")
                .containsEntry("figures", Map.of("followersAtEnd", "600", "posts", "12"));

        sendAll();
        List<Mailbox.Mail> mails = Mailbox.of(admin);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Observación a la información estadística del ciclo " + cycle + ": cuenta "
                    + handle(account));
            assertThat(text(m)).startsWith("Conforme al artículo 14 de los Lineamientos, la Coordinación Nacional de"
                    + " Comunicación Social formula la siguiente observación a la información estadística del ciclo " + cycle
                    + " que entregó la cuenta " + handle(account) + ":\n\n" + TEXT + "\n\nDatos observados (valor entregado):\n"
                    + "- Seguidores al final del periodo (followersAtEnd): 600\n"
                    + "- Mensajes o publicaciones del periodo (posts): 12\n\n"
                    + "Cuenta con 2 días hábiles para corregirla: la fecha límite es el lunes 6 de marzo de 2028 a las 18:00"
                    + " (hora del centro de México).");
        });

        Map<String, Object> running = observation(id);
        assertThat(running).containsEntry("dueAt", "2028-03-07T00:00:00Z").containsEntry("dueAtLocal", "2028-03-06T18:00:00-06:00")
                .containsEntry("notifiedDueAt", "2028-03-07T00:00:00Z");
        assertThat(Instant.parse((String) running.get("noticeSentAt"))).isBetween(mexico("2028-03-02T10:00"),
                mexico("2028-03-02T10:01"));
        assertThat(countedDays(running, "term")).containsExactly("2028-03-03", "2028-03-06");
        assertThat(pending("OBSERVATION_DUE", id)).contains(Instant.parse("2028-03-07T00:10:00Z"));
        assertThat(given().auth().oauth2(cncs()).get("/api/evaluations/" + caseId).then().statusCode(200)
                .extract().<List<Map<String, Object>>>path("observations"))
                .containsExactly(summary(id, "ISSUED", "2028-03-07T00:00:00Z"));

        // Completion waits for it, and says which.
        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseId + "/completion").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("La evaluación no puede concluirse mientras tenga observaciones abiertas: " + id
                        + " (ISSUED, fecha límite 2028-03-07T00:00:00Z). Resuélvalas o deles seguimiento."));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/observations/" + id + "/resolution").then().statusCode(409)
                .body("detail", equalTo("La observación no puede resolverse: aún no se recibe una corrección que la responda"
                        + " (fecha límite: lunes 6 de marzo de 2028 a las 18:00 (hora del centro de México))."));

        // Monday 6 March, 12:00: the correction, in time.
        moveTo(mexico("2028-03-06T12:00"));
        UUID correction = UUID.randomUUID();
        KafkaTestClient.publish(received(correction, request, account, cycle, 2, mexico("2028-03-06T12:00"),
                Map.of("posts", 14L, "followersAtEnd", 610L), id));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(observation(id)).containsEntry("status", "ANSWERED"));
        assertThat(observation(id).get("answer")).isEqualTo(Map.of("submissionId", correction.toString(), "version", 2,
                "receivedAt", "2028-03-06T18:00:00Z", "onTime", true));
        assertThat(pending("OBSERVATION_DUE", id)).isEmpty();

        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("note", "Cifras corregidas."))
                .post("/api/observations/" + id + "/resolution").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo(CNCS_EMAIL))
                .body("resolutionNote", equalTo("Cifras corregidas."));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/observations/" + id + "/resolution").then().statusCode(409)
                .body("detail", startsWithText("La observación no puede resolverse: ya fue resuelta el lunes 6 de marzo de 2028"));

        await().atMost(Duration.ofSeconds(15)).until(() -> !events(account, ObservationResolved.class).isEmpty());
        assertThat(events(account, ObservationResolved.class)).singleElement().satisfies(resolved -> {
            assertThat(resolved.observationId()).isEqualTo(id);
            assertThat(resolved.onTime()).isTrue();
            assertThat(resolved.answeredByVersion()).isEqualTo(2);
            assertThat(resolved.evaluationId()).isEqualTo(caseId);
            assertThat(resolved.resolvedBy()).isEqualTo(CNCS_EMAIL);
            assertThat(resolved.cycleId()).isEqualTo(cycle);
        });
        assertThat(events(account, ObservationIssued.class)).singleElement().satisfies(event -> {
            assertThat(event.observationId()).isEqualTo(id);
            assertThat(event.fields()).containsExactly("followersAtEnd", "posts");
            assertThat(event.evaluationId()).isEqualTo(caseId);
            assertThat(event.requestId()).isEqualTo(request);
            assertThat(event.dueAt()).isEqualTo(Instant.parse("2028-03-07T00:00:00Z"));
            assertThat(event.issuedBy()).isEqualTo(CNCS_EMAIL);
        });
        assertThat(audited(id)).containsExactly("OBSERVATION_ISSUED", "OBSERVATION_NOTICE_SENT", "OBSERVATION_ANSWERED",
                "OBSERVATION_RESOLVED");
        // Resolved does not hold completion any more (what follows is the scoring's business).
        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseId + "/completion").then()
                .statusCode(org.hamcrest.Matchers.not(409));
    }

    @Test
    void shouldEscalateToTheHeadOverAWeekendAndAHolidayThenReportToTheCommitteeAndKeepTheChainOnALateCorrection() {
        // Thursday 16 March 2028, 10:00: Friday 17 (1); Sat 18, Sun 19, Mon 20 (third Monday of March) skipped;
        // Tuesday 21 (2): due Tuesday 21 March 2028, 18:00.
        moveTo(mexico("2028-03-16T10:00"));
        String admin = unique("admin");
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), head));
        String cycle = uniqueCycle();
        UUID request = UUID.randomUUID();
        UUID caseId = openCase(account, request, cycle);
        UUID id = issue(caseId, List.of("followersAtEnd"));
        sendAll();
        Map<String, Object> running = observation(id);
        assertThat(running).containsEntry("dueAt", "2028-03-22T00:00:00Z");
        assertThat(countedDays(running, "term")).containsExactly("2028-03-17", "2028-03-21");
        assertThat(days(running, "term")).filteredOn(d -> "2028-03-20".equals(d.get("date"))).singleElement()
                .satisfies(d -> assertThat((String) d.get("reason")).contains("tercer lunes de marzo"));

        // Tuesday 21 March, 18:10:01 (past the grace): overdue and escalated; the notices leave the next morning.
        moveTo(Instant.parse("2028-03-22T00:10:01Z"));
        engine.sweep();
        assertThat(observation(id)).containsEntry("status", "ESCALATED").containsEntry("headNoticeSentAt", null);
        sendAll();
        assertThat(Mailbox.of(head)).isEmpty();
        moveTo(mexico("2028-03-22T09:00"));
        sendAll();
        assertThat(Mailbox.of(admin)).extracting(Mailbox.Mail::subject).containsExactly(
                "Observación a la información estadística del ciclo " + cycle + ": cuenta " + handle(account),
                "Observación no atendida: cuenta " + handle(account));
        // The head's term: Thursday 23 (1), Friday 24 (2): Friday 24 March 2028, 18:00.
        assertThat(Mailbox.of(head)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Observación no atendida en su área: cuenta " + handle(account));
            assertThat(text(m)).contains("cuyo plazo de corrección venció el martes 21 de marzo de 2028 a las 18:00 (hora del"
                            + " centro de México).",
                    "Observación: " + TEXT,
                    "- Seguidores al final del periodo (followersAtEnd): 600",
                    "se le notifica para que instruya la atención inmediata de la observación. Si no se atiende a más tardar el"
                            + " viernes 24 de marzo de 2028 a las 18:00 (hora del centro de México), se informará al Comité de"
                            + " Gestión y Publicación Electrónica.");
        });
        Map<String, Object> escalated = observation(id);
        assertThat(escalated).containsEntry("attendBy", "2028-03-25T00:00:00Z").containsEntry("escalatedToEmail", head);
        assertThat(countedDays(escalated, "headTerm")).containsExactly("2028-03-23", "2028-03-24");
        assertThat(pending("OBSERVATION_COMMITTEE", id)).contains(Instant.parse("2028-03-25T00:10:00Z"));
        assertThat(given().auth().oauth2(cncs()).get("/api/observations?status=ESCALATED&account=" + account).then()
                .statusCode(200).extract().<List<String>>path("items.id")).containsExactly(id.toString());
        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseId + "/completion").then().statusCode(409);
        await().atMost(Duration.ofSeconds(15)).until(() -> !events(account, EscalatedToAreaHead.class).isEmpty());
        assertThat(events(account, EscalatedToAreaHead.class)).singleElement().satisfies(event -> {
            assertThat(event.subjectId()).isEqualTo(id);
            assertThat(event.subjectKind()).isEqualTo("OBSERVATION");
            assertThat(event.headEmail()).isEqualTo(head);
            assertThat(event.attendBy()).isEqualTo(Instant.parse("2028-03-25T00:00:00Z"));
        });

        // The head's term passes: a non-compliance item for the Committee, once.
        moveTo(Instant.parse("2028-03-25T00:10:01Z"));
        engine.sweep();
        moveTo(Instant.parse("2028-03-25T01:00:00Z"));
        engine.sweep();
        assertThat(observation(id)).containsEntry("status", "REPORTED");
        await().atMost(Duration.ofSeconds(15)).until(() -> !events(account, ReportedToCommittee.class).isEmpty());
        assertThat(events(account, ReportedToCommittee.class)).singleElement().satisfies(event -> {
            assertThat(event.subjectId()).isEqualTo(id);
            assertThat(event.subjectKind()).isEqualTo("OBSERVATION");
        });
        // ... and the item the Committee will resolve, with the chain's dates.
        var item = given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).get("/api/committee/items?size=500")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.subjectId == '" + id + "' }", Map.class);
        assertThat(item).singleElement().satisfies(found -> {
            assertThat(found.get("subjectKind")).isEqualTo("OBSERVATION");
            assertThat(found.get("status")).isEqualTo("OPEN");
            assertThat(Instant.parse((String) found.get("attendBy"))).isEqualTo(Instant.parse("2028-03-25T00:00:00Z"));
        });

        // Monday 27 March: a late correction answers it, but the chain stands.
        moveTo(mexico("2028-03-27T10:00"));
        KafkaTestClient.publish(received(UUID.randomUUID(), request, account, cycle, 2, mexico("2028-03-27T10:00"),
                Map.of("posts", 12L, "followersAtEnd", 620L), id));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(observation(id)).containsEntry("status", "ANSWERED"));
        assertThat(observation(id)).containsEntry("chainWithdrawnAt", null);
        assertThat(Instant.parse((String) observation(id).get("reportedAt"))).isBetween(Instant.parse("2028-03-25T00:10:01Z"),
                Instant.parse("2028-03-25T00:11:00Z"));
        assertThat(((Map<?, ?>) observation(id).get("answer")).get("onTime")).isEqualTo(false);
        assertThat(events(account, EscalationWithdrawn.class)).isEmpty();
        assertThat(audited(id)).containsExactly("OBSERVATION_ISSUED", "OBSERVATION_NOTICE_SENT", "OBSERVATION_OVERDUE",
                "OBSERVATION_ESCALATED", "OBSERVATION_HEAD_NOTICE_SENT", "OBSERVATION_REPORTED", "OBSERVATION_ANSWERED");
    }

    @Test
    void shouldWithdrawTheChainWhenAnOnTimeCorrectionArrivesAfterItFired() {
        // Thursday 6 April 2028, 10:00: Friday 7 (1), Monday 10 (2): due Monday 10 April 2028, 18:00.
        moveTo(mexico("2028-04-06T10:00"));
        String admin = unique("admin");
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), head));
        String cycle = uniqueCycle();
        UUID request = UUID.randomUUID();
        UUID id = issue(openCase(account, request, cycle), List.of("posts"));
        sendAll();
        assertThat(observation(id)).containsEntry("dueAt", "2028-04-11T00:00:00Z");
        moveTo(Instant.parse("2028-04-11T00:10:01Z"));
        engine.sweep();
        moveTo(mexico("2028-04-11T09:00"));
        sendAll();
        assertThat(Mailbox.of(head)).hasSize(1);

        // Received at 17:00 on Monday, within the deadline; it reaches this service only now.
        KafkaTestClient.publish(received(UUID.randomUUID(), request, account, cycle, 2, mexico("2028-04-10T17:00"),
                Map.of("posts", 13L, "followersAtEnd", 600L), id));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(observation(id)).containsEntry("status", "ANSWERED"));
        assertThat(observation(id).get("chainWithdrawnAt")).isNotNull();
        await().atMost(Duration.ofSeconds(15)).until(() -> !events(account, EscalationWithdrawn.class).isEmpty());
        assertThat(events(account, EscalationWithdrawn.class)).singleElement().satisfies(event -> {
            assertThat(event.subjectId()).isEqualTo(id);
            assertThat(event.subjectKind()).isEqualTo("OBSERVATION");
            assertThat(event.notified()).containsExactlyInAnyOrder(admin, head);
            assertThat(event.wasReportedToCommittee()).isFalse();
        });
        sendAll();
        for (String told : List.of(admin, head)) {
            assertThat(Mailbox.of(told)).filteredOn(m -> m.subject().startsWith("Aviso retirado")).singleElement()
                    .satisfies(m -> assertThat(text(m)).contains("se recibió el lunes 10 de abril de 2028 a las 17:00 (hora del"
                            + " centro de México), dentro del plazo para atender la observación, que vencía el lunes 10 de abril"
                            + " de 2028 a las 18:00 (hora del centro de México)."));
        }
        assertThat(pending("OBSERVATION_COMMITTEE", id)).isEmpty();
        assertThat(audited(id)).contains("OBSERVATION_CHAIN_WITHDRAWN");
    }

    @Test
    void shouldRunTheTermFromAHeldNoticeAndMoveANotifiedDeadlineOnlyLater() {
        // Thursday 6 July 2028, 10:00, an account without administrators: provisionally due Monday 10 July, 18:00.
        moveTo(mexico("2028-07-06T10:00"));
        AccountSnapshot nobody = snapshot(UUID.randomUUID(), area(), List.of(), unique("titular"));
        UUID account = register(nobody);
        UUID id = issue(openCase(account, UUID.randomUUID(), uniqueCycle()), List.of("posts"));
        assertThat(observation(id)).containsEntry("dueAt", "2028-07-11T00:00:00Z").containsEntry("awaitingAdministrator", true);
        sendAll();
        assertThat(Mailbox.of(CNCS_ALERTS)).filteredOn(m -> m.subject().equals(
                "Cuenta sin administrador: no se pudo notificar la observación a " + handle(account))).hasSize(1);
        assertThat(observation(id)).containsEntry("noticeSentAt", null);

        // Friday 7 July, 10:00: an administrator is registered; the notice leaves now, and the term runs from it:
        // Monday 10 (1), Tuesday 11 (2): Tuesday 11 July 2028, 18:00.
        moveTo(mexico("2028-07-07T10:00"));
        String admin = unique("admin");
        update(snapshot(nobody.accountId(), nobody.areaCode(), List.of(admin), nobody.headEmail()));
        sendAll();
        assertThat(Mailbox.of(admin)).singleElement().satisfies(m -> assertThat(text(m))
                .contains("la fecha límite es el martes 11 de julio de 2028 a las 18:00 (hora del centro de México)."));
        assertThat(observation(id)).containsEntry("dueAt", "2028-07-12T00:00:00Z").containsEntry("awaitingAdministrator", false);
        await().atMost(Duration.ofSeconds(15)).until(() -> !events(account, ObservationDeadlineMoved.class).isEmpty());
        assertThat(events(account, ObservationDeadlineMoved.class)).singleElement().satisfies(moved -> {
            assertThat(moved.previousDueAt()).isEqualTo(Instant.parse("2028-07-11T00:00:00Z"));
            assertThat(moved.dueAt()).isEqualTo(Instant.parse("2028-07-12T00:00:00Z"));
            assertThat(moved.notified()).isFalse();
        });

        // Monday 10 July, 10:00: Tuesday 11 declared non-working: Monday 10 (1), Wednesday 12 (2), told to the administrator.
        moveTo(mexico("2028-07-10T10:00"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("day", "2028-07-11", "description", "Suspensión de labores", "sourceReference", "Acuerdo de prueba"))
                .post("/api/calendar/non-working-days").then().statusCode(201);
        try {
            assertThat(observation(id)).containsEntry("dueAt", "2028-07-13T00:00:00Z");
            sendAll();
            assertThat(Mailbox.of(admin)).filteredOn(m -> m.subject().startsWith("Cambio de fecha límite de una observación"))
                    .singleElement().satisfies(m -> assertThat(text(m)).contains("es ahora el miércoles 12 de julio de 2028 a"
                            + " las 18:00 (hora del centro de México)."));
            assertThat(observation(id)).containsEntry("notifiedDueAt", "2028-07-13T00:00:00Z");
        } finally {
            // Working again: the count would give Tuesday 11, but Wednesday 12 was told; it stays.
            given().auth().oauth2(cncs()).delete("/api/calendar/non-working-days/2028-07-11").then().statusCode(204);
        }
        Map<String, Object> after = observation(id);
        assertThat(after).containsEntry("dueAt", "2028-07-13T00:00:00Z");
        assertThat(pending("OBSERVATION_DUE", id)).contains(Instant.parse("2028-07-13T00:10:00Z"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) after.get("deadlineChanges");
        assertThat(changes).extracting(c -> c.get("newDueAt"), c -> c.get("notified")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2028-07-12T00:00:00Z", false),
                org.assertj.core.groups.Tuple.tuple("2028-07-13T00:00:00Z", true));
    }

    @Test
    void shouldRefuseWhatCannotBeObservedAndFollowUpAnUnsatisfyingCorrection() {
        moveTo(mexico("2028-05-04T10:00"));
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), unique("titular")));
        String cycle = uniqueCycle();
        UUID request = UUID.randomUUID();
        UUID caseId = openCase(account, request, cycle);

        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("evaluationId", caseId.toString(), "text", TEXT, "fields", List.of("posts", "seguidores", "reach",
                        "posts")))
                .post("/api/observations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("fields[1]", "fields[2]", "fields[3]")))
                .body("errors[1].message", startsWithText("La información entregada no tiene el campo «reach»; tiene: "));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("evaluationId", caseId.toString(), "text", TEXT, "fields", List.of("posts"), "suggestion", "OTRA"))
                .post("/api/observations").then().statusCode(400).body("errors[0].field", equalTo("suggestion"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("evaluationId", UUID.randomUUID().toString(), "text", TEXT, "fields", List.of("posts")))
                .post("/api/observations").then().statusCode(422).body("errors[0].field", equalTo("evaluationId"));
        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("evaluationId", caseId.toString(), "text", TEXT, "fields", List.of("posts")))
                .post("/api/observations").then().statusCode(403);
        assertThat(given().auth().oauth2(cncs()).get("/api/observations?evaluation=" + caseId).then().statusCode(200)
                .extract().<Integer>path("total")).isZero();
        given().auth().oauth2(cncs()).get("/api/observations/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(cncs()).get("/api/observations?status=ABIERTA").then().statusCode(400)
                .body("errors[0].parameter", equalTo("status"));

        UUID id = issue(caseId, List.of("posts"));
        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).get("/api/observations/" + id).then().statusCode(200);
        given().auth().oauth2(person(unique("otra"), Roles.ACCOUNT_ADMIN)).get("/api/observations/" + id).then().statusCode(404);
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("text", TEXT, "fields", List.of("posts")))
                .post("/api/observations/" + id + "/follow-up").then().statusCode(409);

        // A correction from another account changes nothing; the account's own answers it.
        UUID other = register(snapshot(UUID.randomUUID(), area(), List.of(unique("admin")), null));
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), other, cycle, 1, mexico("2028-05-04T10:00"),
                Map.of("posts", 1L), id));
        KafkaTestClient.publish(received(UUID.randomUUID(), request, account, cycle, 2, mexico("2028-05-04T10:00"),
                Map.of("posts", 13L, "followersAtEnd", 600L), id));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(observation(id)).containsEntry("status", "ANSWERED"));
        assertThat(((Map<?, ?>) observation(id).get("answer")).get("version")).isEqualTo(2);

        Map<String, Object> next = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("text", "La cifra corregida sigue sin cuadrar con las evidencias.", "fields", List.of("posts")))
                .post("/api/observations/" + id + "/follow-up").then().statusCode(201)
                .header("Location", containsString("/api/observations/")).extract().path("$");
        assertThat(next).containsEntry("followsUpObservationId", id.toString()).containsEntry("status", "ISSUED")
                .containsEntry("figures", Map.of("posts", "13"));
        assertThat(observation(id)).containsEntry("status", "FOLLOWED_UP").containsEntry("followedUpByObservationId", next.get("id"));
        // A correction to the followed-up observation changes nothing.
        KafkaTestClient.publish(received(UUID.randomUUID(), request, account, cycle, 3, mexico("2028-05-04T10:00"),
                Map.of("posts", 14L, "followersAtEnd", 600L), id));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(given().auth().oauth2(cncs())
                .get("/api/evaluations/" + caseId).then().extract().<Integer>path("latestVersion")).isEqualTo(3));
        assertThat(observation(id)).containsEntry("status", "FOLLOWED_UP");
        assertThat(((Map<?, ?>) observation(id).get("answer")).get("version")).isEqualTo(2);
        assertThat(audited(id)).containsExactly("OBSERVATION_ISSUED", "OBSERVATION_ANSWERED", "OBSERVATION_FOLLOWED_UP");
    }

    @Test
    void shouldAlertCncsWhenNobodyUpTheTreeHeadsTheAreaAndRunTheHeadsTermFromTheHeadsNotice() {
        // Thursday 3 August 2028, 10:00: Friday 4 (1), Monday 7 (2): due Monday 7 August 2028, 18:00.
        moveTo(mexico("2028-08-03T10:00"));
        String admin = unique("admin");
        AccountSnapshot headless = snapshot(UUID.randomUUID(), area(), List.of(admin), null);
        UUID account = register(headless);
        UUID id = issue(openCase(account, UUID.randomUUID(), uniqueCycle()), List.of("posts"));
        sendAll();
        assertThat(observation(id)).containsEntry("dueAt", "2028-08-08T00:00:00Z");
        moveTo(Instant.parse("2028-08-08T00:10:01Z"));
        engine.sweep();
        moveTo(mexico("2028-08-08T09:00"));
        sendAll();
        assertThat(Mailbox.of(CNCS_ALERTS)).filteredOn(m -> m.subject().equals(
                "Sin titular: no se pudo escalar la observación de " + handle(account))).hasSize(1);
        assertThat(observation(id)).containsEntry("status", "ESCALATED").containsEntry("awaitingHead", true)
                .containsEntry("headNoticeSentAt", null).containsEntry("attendBy", null);
        assertThat(events(account, EscalatedToAreaHead.class)).isEmpty();

        // Tuesday 8 August, 10:00: a head is registered; the head's notice leaves now and the term runs from it:
        // Wednesday 9 (1), Thursday 10 (2): Thursday 10 August 2028, 18:00.
        moveTo(mexico("2028-08-08T10:00"));
        String head = unique("titular");
        KafkaTestClient.publish(new AccountUpdated(snapshot(account, headless.areaCode(), List.of(admin), head),
                List.of("headEmail")));
        await().atMost(Duration.ofSeconds(15)).until(() -> head.equals(given().auth().oauth2(cncs())
                .get("/api/registry/accounts/" + account).then().extract().path("headEmail")));
        sendAll();
        assertThat(Mailbox.of(head)).singleElement().satisfies(m -> assertThat(text(m)).contains("Si no se atiende a más"
                + " tardar el jueves 10 de agosto de 2028 a las 18:00 (hora del centro de México)"));
        assertThat(observation(id)).containsEntry("attendBy", "2028-08-11T00:00:00Z").containsEntry("awaitingHead", false);
        await().atMost(Duration.ofSeconds(15)).until(() -> !events(account, EscalatedToAreaHead.class).isEmpty());
        assertThat(events(account, EscalatedToAreaHead.class)).singleElement()
                .satisfies(event -> assertThat(event.attendBy()).isEqualTo(Instant.parse("2028-08-11T00:00:00Z")));
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static org.hamcrest.Matcher<String> startsWithText(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }

    private UUID openCase(UUID account, UUID request, String cycle) {
        SubmissionReceived.SubmissionWarning dropped = new SubmissionReceived.SubmissionWarning("FOLLOWERS_DROPPED",
                List.of("followersAtEnd"), "Los seguidores bajaron 40 % respecto del periodo anterior.");
        KafkaTestClient.publish(new SubmissionReceived(UUID.randomUUID(), request, account, cycle, "CYCLE", "X", 1, clock.instant(),
                null, false, Map.of("posts", 12L, "followersAtEnd", 600L), null, List.of(), LocalDate.of(2028, 2, 26),
                List.of(dropped), null, 0, List.of(), new SubmissionReceived.EnteredBy(unique("admin"), false, null, null)));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(cncs()).get("/api/evaluations?account=" + account)
                .then().extract().<Integer>path("total") == 1);
        return UUID.fromString(given().auth().oauth2(cncs()).get("/api/evaluations?account=" + account).then()
                .extract().path("items[0].id"));
    }

    private static SubmissionReceived received(UUID submission, UUID request, UUID account, String cycle, int version,
                                               Instant receivedAt, Map<String, Long> figures, UUID answers) {
        return new SubmissionReceived(submission, request, account, cycle, "CYCLE", "X", version, receivedAt, null, false,
                figures, null, List.of(), LocalDate.of(2028, 2, 26), List.of(), answers, 0, List.of(),
                new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null));
    }

    private static UUID issue(UUID caseId, List<String> fields) {
        return UUID.fromString(given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("evaluationId", caseId.toString(), "text", TEXT, "fields", fields))
                .post("/api/observations").then().statusCode(201).extract().path("id"));
    }

    private static Map<String, Object> observation(UUID id) {
        return given().auth().oauth2(cncs()).get("/api/observations/" + id).then().statusCode(200).extract().path("$");
    }

    private static Map<String, Object> summary(UUID id, String status, String dueAt) {
        Map<String, Object> summary = new HashMap<>();
        summary.put("id", id.toString());
        summary.put("status", status);
        summary.put("dueAt", dueAt);
        summary.put("attendBy", null);
        return summary;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> days(Map<String, Object> observation, String term) {
        return (List<Map<String, Object>>) ((Map<String, Object>) observation.get(term)).get("days");
    }

    private static List<Object> countedDays(Map<String, Object> observation, String term) {
        return days(observation, term).stream().filter(d -> Boolean.TRUE.equals(d.get("counted"))).map(d -> d.get("date")).toList();
    }

    private List<String> audited(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action from audited_act where subject_id = :id order by occurred_at, id", String.class)
                .setParameter("id", id.toString()).getResultList().stream().map(String::valueOf).toList());
    }

    private static <T extends DomainEvent> List<T> events(UUID account, Class<T> type) {
        return KafkaTestClient.eventsFor(Topics.EVALUATION, account.toString()).stream().map(EventEnvelope::payload)
                .filter(type::isInstance).map(type::cast).toList();
    }

    private void sendAll() {
        for (int sweep = 0; sweep < 20 && mail.sendDue() > 0; sweep++) {
            // until a sweep sends nothing
        }
    }

    private Optional<Instant> pending(String kind, UUID subject) {
        return QuarkusTransaction.requiringNew().call(() -> engine.pendingDueAt(kind, subject));
    }

    private static String text(Mailbox.Mail mail) {
        return mail.body().replace("\r\n", "\n");
    }

    private static AccountSnapshot snapshot(UUID id, String area, List<String> admins, String head) {
        return new AccountSnapshot(id, "X", "h" + id.toString().substring(0, 8), "https://x.com/h", "Cuenta", "INSTITUTIONAL",
                "ACTIVE", area, "Junta de prueba", "DISTRICT", 7, 3, head == null ? null : "Titular", head, admins,
                LocalDate.of(2026, 1, 5), null, List.of());
    }

    private static UUID register(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + snapshot.accountId()).statusCode() == 200);
        return snapshot.accountId();
    }

    private static void update(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountUpdated(snapshot, List.of("administratorEmails")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(given().auth().oauth2(cncs())
                .get("/api/registry/accounts/" + snapshot.accountId()).then().statusCode(200).extract()
                .<List<String>>path("administratorEmails")).isEqualTo(snapshot.administratorEmails()));
    }

    private static String area() {
        return "JDE-" + UUID.randomUUID().toString().substring(0, 6);
    }


    private static Instant mexico(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MEXICO).toInstant();
    }

    private void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead.isNegative()).as("the clock only moves forward, to " + target).isFalse();
        clock.advance(ahead);
    }

    private static String uniqueCycle() {
        return "T-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    private static String person(String email, String role) {
        return TestTokens.forPerson(email, Set.of(role), Map.of());
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
