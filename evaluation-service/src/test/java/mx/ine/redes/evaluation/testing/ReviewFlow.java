package mx.ine.redes.evaluation.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.notification.MailNotifier;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;

/**
 * The steps a test of the Committee or the audit trail takes on the real service: accounts
 * registered through the broker, ad hoc requests issued by CNCS, the clock moved to fixed instants
 * (Mexico City, UTC-6 since 2022), timers swept and notices sent when the test says so.
 */
public final class ReviewFlow {

    public static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    private final ShiftableClock clock;
    private final TimerEngine engine;
    private final MailNotifier mail;

    public ReviewFlow(ShiftableClock clock, TimerEngine engine, MailNotifier mail) {
        this.clock = clock;
        this.engine = engine;
        this.mail = mail;
    }

    public static Instant mexico(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MEXICO).toInstant();
    }

    public void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead.isNegative()).as("the clock only moves forward, to " + target).isFalse();
        clock.advance(ahead);
    }

    /** The clock at {@code target}, then every due timer fires. */
    public void sweepAt(Instant target) {
        moveTo(target);
        engine.sweep();
    }

    /** Every notice due now leaves (a cycle opened in another test class may have queued many). */
    public void sendAll() {
        for (int sweep = 0; sweep < 20 && mail.sendDue() > 0; sweep++) {
            // until a sweep sends nothing
        }
    }

    public static AccountSnapshot snapshot(UUID id, String area, List<String> admins, String head) {
        return new AccountSnapshot(id, "X", "h" + id.toString().substring(0, 8), "https://x.com/h", "Cuenta", "INSTITUTIONAL",
                "ACTIVE", area, "Junta de prueba", "DISTRICT", 7, 3, head == null ? null : "Titular", head, admins,
                LocalDate.of(2026, 1, 5), null, List.of());
    }

    public static UUID register(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        await().atMost(Duration.ofSeconds(15)).until(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + snapshot.accountId()).statusCode() == 200);
        return snapshot.accountId();
    }

    public static Map<String, Object> adHocBody(UUID account, String dueOn, List<String> fields, String reason, UUID resolution) {
        Map<String, Object> body = new HashMap<>(Map.of("accountIds", List.of(account.toString()), "requestedFields", fields,
                "dueOn", dueOn, "reason", reason));
        if (resolution != null) {
            body.put("committeeResolutionId", resolution.toString());
        }
        return body;
    }

    public static UUID adHoc(UUID account, String dueOn, List<String> fields, String reason) {
        return UUID.fromString(given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(adHocBody(account, dueOn, fields, reason, null))
                .post("/api/requests/ad-hoc").then().statusCode(201).extract().path("[0].id"));
    }

    /** Opens a cycle, or finds it already opened by another test class. */
    public static void cycleOpened(String cycle) {
        int status = given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("id", cycle)).post("/api/cycles")
                .then().extract().statusCode();
        assertThat(status).isIn(201, 409);
    }

    public static Map<String, Object> request(UUID id) {
        return given().auth().oauth2(cncs()).get("/api/requests/" + id).then().statusCode(200).extract().path("$");
    }

    public static String area() {
        return "JDE-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** How the notices name a test account ({@code h} + the first 8 characters of its id, on X). */
    public static String handle(UUID account) {
        return "@h" + account.toString().substring(0, 8) + " (X)";
    }

    public static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    public static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }

    public static String committee() {
        return TestTokens.forPerson("comite@ine.mx", java.util.Set.of(Roles.COMMITTEE), Map.of());
    }
}
