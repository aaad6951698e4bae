package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.notification.Notice;
import mx.ine.redes.evaluation.notification.NoticeKind;
import mx.ine.redes.evaluation.service.CalendarService;
import mx.ine.redes.evaluation.testing.MailOutage;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class NotificationTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    @Inject
    MailNotifier notifier;

    @Inject
    CalendarService calendar;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldHoldANoticeQueuedAfterHoursUntilTheNextBusinessMorning() {
        // An evening whose next day is a business day, at least a day from now.
        LocalDate day = LocalDate.now(MEXICO).plusDays(1);
        while (!calendar.calculator().calendar().isBusinessDay(day.plusDays(1))) {
            day = day.plusDays(1);
        }
        Instant evening = day.atTime(20, 0).atZone(MEXICO).toInstant();
        Instant nextMorning = day.plusDays(1).atTime(9, 0).atZone(MEXICO).toInstant();
        clock.advance(Duration.between(clock.instant(), evening));
        String recipient = "nocturno." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
        UUID subject = UUID.randomUUID();
        UUID id = QuarkusTransaction.requiringNew().call(() -> notifier.enqueue(new Notice(NoticeKind.DEADLINE_REMINDER,
                List.of(recipient), subject, UUID.randomUUID(), Map.of("network", "X", "handle", "inemexico",
                "cycle", "2026-S1", "dueAt", "martes 14 de julio de 2026 a las 18:00"))));

        notifier.sendDue();
        assertThat(Mailbox.of(recipient)).isEmpty();

        clock.advance(Duration.between(clock.instant(), nextMorning));
        notifier.sendDue();
        List<Mailbox.Mail> received = Mailbox.of(recipient);
        assertThat(received).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Recordatorio: vence el plazo de la cuenta @inemexico (X)");
            assertThat(mail.body()).contains("vence el martes 14 de julio de 2026 a las 18:00");
            assertThat(mail.messageId()).isEqualTo("<" + id + "@redes.ine.mx>");
        });
        Map<String, Object> recorded = given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/notifications?subject=" + subject)
                .then().statusCode(200).extract().path("items[0]");
        assertThat(recorded).containsEntry("status", "SENT");
        assertThat(Instant.parse((String) recorded.get("sentAt"))).isBetween(nextMorning, nextMorning.plusSeconds(60));
    }

    @Test
    void shouldKeepANoticeThroughAnSmtpOutageAndSendItAfterwards() {
        // 09:00 of a business day a few days ahead: business time with hours to spare.
        LocalDate day = LocalDate.now(MEXICO).plusDays(3);
        while (!calendar.calculator().calendar().isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        clock.advance(Duration.between(clock.instant(), day.atTime(9, 0).atZone(MEXICO).toInstant()));
        String recipient = "caida." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
        UUID subject = UUID.randomUUID();
        MailOutage.stopMailServer();
        try {
            QuarkusTransaction.requiringNew().run(() -> notifier.enqueue(new Notice(NoticeKind.REQUEST_OVERDUE,
                    List.of(recipient), subject, UUID.randomUUID(), Map.of("network", "X", "handle", "inemexico"))));
            notifier.sendDue();
        } finally {
            MailOutage.startMailServer();
        }
        Map<String, Object> waiting = given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                .get("/api/notifications?subject=" + subject).then().extract().path("items[0]");
        assertThat(waiting).containsEntry("status", "QUEUED").containsEntry("attempts", 1);

        clock.advance(Duration.ofMinutes(2)); // past the first retry's backoff (30 s), still business time
        notifier.sendDue();
        assertThat(Mailbox.of(recipient)).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Plazo vencido: cuenta @inemexico (X)"));
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/notifications?subject=" + subject)
                .then().body("items[0].status", org.hamcrest.Matchers.equalTo("SENT"));
    }
}
