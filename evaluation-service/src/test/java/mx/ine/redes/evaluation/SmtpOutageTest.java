package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.ReviewFlow.adHoc;
import static mx.ine.redes.evaluation.testing.ReviewFlow.area;
import static mx.ine.redes.evaluation.testing.ReviewFlow.cncs;
import static mx.ine.redes.evaluation.testing.ReviewFlow.mexico;
import static mx.ine.redes.evaluation.testing.ReviewFlow.register;
import static mx.ine.redes.evaluation.testing.ReviewFlow.request;
import static mx.ine.redes.evaluation.testing.ReviewFlow.snapshot;
import static mx.ine.redes.evaluation.testing.ReviewFlow.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.testing.MailOutage;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.testing.ReviewFlow;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server down for one hour of simulated time, Friday 14 May 2027 from 17:10 to 18:10 (Mexico City,
 * UTC-6), with the mail queue swept every simulated minute as the service's poller would. A term runs only from
 * a notice that really left (domain.md §3), so each request's deadline is written out here from the instant its
 * notice left, by the rules: an act after 18:00 takes effect at 09:00 of the next business day; an ad hoc request
 * is due at 18:00 of the day CNCS set, or, if its notice takes effect only after that, 18:00 of the next business
 * day after the effect. May 2027 has no non-working day on a weekday between the 14th and the 18th.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class SmtpOutageTest {

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
    void shouldQueueNoticesWhileSmtpIsDownSendThemAfterwardsAndRunEachTermFromWhenItLeft() {
        ReviewFlow flow = new ReviewFlow(clock, engine, mail);
        String adminBefore = unique("admin.antes");
        String adminDuring = unique("admin.durante");
        String adminLater = unique("admin.despues");
        UUID before = register(snapshot(UUID.randomUUID(), area(), List.of(adminBefore), unique("titular")));
        UUID during = register(snapshot(UUID.randomUUID(), area(), List.of(adminDuring), unique("titular")));
        UUID later = register(snapshot(UUID.randomUUID(), area(), List.of(adminLater), unique("titular")));

        // Friday 17:00, the server up: the notice leaves at once and the day set stands.
        flow.moveTo(mexico("2027-05-14T17:00"));
        UUID sentBefore = adHoc(before, "2027-05-14", List.of("posts"), "Antes de la caída del correo");
        flow.sendAll();
        assertThat(request(sentBefore)).containsEntry("dueAt", "2027-05-15T00:00:00Z"); // Friday 14 May, 18:00
        assertLeftWithin(sentBefore, mexico("2027-05-14T17:00"));
        // Read now: the test server forgets what it received when it is stopped.
        assertThat(Mailbox.of(adminBefore)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("viernes 14 de mayo de 2027 a las 18:00"));

        // 17:10 the server goes down for an hour; two requests are issued while it is.
        flow.moveTo(mexico("2027-05-14T17:10"));
        MailOutage.stopMailServer();
        UUID queuedFriday;
        UUID queuedForMonday;
        try {
            sweepEveryMinute(flow, "2027-05-14T17:10", "2027-05-14T17:15");
            queuedFriday = adHoc(during, "2027-05-14", List.of("posts"), "Durante la caída, para hoy");
            sweepEveryMinute(flow, "2027-05-14T17:15", "2027-05-14T17:40");
            queuedForMonday = adHoc(later, "2027-05-17", List.of("posts"), "Durante la caída, para el lunes");
            sweepEveryMinute(flow, "2027-05-14T17:40", "2027-05-14T18:09");

            for (UUID queued : List.of(queuedFriday, queuedForMonday)) {
                assertThat(request(queued)).containsEntry("noticeSentAt", null);
                assertThat(pendingDue(queued)).as("no term runs while its notice has not left").isEmpty();
                Map<String, Object> notice = issuedNotice(queued);
                assertThat(notice).containsEntry("status", "QUEUED").containsEntry("sentAt", null);
                assertThat((Integer) notice.get("attempts")).as("retried during the outage, never given up").isGreaterThan(1);
            }
        } finally {
            flow.moveTo(mexico("2027-05-14T18:10"));
            MailOutage.startMailServer();
        }
        assertThat(Mailbox.of(adminDuring)).isEmpty();
        assertThat(Mailbox.of(adminLater)).isEmpty();

        // 18:10 the server is back, but it is after hours: a notice sent now would take effect on Monday at 09:00
        // anyway, and the queue holds it until then.
        sweepEveryMinute(flow, "2027-05-14T18:10", "2027-05-14T18:30");
        assertThat(Mailbox.of(adminDuring)).isEmpty();
        assertThat(request(queuedFriday)).containsEntry("noticeSentAt", null);

        // Monday 17 May 09:00: both leave, and each term runs from then.
        flow.moveTo(mexico("2027-05-17T09:00"));
        flow.sendAll();
        assertLeftWithin(queuedFriday, mexico("2027-05-17T09:00"));
        assertLeftWithin(queuedForMonday, mexico("2027-05-17T09:00"));
        // The day set (Friday) was over when the notice took effect: one business day from Monday, Tuesday 18 May 18:00.
        assertThat(request(queuedFriday)).containsEntry("dueAt", "2027-05-19T00:00:00Z");
        assertThat(pendingDue(queuedFriday)).contains(Instant.parse("2027-05-19T00:10:00Z")); // + 10 min of grace
        assertThat(Mailbox.of(adminDuring)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("martes 18 de mayo de 2027 a las 18:00"));
        // The day set (Monday) is still ahead of the effect: Monday 17 May 18:00.
        assertThat(request(queuedForMonday)).containsEntry("dueAt", "2027-05-18T00:00:00Z");
        assertThat(pendingDue(queuedForMonday)).contains(Instant.parse("2027-05-18T00:10:00Z"));
        assertThat(Mailbox.of(adminLater)).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("lunes 17 de mayo de 2027 a las 18:00"));
        // The one that left before the outage was never touched by it.
        assertThat(request(sentBefore)).containsEntry("dueAt", "2027-05-15T00:00:00Z");
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** One sweep of the mail queue per simulated minute after {@code from} up to {@code to} (included), where the clock ends. */
    private static void sweepEveryMinute(ReviewFlow flow, String from, String to) {
        for (Instant minute = mexico(from).plus(Duration.ofMinutes(1)); !minute.isAfter(mexico(to));
             minute = minute.plus(Duration.ofMinutes(1))) {
            flow.moveTo(minute);
            flow.sendAll();
        }
    }

    /** The notice left in the first minute from {@code at} (the sweep that sent it ran then), as the request records it. */
    private static void assertLeftWithin(UUID request, Instant at) {
        Instant sent = Instant.parse((String) request(request).get("noticeSentAt"));
        assertThat(sent).isBetween(at, at.plus(Duration.ofMinutes(1)));
        assertThat(Instant.parse((String) issuedNotice(request).get("sentAt"))).isEqualTo(sent);
    }

    private static Map<String, Object> issuedNotice(UUID request) {
        List<Map<String, Object>> notices = given().auth().oauth2(cncs()).get("/api/notifications?subject=" + request)
                .then().statusCode(200).extract().path("items");
        return notices.stream().filter(n -> "REQUEST_ISSUED".equals(n.get("kind"))).findFirst().orElseThrow();
    }

    private Optional<Instant> pendingDue(UUID request) {
        return QuarkusTransaction.requiringNew().call(() -> engine.pendingDueAt("REQUEST_DUE", request));
    }
}
