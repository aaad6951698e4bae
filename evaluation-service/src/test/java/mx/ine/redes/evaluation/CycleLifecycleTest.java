package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.ReviewFlow.handle;
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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.testing.MailOutage;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.EscalationWithdrawn;
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
import org.junit.jupiter.api.Test;

/**
 * A request's life as one aggregate, on the real database, broker and SMTP server, with the clock
 * moved to fixed instants of 2027 (Mexico City has no daylight saving time since 2022: UTC-6). Every
 * expected date is written out from the rules of domain.md §3; none is computed by the code under
 * test. February 2027: Monday 1 is a statutory rest day (first Monday of February).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class CycleLifecycleTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final String CNCS_ALERTS = "medios.alternativos@ine.mx";

    @Inject
    ShiftableClock clock;

    @Inject
    TimerEngine engine;

    @Inject
    MailNotifier mail;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldEscalateToTheHeadTheRegistryHasWhenTheTermEndsAndReportToTheCommittee() {
        moveTo(mexico("2027-02-08T10:00")); // Monday, business time
        String admin = unique("admin");
        String oldHead = unique("titular.anterior");
        String newHead = unique("titular.nuevo");
        String stateHead = unique("titular.jle");
        String area = "JDE-" + UUID.randomUUID().toString().substring(0, 6);
        AreaLink stateBoard = new AreaLink("JLE-T", "Junta Local de prueba", "LOCAL", "Titular JLE", stateHead);
        UUID account = register(snapshot(UUID.randomUUID(), area, List.of(admin), oldHead, List.of(stateBoard)));

        UUID request = adHoc(account, "2027-02-10", List.of("followersAtEnd", "videoViews"), "Informe al Comité (Art. 8 II)");
        Map<String, Object> issued = request(request);
        assertThat(issued.get("noticeSentAt")).as("no notice has left: the term does not run").isNull();
        assertThat(issued.get("dueAt")).isEqualTo("2027-02-11T00:00:00Z"); // Wednesday 10 February, 18:00
        assertThat(pending("REQUEST_DUE", request)).isEmpty();

        mail.sendDue();
        Map<String, Object> notified = request(request);
        assertThat(Instant.parse((String) notified.get("noticeSentAt"))).isBetween(mexico("2027-02-08T10:00"),
                mexico("2027-02-08T10:01"));
        assertThat(notified.get("dueAt")).isEqualTo("2027-02-11T00:00:00Z");
        assertThat(pending("REQUEST_DUE", request)).contains(Instant.parse("2027-02-11T00:10:00Z")); // + 10 minutes' grace
        // The opening of the last business day before the deadline's day: Tuesday 9 February, 09:00.
        assertThat(pending("REQUEST_REMINDER", request)).contains(Instant.parse("2027-02-09T15:00:00Z"));
        assertThat(Mailbox.of(admin)).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("Requerimiento de estadísticas extraordinario (Art. 12)");
            assertThat(m.body()).contains("artículo 12", "followersAtEnd, videoViews", "Motivo: Informe al Comité (Art. 8 II)",
                    "miércoles 10 de febrero de 2027 a las 18:00");
            // The Date header is the service clock's (the simulation clock in the local stack), not the host's.
            assertThat(m.sentDate().toInstant()).isBetween(mexico("2027-02-08T10:00"), mexico("2027-02-08T10:01"));
            assertThat(m.headers()).as("one Date header, no empty header").filteredOn(h -> h.startsWith("Date:")).hasSize(1);
            assertThat(m.headers()).allSatisfy(h -> assertThat(h.substring(h.indexOf(':') + 1)).as(h).isNotBlank());
        });

        // The head changes after the request was issued; the state board's head sees the district's request.
        update(snapshot(account, area, List.of(admin), newHead, List.of(stateBoard)));
        given().auth().oauth2(head(stateHead)).get("/api/requests/" + request).then().statusCode(200);
        given().auth().oauth2(head(unique("otro.titular"))).get("/api/requests/" + request).then().statusCode(404);
        assertThat(given().auth().oauth2(head(stateHead)).get("/api/requests?account=" + account).then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(request.toString());

        moveTo(mexico("2027-02-09T09:00"));
        engine.sweep();
        mail.sendDue();
        assertThat(subjects(admin)).contains("Recordatorio: vence el plazo de la cuenta " + handle(account));

        moveTo(Instant.parse("2027-02-11T00:10:01Z")); // Wednesday 18:10:01: past the deadline and its grace
        engine.sweep();
        given().auth().oauth2(cncs()).get("/api/requests/" + request).then().body("status", equalTo("ESCALATED"));
        mail.sendDue();
        assertThat(subjects(admin)).as("after hours: nothing leaves until the next business morning").hasSize(2);

        moveTo(mexico("2027-02-11T09:00"));
        mail.sendDue();
        assertThat(Mailbox.of(admin)).filteredOn(m -> m.subject().startsWith("Plazo vencido")).singleElement()
                .satisfies(m -> assertThat(m.body()).doesNotContain("se hizo del conocimiento"));
        assertThat(Mailbox.of(oldHead)).isEmpty();
        assertThat(Mailbox.of(newHead)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Requerimiento no atendido en su área: cuenta " + handle(account));
            // Two business days from Thursday 11 February 09:00: Friday 12 and Monday 15.
            assertThat(m.body()).contains("instruya la atención inmediata", "lunes 15 de febrero de 2027 a las 18:00");
        });
        Map<String, Object> escalated = request(request);
        assertThat(escalated).containsEntry("escalatedToEmail", newHead).containsEntry("attendBy", "2027-02-16T00:00:00Z");
        assertThat(pending("REQUEST_COMMITTEE", request)).contains(Instant.parse("2027-02-16T00:10:00Z"));

        // The administrator is unassigned: they no longer see the request.
        update(snapshot(account, area, List.of(), newHead, List.of(stateBoard)));
        given().auth().oauth2(TestTokens.forPerson(admin, Set.of(Roles.ACCOUNT_ADMIN), Map.of()))
                .get("/api/requests/" + request).then().statusCode(404);

        moveTo(Instant.parse("2027-02-16T00:10:01Z"));
        engine.sweep();
        given().auth().oauth2(cncs()).get("/api/requests/" + request).then().body("status", equalTo("REPORTED"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.EVALUATION, account.toString());
            assertThat(events).extracting(EventEnvelope::type).containsExactly("SubmissionRequested", "SubmissionOverdue",
                    "EscalatedToAreaHead", "ReportedToCommittee");
            EscalatedToAreaHead escalation = (EscalatedToAreaHead) events.get(2).payload();
            assertThat(escalation.headEmail()).isEqualTo(newHead);
            assertThat(escalation.attendBy()).isEqualTo(Instant.parse("2027-02-16T00:00:00Z"));
        });
    }

    @Test
    void shouldEscalateToTheParentHeadWhenTheAreaHasNoneAndAlertCncsWhenNobodyHasOne() {
        moveTo(mexico("2027-02-08T11:00"));
        String admin = unique("admin");
        String stateHead = unique("titular.jle");
        String area = "JDE-" + UUID.randomUUID().toString().substring(0, 6);
        UUID withParent = register(snapshot(UUID.randomUUID(), area, List.of(admin), null,
                List.of(new AreaLink("JLE-T", "Junta Local de prueba", "LOCAL", null, stateHead))));
        UUID orphan = register(snapshot(UUID.randomUUID(), area, List.of(admin), null,
                List.of(new AreaLink("JLE-T", "Junta Local de prueba", "LOCAL", null, null))));
        UUID first = adHoc(withParent, "2027-02-10", List.of("posts"), "Prueba");
        UUID second = adHoc(orphan, "2027-02-10", List.of("posts"), "Prueba");
        mail.sendDue();

        moveTo(mexico("2027-02-11T09:00"));
        engine.sweep();
        mail.sendDue();
        assertThat(Mailbox.of(stateHead)).singleElement().satisfies(m -> assertThat(m.body())
                .contains("como titular del área JLE-T", "no tiene titular registrado"));
        assertThat(request(first)).containsEntry("escalatedToEmail", stateHead).containsEntry("escalatedToArea", "JLE-T");
        Map<String, Object> waiting = request(second);
        assertThat(waiting).containsEntry("awaitingHead", true).containsEntry("headNoticeSentAt", null);
        assertThat(pending("REQUEST_COMMITTEE", second)).as("no head was told: the head's term does not run").isEmpty();
        assertThat(Mailbox.of(CNCS_ALERTS)).anySatisfy(m -> assertThat(m.subject())
                .isEqualTo("Sin titular: no se pudo escalar el requerimiento de " + handle(orphan)));
        assertThat(Mailbox.of(admin)).filteredOn(m -> m.subject().startsWith("Plazo vencido")).hasSize(2)
                .allSatisfy(m -> assertThat(m.body()).doesNotContain("se hizo del conocimiento"));
    }

    @Test
    void shouldHoldTheRequestOfAnAccountWithoutAdministratorUntilANoticeLeaves() {
        moveTo(mexico("2027-03-01T10:00")); // Monday
        String head = unique("titular");
        String area = "JDE-" + UUID.randomUUID().toString().substring(0, 6);
        UUID account = register(snapshot(UUID.randomUUID(), area, List.of(), head, List.of()));
        UUID request = adHoc(account, "2027-03-05", List.of("posts"), "Prueba sin administrador");
        mail.sendDue();
        Map<String, Object> held = request(request);
        assertThat(held).containsEntry("awaitingAdministrator", true).containsEntry("noticeSentAt", null);
        assertThat(pending("REQUEST_DUE", request)).isEmpty();
        assertThat(Mailbox.of(CNCS_ALERTS)).anySatisfy(m -> assertThat(m.subject())
                .isEqualTo("Cuenta sin administrador: no se pudo notificar el requerimiento de " + handle(account)));

        moveTo(mexico("2027-03-08T10:00")); // past the day CNCS set: nothing fired, nobody was required
        engine.sweep();
        assertThat(request(request)).containsEntry("status", "OPEN");

        String admin = unique("admin.nueva");
        update(snapshot(account, area, List.of(admin), head, List.of()));
        mail.sendDue();
        Map<String, Object> notified = request(request);
        assertThat(notified).containsEntry("awaitingAdministrator", false)
                // The notice took effect Monday 8 March 10:00, after the day set: one business day from it.
                .containsEntry("dueAt", "2027-03-10T00:00:00Z");
        assertThat(pending("REQUEST_DUE", request)).contains(Instant.parse("2027-03-10T00:10:00Z"));
        assertThat(Mailbox.of(admin)).singleElement().satisfies(m -> assertThat(m.body())
                .contains("martes 9 de marzo de 2027 a las 18:00"));
    }

    @Test
    void shouldNotRunATermWhileItsNoticeCannotLeave() {
        moveTo(mexico("2027-04-05T10:00")); // Monday
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), "JDE-" + UUID.randomUUID().toString().substring(0, 6),
                List.of(admin), unique("titular"), List.of()));
        UUID request = adHoc(account, "2027-04-06", List.of("posts"), "Prueba de caída de correo");
        MailOutage.stopMailServer();
        try {
            mail.sendDue();
        } finally {
            MailOutage.startMailServer();
        }
        assertThat(request(request)).containsEntry("noticeSentAt", null);
        assertThat(pending("REQUEST_DUE", request)).isEmpty();

        moveTo(mexico("2027-04-07T10:00")); // the day after the day set; the SMTP server is back
        mail.sendDue();
        // From Wednesday 7 April 10:00: one business day, Thursday 8 April, 18:00.
        assertThat(request(request)).containsEntry("dueAt", "2027-04-09T00:00:00Z");
        assertThat(Mailbox.of(admin)).singleElement().satisfies(m -> assertThat(m.body())
                .contains("jueves 8 de abril de 2027 a las 18:00"));
    }

    @Test
    void shouldWithdrawTheChainWhenAnOnTimeSubmissionArrivesAfterItFired() {
        moveTo(mexico("2027-05-03T10:00")); // Monday
        String admin = unique("admin");
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), "JDE-" + UUID.randomUUID().toString().substring(0, 6),
                List.of(admin), head, List.of()));
        UUID request = adHoc(account, "2027-05-05", List.of("posts"), "Prueba de retiro");
        mail.sendDue();
        moveTo(Instant.parse("2027-05-06T00:10:01Z"));
        engine.sweep();
        moveTo(mexico("2027-05-06T09:00"));
        mail.sendDue();
        assertThat(subjects(head)).hasSize(1);

        // Received by submissions-service at 17:59 of the last day; it reached this service late.
        Instant receivedAt = Instant.parse("2027-05-05T23:59:00Z");
        KafkaTestClient.publish(new SubmissionReceived(UUID.randomUUID(), request, account, null, "CYCLE", "X", 1, receivedAt, null, false,
                Map.of("posts", 12L), null, List.of(), LocalDate.of(2027, 5, 4), List.of(), null, 0, List.of(),
                new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(request(request))
                .containsEntry("status", "SUBMITTED").containsEntry("submittedLate", false));
        assertThat(request(request).get("chainWithdrawnAt")).isNotNull();
        assertThat(given().auth().oauth2(cncs()).get("/api/escalations?size=500").then().extract().<List<String>>path("items.id"))
                .doesNotContain(request.toString());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).filteredOn(e -> e.payload() instanceof EscalationWithdrawn).singleElement()
                .satisfies(e -> assertThat(((EscalationWithdrawn) e.payload()).notified())
                        .containsExactlyInAnyOrder(admin, head)));

        mail.sendDue();
        assertThat(subjects(admin)).contains("Aviso retirado: la cuenta " + handle(account) + " entregó a tiempo");
        assertThat(subjects(head)).contains("Aviso retirado: la cuenta " + handle(account) + " entregó a tiempo");
        moveTo(Instant.parse("2027-05-12T00:00:00Z"));
        engine.sweep();
        assertThat(request(request)).containsEntry("status", "SUBMITTED").containsEntry("reportedAt", null);
    }

    @Test
    void shouldOpenACycleAheadOfItsWindowAndNeverShortenANotifiedDeadline() {
        moveTo(mexico("2027-06-14T12:00"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2027-S1")).post("/api/cycles")
                .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("a partir del 15 de junio de 2027"));
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), "JDE-" + UUID.randomUUID().toString().substring(0, 6),
                List.of(admin), unique("titular"), List.of()));

        moveTo(mexico("2027-06-20T12:00")); // Sunday 20 June
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2027-S1")).post("/api/cycles")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/cycles/2027-S1"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2027-S1")).post("/api/cycles")
                .then().statusCode(409).body("detail", equalTo("El ciclo 2027-S1 ya fue abierto."));
        UUID request = UUID.fromString(given().auth().oauth2(cncs()).get("/api/requests?cycle=2027-S1&account=" + account)
                .then().extract().path("items[0].id"));
        mail.sendDue(); // Sunday: nothing leaves
        assertThat(request(request)).containsEntry("noticeSentAt", null);

        moveTo(mexico("2027-06-21T09:00"));
        mail.sendDue();
        // July 2027: Thursday 1, Friday 2, 5–9, 12, 13, Wednesday 14 is the 10th business day.
        assertThat(request(request)).containsEntry("dueAt", "2027-07-15T00:00:00Z")
                .containsEntry("windowOpensAt", "2027-07-01T06:00:00Z");
        assertThat(Mailbox.of(admin)).singleElement().satisfies(m -> assertThat(m.body())
                .contains("miércoles 14 de julio de 2027 a las 18:00"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).filteredOn(e -> e.payload() instanceof SubmissionRequested).singleElement()
                .satisfies(e -> assertThat(((SubmissionRequested) e.payload()).windowOpensAt())
                        .isEqualTo(Instant.parse("2027-07-01T06:00:00Z"))));

        // An electoral process makes every day a business day: the window would close on Saturday
        // 10 July at 23:59:59. The notified deadline does not move earlier.
        String process = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("name", "Proceso de prueba " + UUID.randomUUID(), "startsOn", "2027-06-01", "endsOn", "2027-07-31"))
                .post("/api/calendar/electoral-processes").then().statusCode(201).extract().path("id");
        try {
            assertThat(request(request)).containsEntry("dueAt", "2027-07-15T00:00:00Z");
            assertThat(pending("REQUEST_DUE", request)).contains(Instant.parse("2027-07-15T00:10:00Z"));
        } finally {
            given().auth().oauth2(cncs()).delete("/api/calendar/electoral-processes/" + process).then().statusCode(204);
        }

        // A holiday on the 14th moves it later, to Thursday 15 July; once told, removing the holiday
        // does not bring it back.
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("day", "2027-07-14", "description", "Día inhábil de prueba", "sourceReference", "Acuerdo de prueba"))
                .post("/api/calendar/non-working-days").then().statusCode(201);
        try {
            assertThat(request(request)).containsEntry("dueAt", "2027-07-16T00:00:00Z");
            mail.sendDue();
            assertThat(Mailbox.of(admin)).filteredOn(m -> m.subject().startsWith("Cambio de fecha límite")).singleElement()
                    .satisfies(m -> assertThat(m.body()).contains("jueves 15 de julio de 2027 a las 18:00"));
        } finally {
            given().auth().oauth2(cncs()).delete("/api/calendar/non-working-days/2027-07-14").then().statusCode(204);
        }
        Map<String, Object> after = request(request);
        assertThat(after).containsEntry("dueAt", "2027-07-16T00:00:00Z");
        assertThat(after.get("deadlineChanges").toString()).contains("2027-07-16T00:00:00Z");
    }

    @Test
    void shouldTellOnlyTheNewestDeadlineWhenTwoChangesQueueNotices() {
        moveTo(mexico("2027-08-02T10:00")); // Monday
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), "JDE-" + UUID.randomUUID().toString().substring(0, 6),
                List.of(admin), unique("titular"), List.of()));
        // 2024-S2's window (January 2025) is long past: 10 business days from the notice.
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2024-S2")).post("/api/cycles")
                .then().statusCode(201);
        UUID request = UUID.fromString(given().auth().oauth2(cncs()).get("/api/requests?cycle=2024-S2&account=" + account)
                .then().extract().path("items[0].id"));
        mail.sendDue();
        // From Monday 2 August 10:00: 3–6, 9–13 and Monday 16 August, the 10th business day.
        assertThat(request(request)).containsEntry("dueAt", "2027-08-17T00:00:00Z");

        try {
            for (String day : List.of("2027-08-16", "2027-08-17")) {
                given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                        .body(Map.of("day", day, "description", "Día inhábil de prueba", "sourceReference", "Acuerdo de prueba"))
                        .post("/api/calendar/non-working-days").then().statusCode(201);
            }
            assertThat(request(request)).containsEntry("dueAt", "2027-08-19T00:00:00Z");
            mail.sendDue();
            assertThat(Mailbox.of(admin)).filteredOn(m -> m.subject().startsWith("Cambio de fecha límite")).singleElement()
                    .satisfies(m -> assertThat(m.body()).contains("miércoles 18 de agosto de 2027 a las 18:00")
                            .doesNotContain("17 de agosto"));
            assertThat(given().auth().oauth2(cncs()).get("/api/notifications?subject=" + request).then().extract()
                    .<List<String>>path("items.findAll { it.kind == 'DEADLINE_CHANGED' }.status"))
                    .containsExactlyInAnyOrder("SENT", "CANCELLED");
        } finally {
            for (String day : List.of("2027-08-16", "2027-08-17")) {
                given().auth().oauth2(cncs()).delete("/api/calendar/non-working-days/" + day).then().statusCode(204);
            }
        }
        assertThat(request(request)).as("told, it does not move back").containsEntry("dueAt", "2027-08-19T00:00:00Z");
    }

    @Test
    void shouldRefuseAdHocRequestsOnARestDayOrWithARepeatedAccount() {
        moveTo(mexico("2027-02-08T12:00"));
        UUID account = register(snapshot(UUID.randomUUID(), "JDE-" + UUID.randomUUID().toString().substring(0, 6),
                List.of(unique("admin")), unique("titular"), List.of()));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("posts"),
                        "dueOn", "2027-02-13", "reason", "Sábado"))
                .post("/api/requests/ad-hoc").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString(), account.toString()), "requestedFields", List.of("posts"),
                        "dueOn", "2027-02-12", "reason", "Repetida"))
                .post("/api/requests/ad-hoc").then().statusCode(400).body("errors[0].field", equalTo("accountIds[1]"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("posts"),
                        "dueOn", "2027-02-08", "reason", "Hoy, ya pasó su hora"))
                .post("/api/requests/ad-hoc").then().statusCode(201);
        assertThat(given().auth().oauth2(cncs()).get("/api/requests?account=" + account).then().extract()
                .<List<?>>path("items")).hasSize(1);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static Instant mexico(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MEXICO).toInstant();
    }

    private void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead.isNegative()).as("the clock only moves forward, to " + target).isFalse();
        clock.advance(ahead);
    }

    private static AccountSnapshot snapshot(UUID id, String area, List<String> admins, String head, List<AreaLink> ancestors) {
        return new AccountSnapshot(id, "X", "h" + id.toString().substring(0, 8), "https://x.com/h", "Cuenta", "INSTITUTIONAL",
                "ACTIVE", area, "Junta de prueba", "DISTRICT", 7, 3, head == null ? null : "Titular", head, admins,
                LocalDate.of(2026, 1, 5), null, ancestors);
    }


    private static UUID register(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + snapshot.accountId()).then().statusCode(200));
        return snapshot.accountId();
    }

    private static void update(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountUpdated(snapshot, List.of("administratorEmails", "headEmail")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Object> projected = given().auth().oauth2(cncs()).get("/api/registry/accounts/" + snapshot.accountId())
                    .then().statusCode(200).extract().path("$");
            assertThat(projected.get("headEmail")).isEqualTo(snapshot.headEmail());
            assertThat(projected.get("administratorEmails")).isEqualTo(snapshot.administratorEmails());
        });
    }

    private static UUID adHoc(UUID account, String dueOn, List<String> fields, String reason) {
        String id = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", fields, "dueOn", dueOn, "reason", reason))
                .post("/api/requests/ad-hoc").then().statusCode(201).extract().path("[0].id");
        return UUID.fromString(id);
    }

    private static Map<String, Object> request(UUID id) {
        return given().auth().oauth2(cncs()).get("/api/requests/" + id).then().statusCode(200).extract().path("$");
    }

    private Optional<Instant> pending(String kind, UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> engine.pendingDueAt(kind, request));
    }

    private static List<String> subjects(String address) {
        return new ArrayList<>(Mailbox.of(address).stream().map(Mailbox.Mail::subject).toList());
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    private static String head(String email) {
        return TestTokens.forPerson(email, Set.of(Roles.AREA_HEAD), Map.of());
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
