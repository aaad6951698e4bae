package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.testing.Mailbox;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Art. 9: the notices to an account's administrators copy (Cc) its area's person in charge of the
 * topic, as the registry names them when the notice leaves; notices to the head do not. On the real
 * broker and SMTP server, the clock at fixed instants of March 2027 (Mexico City, UTC-6; Monday 15
 * March is a statutory rest day).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class LiaisonCopyTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final String AD_HOC_SUBJECT = "Requerimiento de estadísticas extraordinario (Art. 12)";

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
    void shouldCopyTheAreasLiaisonOnTheAdministratorsNoticesButNotOnTheHeads() {
        moveTo(mexico("2027-03-08T10:00")); // Monday, business time
        String admin = unique("admin");
        String head = unique("titular");
        String liaison = unique("encargada");
        UUID account = UUID.randomUUID();
        register(snapshot(account, admin, head, "Lic. Marta Ibáñez Cruz", liaison));

        UUID request = adHoc(account, "2027-03-10");
        mail.sendDue();
        assertThat(Mailbox.of(admin)).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith(AD_HOC_SUBJECT);
            assertThat(m.headers()).contains("To: " + admin, "Cc: " + liaison);
        });
        assertThat(Mailbox.of(liaison)).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith(AD_HOC_SUBJECT);
            assertThat(m.to()).containsExactly(admin, liaison);
        });
        Map<String, Object> issued = notice(request, "REQUEST_ISSUED");
        assertThat(issued.get("recipients")).isEqualTo(List.of(admin));
        assertThat(issued.get("cc")).isEqualTo(List.of(liaison));

        // Wednesday 10 March 18:00 and its ten minutes' grace pass: overdue to the administrators, escalated to the head.
        moveTo(Instant.parse("2027-03-11T00:10:01Z"));
        engine.sweep();
        moveTo(mexico("2027-03-11T09:00"));
        mail.sendDue();
        assertThat(Mailbox.of(liaison)).filteredOn(m -> m.subject().startsWith("Plazo vencido")).singleElement()
                .satisfies(m -> assertThat(m.headers()).contains("Cc: " + liaison));
        assertThat(Mailbox.of(head)).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("Requerimiento no atendido en su área");
            assertThat(m.to()).containsExactly(head);
            assertThat(m.headers()).noneMatch(h -> h.startsWith("Cc:"));
        });
        assertThat(Mailbox.of(liaison)).noneMatch(m -> m.subject().startsWith("Requerimiento no atendido en su área"));
        Map<String, Object> escalated = notice(request, "ESCALATED_TO_AREA_HEAD");
        assertThat(escalated.get("recipients")).isEqualTo(List.of(head));
        assertThat(escalated.get("cc")).isEqualTo(List.of());
        assertThat(notice(request, "REQUEST_OVERDUE").get("cc")).isEqualTo(List.of(liaison));
    }

    @Test
    void shouldCopyTheLiaisonTheRegistryNamesWhenTheNextNoticeLeaves() {
        moveTo(mexico("2027-03-16T10:00")); // Tuesday, business time
        String admin = unique("admin");
        String head = unique("titular");
        String former = unique("encargado.anterior");
        String current = unique("encargada.nueva");
        UUID account = UUID.randomUUID();
        register(snapshot(account, admin, head, "Ing. Pedro Luna Soto", former));
        adHoc(account, "2027-03-18");
        mail.sendDue();
        assertThat(Mailbox.of(former)).singleElement().satisfies(m -> assertThat(m.subject()).startsWith(AD_HOC_SUBJECT));

        KafkaTestClient.publish(new AccountUpdated(snapshot(account, admin, head, "Lic. Marta Ibáñez Cruz", current),
                List.of("liaisonName", "liaisonEmail")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + account).then().statusCode(200)
                        .body("liaisonName", equalTo("Lic. Marta Ibáñez Cruz"))
                        .body("liaisonEmail", equalTo(current)));
        UUID second = adHoc(account, "2027-03-19");
        mail.sendDue();
        assertThat(Mailbox.of(current)).singleElement().satisfies(m -> assertThat(m.subject()).startsWith(AD_HOC_SUBJECT));
        assertThat(Mailbox.of(former)).as("no longer in charge: not copied").hasSize(1);
        assertThat(notice(second, "REQUEST_ISSUED").get("cc")).isEqualTo(List.of(current));

        // An area without a liaison: no copy, and no Cc header at all.
        KafkaTestClient.publish(new AccountUpdated(snapshot(account, admin, head, null, null),
                List.of("liaisonName", "liaisonEmail")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + account).then().statusCode(200)
                        .body("liaisonEmail", equalTo(null)));
        UUID third = adHoc(account, "2027-03-22");
        mail.sendDue();
        assertThat(Mailbox.of(admin)).hasSize(3).last().satisfies(m -> assertThat(m.headers()).noneMatch(h -> h.startsWith("Cc:")));
        assertThat(Mailbox.of(current)).hasSize(1);
        assertThat(notice(third, "REQUEST_ISSUED").get("cc")).isEqualTo(List.of());
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static AccountSnapshot snapshot(UUID id, String admin, String head, String liaisonName, String liaisonEmail) {
        return new AccountSnapshot(id, "X", "h" + id.toString().substring(0, 8), "https://x.com/h", "Cuenta", "INSTITUTIONAL",
                "ACTIVE", "JDE-" + id.toString().substring(0, 6), "Junta de prueba", "DISTRICT", 7, 3, "Titular", head,
                List.of(admin), LocalDate.of(2026, 1, 5), null, List.of(), liaisonName, liaisonEmail);
    }

    private static void register(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + snapshot.accountId()).then().statusCode(200)
                        .body("liaisonEmail", equalTo(snapshot.liaisonEmail())));
    }

    private static UUID adHoc(UUID account, String dueOn) {
        String id = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("followersAtEnd"),
                        "dueOn", dueOn, "reason", "Informe al Comité (Art. 8 II)"))
                .post("/api/requests/ad-hoc").then().statusCode(201).extract().path("[0].id");
        return UUID.fromString(id);
    }

    /** The one notice of this kind about the request, as recorded. */
    private static Map<String, Object> notice(UUID request, String kind) {
        List<Map<String, Object>> items = given().auth().oauth2(cncs()).get("/api/notifications?subject=" + request)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(n -> kind.equals(n.get("kind"))).reduce((a, b) -> {
            throw new AssertionError("more than one " + kind);
        }).orElseThrow(() -> new AssertionError("no " + kind + " among " + items));
    }

    private static Instant mexico(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MEXICO).toInstant();
    }

    private void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead.isNegative()).as("the clock only moves forward, to " + target).isFalse();
        clock.advance(ahead);
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
