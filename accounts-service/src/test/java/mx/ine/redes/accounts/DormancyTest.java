package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.accounts.service.DormancyService;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DormancyTest {

    @Inject
    DormancyService dormancy;

    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldFlagAnAccountSilentForMoreThanAYearOnceAndAnnounceIt() {
        String area = registerArea();
        LocalDate today = LocalDate.now(AccountServiceZone.ZONE);
        String silent = register(area, today.minusDays(300));
        String active = register(area, today.minusDays(10));

        clock.advance(Duration.ofDays(66)); // the silent account is now 366 days without publishing
        assertThat(dormancy.flagDormantAccounts()).isGreaterThanOrEqualTo(1);
        assertThat(dormancy.flagDormantAccounts()).as("a rerun flags nothing twice").isZero();

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + silent).then().body("dormant", equalTo(true));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + active).then().body("dormant", equalTo(false));
        List<String> dormantInArea = given().auth().oauth2(cncsToken()).get("/api/accounts?dormant=true&area=" + area)
                .then().extract().path("items.id");
        assertThat(dormantInArea).containsExactly(silent);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<EventEnvelope> flags = KafkaTestClient.eventsFor(Topics.ACCOUNTS, silent).stream()
                    .filter(event -> event.payload() instanceof AccountFlaggedDormant).toList();
            assertThat(flags).hasSize(1);
            AccountFlaggedDormant flag = (AccountFlaggedDormant) flags.get(0).payload();
            assertThat(flag.daysWithoutPublication()).isEqualTo(366);
            assertThat(flag.areaCode()).isEqualTo(area);
        });
    }

    @Test
    void shouldTakeTheLastPublicationFromSubmissionsOnceAndOnlyForward() {
        String area = registerArea();
        LocalDate today = LocalDate.now(AccountServiceZone.ZONE);
        String id = register(area, today.minusDays(400));
        dormancy.flagDormantAccounts();
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().body("dormant", equalTo(true));

        SubmissionReceived received = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(id),
                "2026-S2", "CYCLE", "X", 1, Instant.now(), null, false, Map.of("posts", 10L), null, List.of(), today.minusDays(5),
                List.of(), null, 0, List.of(), new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null));
        EventEnvelope envelope = KafkaTestClient.publish(received);
        KafkaTestClient.send(Topics.SUBMISSIONS, id, EventJson.write(envelope)); // redelivered
        SubmissionReceived older = new SubmissionReceived(UUID.randomUUID(), UUID.randomUUID(), UUID.fromString(id),
                "2026-S1", "CYCLE", "X", 1, Instant.now(), null, false, Map.of("posts", 1L), null, List.of(), today.minusDays(200),
                List.of(), null, 0, List.of(), new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null));
        KafkaTestClient.publish(older);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then()
                        .body("lastPublicationOn", equalTo(today.minusDays(5).toString()))
                        .body("dormant", equalTo(false)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<String> changes = given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history")
                    .then().extract().path("changes.change");
            assertThat(changes).containsOnlyOnce("PUBLICATION_REPORTED");
        });
    }

    private static String register(String area, LocalDate lastPublication) {
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", uniqueXHandle(), "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                        "areaCode", area, "lastPublicationOn", lastPublication.toString()))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }

    private static final class AccountServiceZone {
        static final java.time.ZoneId ZONE = mx.ine.redes.accounts.service.AccountService.INSTITUTE_ZONE;
    }
}
