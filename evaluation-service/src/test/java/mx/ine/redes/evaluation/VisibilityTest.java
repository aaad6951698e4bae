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
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees a request and its notices, per role, following the registry as it is now: one
 * district account (its administrator, its head, the state board's head above it) and one ad hoc
 * request whose REQUEST_ISSUED notice is queued.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class VisibilityTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldShowARequestAndItsNoticesToEachRoleAsTheRegistryIsNow() {
        moveTo(LocalDateTime.parse("2027-03-08T10:00").atZone(MEXICO).toInstant()); // Monday, business time
        String admin = unique("admin");
        String otherAdmin = unique("otro.admin");
        String head = unique("titular");
        String stateHead = unique("titular.jle");
        String area = "JDE-" + UUID.randomUUID().toString().substring(0, 6);
        AreaLink stateBoard = new AreaLink("JLE-V", "Junta Local de prueba", "LOCAL", "Titular JLE", stateHead);
        UUID account = UUID.randomUUID();
        register(snapshot(account, area, List.of(admin), head, List.of(stateBoard)));
        UUID request = adHoc(account);

        // Sees everything: CNCS and the Committee; the read-only roles see requests, not notices.
        for (String role : List.of(Roles.CNCS, Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION)) {
            assertSees(TestTokens.forRole(role), account, request);
        }
        assertSeesNotices(TestTokens.forRole(Roles.CNCS), request, 1);
        assertSeesNotices(TestTokens.forRole(Roles.COMMITTEE), request, 1);
        given().auth().oauth2(TestTokens.forRole(Roles.TRANSPARENCY)).get("/api/notifications").then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole(Roles.INTEGRATION)).get("/api/notifications").then().statusCode(403);

        // The account's administrator, its head and the head of the area above it.
        assertSees(person(admin, Roles.ACCOUNT_ADMIN), account, request);
        assertSeesNotices(person(admin, Roles.ACCOUNT_ADMIN), request, 1);
        assertSees(person(head, Roles.AREA_HEAD), account, request);
        assertSeesNotices(person(head, Roles.AREA_HEAD), request, 1);
        assertSees(person(stateHead, Roles.AREA_HEAD), account, request);
        assertSeesNotices(person(stateHead, Roles.AREA_HEAD), request, 1);

        // Another area's administrator or head: not found, absent from every list.
        assertDoesNotSee(person(otherAdmin, Roles.ACCOUNT_ADMIN), account, request);
        assertDoesNotSee(person(unique("titular.otro"), Roles.AREA_HEAD), account, request);
        // An administrator who is also a head elsewhere sees no more for it.
        assertDoesNotSee(TestTokens.forPerson(otherAdmin, Set.of(Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD), Map.of()), account, request);

        // The registry gives the account another administrator: the old one loses it, the new one has it,
        // though the queued notice and the request's copy still name the old one.
        update(snapshot(account, area, List.of(otherAdmin), head, List.of(stateBoard)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertDoesNotSee(person(admin, Roles.ACCOUNT_ADMIN), account, request));
        assertSees(person(otherAdmin, Roles.ACCOUNT_ADMIN), account, request);
        assertSeesNotices(person(otherAdmin, Roles.ACCOUNT_ADMIN), request, 1);

        // The state board is no longer above the area: its head no longer sees it.
        update(snapshot(account, area, List.of(otherAdmin), head, List.of()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertDoesNotSee(person(stateHead, Roles.AREA_HEAD), account, request));
        assertSees(person(head, Roles.AREA_HEAD), account, request);
    }

    private static void assertSees(String token, UUID account, UUID request) {
        given().auth().oauth2(token).get("/api/requests/" + request).then().statusCode(200)
                .body("id", equalTo(request.toString()));
        given().auth().oauth2(token).get("/api/requests?account=" + account).then().statusCode(200)
                .body("items.id", equalTo(List.of(request.toString()))).body("total", equalTo(1));
    }

    private static void assertSeesNotices(String token, UUID request, int notices) {
        given().auth().oauth2(token).get("/api/notifications?subject=" + request).then().statusCode(200)
                .body("items.kind", equalTo(List.of("REQUEST_ISSUED"))).body("total", equalTo(notices));
    }

    private static void assertDoesNotSee(String token, UUID account, UUID request) {
        given().auth().oauth2(token).get("/api/requests/" + request).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No existe el requerimiento " + request + "."));
        given().auth().oauth2(token).get("/api/requests?account=" + account).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0));
        given().auth().oauth2(token).get("/api/notifications?subject=" + request).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0));
    }

    private void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead.isNegative()).as("the clock only moves forward, to " + target).isFalse();
        clock.advance(ahead);
    }

    private static AccountSnapshot snapshot(UUID id, String area, List<String> admins, String head, List<AreaLink> ancestors) {
        return new AccountSnapshot(id, "X", "v" + id.toString().substring(0, 8), "https://x.com/v", "Cuenta", "INSTITUTIONAL",
                "ACTIVE", area, "Junta de prueba", "DISTRICT", 30, 3, "Titular", head, admins,
                LocalDate.of(2026, 1, 5), null, ancestors);
    }

    private static void register(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + snapshot.accountId()).then().statusCode(200));
    }

    /** A registry event; the caller waits for what it changes (the projection applies it asynchronously). */
    private static void update(AccountSnapshot snapshot) {
        KafkaTestClient.publish(new AccountUpdated(snapshot, List.of("administratorEmails", "ancestors")));
    }

    private static UUID adHoc(UUID account) {
        // Wednesday 10 March 2027: a business day after the request takes effect.
        String id = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("followersAtEnd"),
                        "dueOn", "2027-03-10", "reason", "Prueba de visibilidad"))
                .post("/api/requests/ad-hoc").then().statusCode(201).extract().path("[0].id");
        return UUID.fromString(id);
    }

    private static String person(String email, String role) {
        return TestTokens.forPerson(email, Set.of(role), Map.of());
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
