package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.ReviewFlow.handle;
import static org.assertj.core.api.Assertions.assertThat;
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
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.SubmissionRequestWithdrawn;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Withdrawing a request (issue 11): by CNCS, or by the account's baja. On the real database, broker
 * and SMTP server, the clock moved to fixed instants of late 2027 (Mexico City: UTC-6). A withdrawn
 * request runs no term, fires no chain, takes no submission, counts nowhere as pending, and only
 * those who were told of it are told it was withdrawn.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class RequestWithdrawalTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final String CNCS_EMAIL = "cncs@ine.mx";

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
    void shouldStopTheDeadlineAndTellTheAdministratorsWhenCncsWithdrawsANotifiedRequest() {
        moveTo(mexico("2027-10-04T10:00")); // Monday, business time
        String admin = unique("admin");
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), head));
        UUID request = adHoc(account, "2027-10-06", List.of("posts", "followersAtEnd"), "Informe al Comité");
        sendAll();
        assertThat(request(request)).containsEntry("dueAt", "2027-10-07T00:00:00Z"); // Wednesday 6 October, 18:00
        assertThat(pending("REQUEST_DUE", request)).contains(Instant.parse("2027-10-07T00:10:00Z"));
        assertThat(pending("REQUEST_REMINDER", request)).contains(Instant.parse("2027-10-05T15:00:00Z"));

        moveTo(mexico("2027-10-04T10:30"));
        Map<String, Object> withdrawn = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("reason", "El Comité canceló el informe.\nSe avisará de uno nuevo."))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(200).extract().path("$");
        assertThat(withdrawn).containsEntry("id", request.toString()).containsEntry("status", "WITHDRAWN")
                .containsEntry("withdrawnBy", CNCS_EMAIL)
                .containsEntry("withdrawalReason", "El Comité canceló el informe.\nSe avisará de uno nuevo.");
        assertThat(Instant.parse((String) withdrawn.get("withdrawnAt"))).isBetween(mexico("2027-10-04T10:30"),
                mexico("2027-10-04T10:31"));
        assertThat(pending("REQUEST_DUE", request)).isEmpty();
        assertThat(pending("REQUEST_REMINDER", request)).isEmpty();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(withdrawals(account)).singleElement()
                .satisfies(event -> {
                    assertThat(event.requestId()).isEqualTo(request);
                    assertThat(event.accountId()).isEqualTo(account);
                    assertThat(event.cycleId()).isNull();
                    assertThat(event.reason()).isEqualTo("El Comité canceló el informe.\nSe avisará de uno nuevo.");
                    assertThat(event.withdrawnBy()).isEqualTo(CNCS_EMAIL);
                    assertThat(event.withdrawnAt()).isBetween(mexico("2027-10-04T10:30"), mexico("2027-10-04T10:31"));
                }));

        sendAll();
        assertThat(Mailbox.of(admin)).filteredOn(m -> m.subject().startsWith("Requerimiento retirado")).singleElement()
                .satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("Requerimiento retirado: cuenta " + handle(account));
                    assertThat(text(m)).startsWith("Queda sin efecto el requerimiento de estadísticas extraordinario (Art. 12)"
                            + " de la cuenta " + handle(account) + " (información requerida: posts, followersAtEnd), cuya"
                            + " fecha límite se le notificó para el miércoles 6 de octubre de 2027 a las 18:00 (hora del centro"
                            + " de México). Fue retirado el lunes 4 de octubre de 2027 a las 10:30 (hora del centro de México)."
                            + "\n\nMotivo: El Comité canceló el informe.\nSe avisará de uno nuevo.\n\nYa no debe entregar"
                            + " información para este requerimiento; no se requiere ninguna acción.");
                });

        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Otra vez"))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("El requerimiento ya fue retirado el lunes 4 de octubre de 2027 a las 10:30 (hora"
                        + " del centro de México). Motivo: El Comité canceló el informe.\nSe avisará de uno nuevo."));

        // Past the deadline and its grace, then the next business morning: nothing of the chain runs.
        moveTo(Instant.parse("2027-10-07T00:10:01Z"));
        engine.sweep();
        moveTo(mexico("2027-10-07T09:00"));
        engine.sweep();
        sendAll();
        assertThat(request(request)).containsEntry("status", "WITHDRAWN").containsEntry("escalatedAt", null);
        assertThat(Mailbox.of(admin)).extracting(Mailbox.Mail::subject).containsExactly(
                "Requerimiento de estadísticas extraordinario (Art. 12): cuenta " + handle(account),
                "Requerimiento retirado: cuenta " + handle(account));
        assertThat(Mailbox.of(head)).isEmpty();
        assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION, account.toString())).extracting(EventEnvelope::type)
                .containsExactly("SubmissionRequested", "SubmissionRequestWithdrawn");
    }

    @Test
    void shouldWithdrawWithoutAnyMailARequestWhoseNoticeNeverLeft() {
        moveTo(mexico("2027-10-11T10:00")); // Monday
        String area = area();
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), area, List.of(), head));
        UUID request = adHoc(account, "2027-10-13", List.of("posts"), "Prueba sin administrador");
        sendAll();
        assertThat(request(request)).containsEntry("awaitingAdministrator", true).containsEntry("noticeSentAt", null);

        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Se pidió por error."))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("awaitingAdministrator", equalTo(false));

        // The registry gives the account an administrator afterwards: nobody was told, so nobody is untold.
        String admin = unique("admin.nueva");
        update(snapshot(account, area, List.of(admin), head));
        sendAll();
        assertThat(Mailbox.of(admin)).isEmpty();
        assertThat(given().auth().oauth2(cncs()).get("/api/notifications?subject=" + request).then().statusCode(200)
                .extract().<List<Map<String, Object>>>path("items"))
                .filteredOn(n -> !"NO_ADMINISTRATOR_ALERT".equals(n.get("kind")))
                .singleElement().satisfies(n -> assertThat(n).containsEntry("kind", "REQUEST_ISSUED")
                        .containsEntry("status", "CANCELLED").containsEntry("sentAt", null));
        assertThat(pending("REQUEST_DUE", request)).isEmpty();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(withdrawals(account)).singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo("Se pidió por error.")));
    }

    @Test
    void shouldRefuseToWithdrawAnAttendedRequestAndWithdrawalsByOthersThanCncs() {
        moveTo(mexico("2027-10-18T10:00")); // Monday
        String admin = unique("admin");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), unique("titular")));
        UUID request = adHoc(account, "2027-10-20", List.of("posts"), "Prueba de atendido");
        sendAll();

        given().auth().oauth2(TestTokens.forPerson(admin, Set.of(Roles.ACCOUNT_ADMIN), Map.of())).contentType(ContentType.JSON)
                .body(Map.of("reason", "No quiero")).post("/api/requests/" + request + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "   "))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(2001)))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Desconocido"))
                .post("/api/requests/" + UUID.randomUUID() + "/withdrawal").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(request(request)).containsEntry("status", "OPEN").containsEntry("withdrawnAt", null);

        KafkaTestClient.publish(new SubmissionReceived(UUID.randomUUID(), request, account, null, "AD_HOC", "X", 1,
                mexico("2027-10-18T10:05"), null, false, Map.of("posts", 12L), null, List.of(), LocalDate.of(2027, 10, 15),
                List.of(), null, 0, List.of(), new SubmissionReceived.EnteredBy(admin, false, null, null)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(request(request))
                .containsEntry("status", "SUBMITTED"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Tarde"))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("El requerimiento ya fue atendido: la información se recibió el lunes 18 de octubre"
                        + " de 2027 a las 10:05 (hora del centro de México); ya no puede retirarse."));
        given().auth().oauth2(cncs()).header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("reason", "Late"))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(409)
                .body("detail", equalTo("The request has already been attended: its information was received at"
                        + " 2027-10-18T16:05:00Z; it can no longer be withdrawn."));
        assertThat(request(request)).containsEntry("status", "SUBMITTED").containsEntry("withdrawnAt", null);
    }

    @Test
    void shouldWithdrawTheStandingRequestsOfADecommissionedAccountAndCountThemApartInProgress() {
        moveTo(mexico("2027-11-08T10:00")); // Monday
        String area = area();
        String leaving = unique("admin.baja");
        String attended = unique("admin.atendida");
        String waiting = unique("admin.pendiente");
        UUID decommissioned = register(snapshot(UUID.randomUUID(), area, List.of(leaving), unique("titular")));
        UUID submittedThenDecommissioned = register(snapshot(UUID.randomUUID(), area, List.of(attended), unique("titular")));
        UUID stillActive = register(snapshot(UUID.randomUUID(), area, List.of(waiting), unique("titular")));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", "2025-S1")).post("/api/cycles")
                .then().statusCode(201);
        UUID cycleRequest = cycleRequest("2025-S1", decommissioned);
        UUID attendedRequest = cycleRequest("2025-S1", submittedThenDecommissioned);
        UUID adHocRequest = adHoc(decommissioned, "2027-11-10", List.of("evidence"), "Captura de pantalla");
        sendAll();
        // 2025-S1's window is long past: 10 business days from Monday 8 November 10:00, skipping Monday 15
        // November (third Monday of November): 9–12, 16–19, 22 and Tuesday 23 November, 18:00.
        assertThat(request(cycleRequest)).containsEntry("dueAt", "2027-11-24T00:00:00Z");

        KafkaTestClient.publish(new SubmissionReceived(UUID.randomUUID(), attendedRequest, submittedThenDecommissioned,
                "2025-S1", "CYCLE", "X", 1, mexico("2027-11-08T10:10"), null, false, Map.of("posts", 40L), null, List.of(),
                LocalDate.of(2025, 6, 30), List.of(), null, 0, List.of(),
                new SubmissionReceived.EnteredBy(attended, false, null, null)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(request(attendedRequest))
                .containsEntry("status", "SUBMITTED"));

        for (UUID account : List.of(decommissioned, submittedThenDecommissioned)) {
            KafkaTestClient.publish(new AccountDecommissioned(account, "X", "h" + account.toString().substring(0, 8), area,
                    LocalDate.of(2027, 11, 8), "Cuenta inactiva", "Sin publicar desde 2025"));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(request(cycleRequest)).containsEntry("status", "WITHDRAWN");
            assertThat(request(adHocRequest)).containsEntry("status", "WITHDRAWN");
        });
        for (UUID withdrawn : List.of(cycleRequest, adHocRequest)) {
            assertThat(request(withdrawn)).containsEntry("withdrawnBy", "registry")
                    .containsEntry("withdrawalReason", "La cuenta fue dada de baja.");
            assertThat(pending("REQUEST_DUE", withdrawn)).isEmpty();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(withdrawals(decommissioned))
                .extracting(SubmissionRequestWithdrawn::requestId, SubmissionRequestWithdrawn::cycleId,
                        SubmissionRequestWithdrawn::reason, SubmissionRequestWithdrawn::withdrawnBy)
                .containsExactlyInAnyOrder(
                        tuple(cycleRequest, "2025-S1", "La cuenta fue dada de baja.", "registry"),
                        tuple(adHocRequest, null, "La cuenta fue dada de baja.", "registry")));
        // The baja of an account that had already submitted changes nothing of its request.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(cncs())
                .get("/api/registry/accounts/" + submittedThenDecommissioned).then().body("status", equalTo("DECOMMISSIONED")));
        assertThat(request(attendedRequest)).containsEntry("status", "SUBMITTED").containsEntry("withdrawnAt", null);
        assertThat(withdrawals(submittedThenDecommissioned)).isEmpty();

        sendAll();
        assertThat(Mailbox.of(leaving)).filteredOn(m -> m.subject().startsWith("Requerimiento retirado")).hasSize(2)
                .allSatisfy(m -> assertThat(text(m)).contains("\n\nMotivo: La cuenta fue dada de baja.\n\n"))
                .anySatisfy(m -> assertThat(m.body()).contains("requerimiento de estadísticas del ciclo 2025-S1",
                        "cuya fecha límite se le notificó para el martes 23 de noviembre de 2027 a las 18:00"))
                .anySatisfy(m -> assertThat(m.body()).contains("extraordinario (Art. 12)", "(información requerida: evidence)",
                        "cuya fecha límite se le notificó para el miércoles 10 de noviembre de 2027 a las 18:00"));
        assertThat(Mailbox.of(attended)).extracting(Mailbox.Mail::subject).noneMatch(s -> s.startsWith("Requerimiento retirado"));

        // Three accounts of the area asked: one withdrawn, one submitted on time, one still missing.
        Map<String, Object> counts = given().auth().oauth2(cncs()).get("/api/cycles/2025-S1/progress").then().statusCode(200)
                .extract().path("byArea.find { it.key == '" + area + "' }.counts");
        assertThat(counts).isEqualTo(Map.of("requested", 2, "submitted", 1, "onTime", 1, "late", 0, "missing", 1,
                "overdue", 0, "withdrawn", 1));
        assertThat(request(cycleRequest("2025-S1", stillActive))).containsEntry("status", "OPEN");
    }

    @Test
    void shouldTakeAWithdrawnEscalationOffTheListsAndNeverReportItButRefuseToWithdrawAReportedOne() {
        moveTo(mexico("2027-12-06T10:00")); // Monday
        String admin = unique("admin");
        String head = unique("titular");
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(admin), head));
        UUID request = adHoc(account, "2027-12-08", List.of("posts"), "Prueba de escalamiento retirado");
        UUID other = register(snapshot(UUID.randomUUID(), area(), List.of(unique("admin")), unique("titular")));
        UUID reported = adHoc(other, "2027-12-08", List.of("posts"), "Prueba de escalamiento informado");
        sendAll();
        moveTo(Instant.parse("2027-12-09T00:10:01Z")); // Wednesday 8 December 18:10:01, past the deadline's grace
        engine.sweep();
        moveTo(mexico("2027-12-09T09:00"));
        sendAll();
        // Two business days from the head's notice (Thursday 9 December 09:00): Friday 10 and Monday 13.
        assertThat(request(request)).containsEntry("status", "ESCALATED").containsEntry("attendBy", "2027-12-14T00:00:00Z");
        assertThat(escalations()).contains(request.toString());

        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "El área ya lo atendió por oficio."))
                .post("/api/requests/" + request + "/withdrawal").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        assertThat(escalations()).doesNotContain(request.toString());
        assertThat(pending("REQUEST_COMMITTEE", request)).isEmpty();

        moveTo(Instant.parse("2027-12-14T00:10:01Z")); // Monday 13 December 18:10:01: the head's term and its grace ended
        engine.sweep();
        assertThat(request(request)).containsEntry("status", "WITHDRAWN").containsEntry("reportedAt", null);
        assertThat(request(reported)).containsEntry("status", "REPORTED");
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Demasiado tarde"))
                .post("/api/requests/" + reported + "/withdrawal").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("El requerimiento ya fue informado al Comité como incumplimiento el lunes 13 de"
                        + " diciembre de 2027 a las 18:10 (hora del centro de México); ya no puede retirarse."));
        assertThat(request(reported)).containsEntry("status", "REPORTED").containsEntry("withdrawnAt", null);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).extracting(EventEnvelope::type).containsExactly("SubmissionRequested", "SubmissionOverdue",
                "EscalatedToAreaHead", "SubmissionRequestWithdrawn"));
        moveTo(mexico("2027-12-14T09:00"));
        sendAll();
        assertThat(Mailbox.of(admin)).filteredOn(m -> m.subject().startsWith("Requerimiento retirado")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains(
                        "cuya fecha límite se le notificó para el miércoles 8 de diciembre de 2027 a las 18:00",
                        "Motivo: El área ya lo atendió por oficio."));
    }

    @Test
    void shouldTellAWithdrawalOnlyOnceTheFirstNoticeInFlightReallyLeft() {
        moveTo(mexico("2028-01-10T10:00")); // Monday
        String toldAdmin = unique("admin.avisada");
        String untoldAdmin = unique("admin.no.avisada");
        UUID told = register(snapshot(UUID.randomUUID(), area(), List.of(toldAdmin), unique("titular")));
        UUID untold = register(snapshot(UUID.randomUUID(), area(), List.of(untoldAdmin), unique("titular")));
        UUID delivered = adHoc(told, "2028-01-12", List.of("posts"), "Prueba de aviso en vuelo");
        UUID failed = adHoc(untold, "2028-01-12", List.of("posts"), "Prueba de aviso fallido");
        // Both first notices were claimed by the sender and their mail is on its way when CNCS withdraws.
        claimFirstNotice(delivered);
        claimFirstNotice(failed);
        for (UUID request : List.of(delivered, failed)) {
            given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Retiro durante el envío."))
                    .post("/api/requests/" + request + "/withdrawal").then().statusCode(200);
        }
        sendAll();
        assertThat(notices(delivered)).containsEntry("REQUEST_WITHDRAWN", "QUEUED");
        assertThat(Mailbox.of(toldAdmin)).as("not before the first notice is known to have left").isEmpty();

        // One mail was accepted by the SMTP server; the other failed and went back to the queue.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            update notification set status = 'SENT', sent_at = :now, lease_until = null, follow_up_pending = true
                            where subject_id = :subject and kind = 'REQUEST_ISSUED'""")
                    .setParameter("now", clock.instant()).setParameter("subject", delivered).executeUpdate();
            entityManager.createNativeQuery("""
                            update notification set status = 'QUEUED', not_before = :now, lease_until = null
                            where subject_id = :subject and kind = 'REQUEST_ISSUED'""")
                    .setParameter("now", clock.instant()).setParameter("subject", failed).executeUpdate();
        });
        moveTo(mexico("2028-01-10T10:05"));
        sendAll();

        assertThat(Mailbox.of(toldAdmin)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Requerimiento retirado: cuenta " + handle(told));
            assertThat(text(m)).contains("cuya fecha límite se le notificó para el miércoles 12 de enero de 2028 a las 18:00",
                    "Motivo: Retiro durante el envío.");
        });
        assertThat(notices(delivered)).containsEntry("REQUEST_ISSUED", "SENT").containsEntry("REQUEST_WITHDRAWN", "SENT");
        assertThat(request(delivered)).containsEntry("status", "WITHDRAWN");
        assertThat(pending("REQUEST_DUE", delivered)).as("no term runs from a notice of a withdrawn request").isEmpty();

        assertThat(Mailbox.of(untoldAdmin)).isEmpty();
        assertThat(notices(failed)).containsEntry("REQUEST_ISSUED", "CANCELLED").containsEntry("REQUEST_WITHDRAWN", "CANCELLED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION, told.toString())).extracting(EventEnvelope::type)
                    .containsExactly("SubmissionRequested", "SubmissionRequestWithdrawn");
            assertThat(withdrawals(untold)).hasSize(1);
        });
    }

    @Test
    void shouldRefuseAnAdHocRequestForAFieldNoFormKnows() {
        moveTo(mexico("2027-10-25T10:00")); // Monday
        UUID account = register(snapshot(UUID.randomUUID(), area(), List.of(unique("admin")), unique("titular")));
        String known = "posts, ownPosts, cncsPosts, impressions, profileVisits, mentions, followers, multimediaPosts, shares,"
                + " likes, reach, followerGrowth, plays, followersAtStart, followersAtEnd, stories, videoViews,"
                + " watchTimeMinutes, audience, campaigns, lastPublicationOn, evidence";
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("A", "posts"),
                        "dueOn", "2027-10-27", "reason", "Campo desconocido"))
                .post("/api/requests/ad-hoc").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Solo pueden requerirse, una vez cada uno, campos que los formularios conocen: "
                        + known + ". No se emitió ningún requerimiento."))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("requestedFields[0]"))
                .body("errors[0].message", equalTo("Campo desconocido: «A». Los campos son: " + known + "."));
        given().auth().oauth2(cncs()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("posts", "followersEnd", "posts"),
                        "dueOn", "2027-10-27", "reason", "Campo desconocido y repetido"))
                .post("/api/requests/ad-hoc").then().statusCode(400)
                .body("errors.field", equalTo(List.of("requestedFields[1]", "requestedFields[2]")))
                .body("errors[1].message", equalTo("Repeated field: already at requestedFields[0]."));
        assertThat(given().auth().oauth2(cncs()).get("/api/requests?account=" + account).then().extract()
                .<List<?>>path("items")).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** What the sender's claim does: the request's first notice is SENDING, its mail in flight. */
    private void claimFirstNotice(UUID request) {
        QuarkusTransaction.requiringNew().run(() -> assertThat(entityManager.createNativeQuery("""
                        update notification set status = 'SENDING', lease_until = :lease, attempts = attempts + 1
                        where subject_id = :subject and kind = 'REQUEST_ISSUED' and status = 'QUEUED'""")
                .setParameter("lease", clock.instant().plus(Duration.ofMinutes(5)))
                .setParameter("subject", request)
                .executeUpdate()).isEqualTo(1));
    }

    /** The request's notices, kind → status (one of each kind here). */
    private static Map<String, String> notices(UUID request) {
        List<Map<String, Object>> items = given().auth().oauth2(cncs()).get("/api/notifications?subject=" + request).then()
                .statusCode(200).extract().path("items");
        Map<String, String> statuses = new HashMap<>();
        items.forEach(n -> statuses.put((String) n.get("kind"), (String) n.get("status")));
        return statuses;
    }

    /** A mail's text with the line breaks it was written with (SMTP carries CRLF). */
    private static String text(Mailbox.Mail mail) {
        return mail.body().replace("\r\n", "\n");
    }

    private static Instant mexico(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MEXICO).toInstant();
    }

    private void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead.isNegative()).as("the clock only moves forward, to " + target).isFalse();
        clock.advance(ahead);
    }

    /** Every notice due now leaves (a cycle opened in another test class may have queued many). */
    private void sendAll() {
        for (int sweep = 0; sweep < 20 && mail.sendDue() > 0; sweep++) {
            // until a sweep sends nothing
        }
    }

    private static AccountSnapshot snapshot(UUID id, String area, List<String> admins, String head) {
        return new AccountSnapshot(id, "X", "h" + id.toString().substring(0, 8), "https://x.com/h", "Cuenta", "INSTITUTIONAL",
                "ACTIVE", area, "Junta de prueba", "DISTRICT", 7, 3, head == null ? null : "Titular", head, admins,
                LocalDate.of(2026, 1, 5), null, List.of());
    }

    private static String area() {
        return "JDE-" + UUID.randomUUID().toString().substring(0, 6);
    }


    private static UUID register(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        // Polled quietly: a 404 until the projection has it is expected, not a failure to log.
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

    private static UUID adHoc(UUID account, String dueOn, List<String> fields, String reason) {
        String id = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", fields, "dueOn", dueOn, "reason", reason))
                .post("/api/requests/ad-hoc").then().statusCode(201).extract().path("[0].id");
        return UUID.fromString(id);
    }

    private static UUID cycleRequest(String cycle, UUID account) {
        return UUID.fromString(given().auth().oauth2(cncs()).get("/api/requests?cycle=" + cycle + "&account=" + account)
                .then().statusCode(200).extract().path("items[0].id"));
    }

    private static Map<String, Object> request(UUID id) {
        return given().auth().oauth2(cncs()).get("/api/requests/" + id).then().statusCode(200).extract().path("$");
    }

    private static List<String> escalations() {
        return given().auth().oauth2(cncs()).get("/api/escalations?size=500").then().statusCode(200).extract().path("items.id");
    }

    private static List<SubmissionRequestWithdrawn> withdrawals(UUID account) {
        return KafkaTestClient.eventsFor(Topics.EVALUATION, account.toString()).stream()
                .map(EventEnvelope::payload)
                .filter(SubmissionRequestWithdrawn.class::isInstance)
                .map(SubmissionRequestWithdrawn.class::cast)
                .toList();
    }

    private Optional<Instant> pending(String kind, UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> engine.pendingDueAt(kind, request));
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
