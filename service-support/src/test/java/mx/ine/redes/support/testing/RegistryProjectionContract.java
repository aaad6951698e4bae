package mx.ine.redes.support.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * What every service that projects the registry must do with the accounts-service's events, over
 * the real broker: project them, apply a redelivered event only once, never let an older event
 * (by envelope sequence) overwrite a newer state, park a poison record on its dead-letter topic
 * and keep consuming. A service runs it by extending this class in a
 * {@code @QuarkusTest}; its projection is read through {@code GET /api/registry/accounts/{id}}.
 */
public abstract class RegistryProjectionContract {

    private static final int PARTITIONS = 3;
    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(15);

    /** The consuming service's name, which names its dead-letter topic. */
    protected abstract String consumerService();

    @Test
    void shouldProjectAccountRegisteredFromTheBroker() {
        UUID accountId = UUID.randomUUID();
        KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "inemexico", "INE México")));

        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                .get("/api/registry/accounts/" + accountId)
                .then().statusCode(200)
                .body("accountId", equalTo(accountId.toString()))
                .body("network", equalTo("X"))
                .body("handle", equalTo("inemexico"))
                .body("areaCode", equalTo("JDE-CHIS-03"))
                .body("status", equalTo("ACTIVE")));
    }

    @Test
    void shouldApplyARedeliveredEventOnlyOnce() {
        UUID accountId = UUID.randomUUID();
        EventEnvelope registered = KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "ine_antes", "Antes")));
        KafkaTestClient.publish(new AccountUpdated(snapshot(accountId, "ine_despues", "Después"), List.of("handle")));
        // The same event again, as the broker redelivers it after a consumer crash.
        KafkaTestClient.send(Topics.ACCOUNTS, registered.aggregateId(), EventJson.write(registered));
        UUID marker = UUID.fromString(KafkaTestClient.keyOnSamePartitionAs(accountId.toString(), PARTITIONS));
        KafkaTestClient.publish(new AccountRegistered(snapshot(marker, "marcador", "Marcador")));

        awaitProjected(marker);
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + accountId)
                .then().statusCode(200)
                .body("handle", equalTo("ine_despues"));
    }

    @Test
    void shouldKeepTheNewerSnapshotWhenAnOlderOneArrivesLate() {
        UUID accountId = UUID.randomUUID();
        // Sequence 2 first, then 1: a replay or a relay retry can bring an older snapshot late.
        KafkaTestClient.publish(new AccountUpdated(snapshot(accountId, "ine_nuevo", "Nuevo", "JDE-CHIS-04"),
                List.of("handle", "areaCode")), 2);
        KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "ine_viejo", "Viejo", "JDE-CHIS-03")), 1);
        publishMarkerBehind(accountId);

        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + accountId)
                .then().statusCode(200)
                .body("handle", equalTo("ine_nuevo"))
                .body("areaCode", equalTo("JDE-CHIS-04"));
    }

    @Test
    void shouldSkipAnEventWhoseSequenceWasAlreadyApplied() {
        UUID accountId = UUID.randomUUID();
        KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "ine_uno", "Uno")), 1);
        KafkaTestClient.publish(new AccountUpdated(snapshot(accountId, "ine_dos", "Dos"), List.of("handle")), 2);
        // A different event (new id, so the inbox lets it through) with a sequence already applied,
        // and an older baja: neither may change the account.
        KafkaTestClient.publish(new AccountUpdated(snapshot(accountId, "ine_repetido", "Repetido"), List.of("handle")), 2);
        KafkaTestClient.publish(new AccountDecommissioned(accountId, "X", "ine_dos", "JDE-CHIS-03",
                LocalDate.of(2026, 11, 20), "Baja ya superada", null), 1);
        publishMarkerBehind(accountId);

        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + accountId)
                .then().statusCode(200)
                .body("handle", equalTo("ine_dos"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldApplyANewerEventAfterSkippingAnOlderOne() {
        UUID accountId = UUID.randomUUID();
        KafkaTestClient.publish(new AccountUpdated(snapshot(accountId, "ine_dos", "Dos"), List.of("handle")), 2);
        KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "ine_uno", "Uno")), 1);
        KafkaTestClient.publish(new AccountDecommissioned(accountId, "X", "ine_dos", "JDE-CHIS-03",
                LocalDate.of(2026, 11, 20), "Más de un año sin publicar", null), 3);

        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                .get("/api/registry/accounts/" + accountId)
                .then().statusCode(200)
                .body("handle", equalTo("ine_dos"))
                .body("status", equalTo("DECOMMISSIONED")));
    }

    @Test
    void shouldParkAPoisonRecordAndKeepConsuming() {
        String poisonKey = UUID.randomUUID().toString();
        String poison = "{\"esto\": \"no es un evento\" " + poisonKey;
        KafkaTestClient.send(Topics.ACCOUNTS, poisonKey, poison);
        UUID next = UUID.fromString(KafkaTestClient.keyOnSamePartitionAs(poisonKey, PARTITIONS));
        KafkaTestClient.publish(new AccountRegistered(snapshot(next, "siguiente", "Siguiente")));

        awaitProjected(next);
        await().atMost(PROJECTED_WITHIN).untilAsserted(() ->
                assertThat(KafkaTestClient.readAll(Topics.deadLetter(Topics.ACCOUNTS, consumerService())))
                        .anySatisfy(record -> assertThat(record.value()).isEqualTo(poison)));
    }

    @Test
    void shouldFollowADecommission() {
        UUID accountId = UUID.randomUUID();
        KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "ine_baja", "Para baja")));
        KafkaTestClient.publish(new AccountDecommissioned(accountId, "X", "ine_baja", "JDE-CHIS-03",
                LocalDate.of(2026, 11, 20), "Más de un año sin publicar", "Seed 002"));

        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                .get("/api/registry/accounts/" + accountId)
                .then().statusCode(200)
                .body("status", equalTo("DECOMMISSIONED")));
    }

    @Test
    void shouldRefuseRegistryReadsWithoutTheRole() {
        given().get("/api/registry/accounts/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN)).get("/api/registry/accounts/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** Waits until a record published after everything of {@code accountId} so far, on its partition, is consumed. */
    private static void publishMarkerBehind(UUID accountId) {
        UUID marker = UUID.fromString(KafkaTestClient.keyOnSamePartitionAs(accountId.toString(), PARTITIONS));
        KafkaTestClient.publish(new AccountRegistered(snapshot(marker, "marcador", "Marcador")));
        awaitProjected(marker);
    }

    private static void awaitProjected(UUID accountId) {
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                .get("/api/registry/accounts/" + accountId)
                .then().statusCode(200));
    }

    protected static AccountSnapshot snapshot(UUID accountId, String handle, String displayName) {
        return snapshot(accountId, handle, displayName, "JDE-CHIS-03");
    }

    protected static AccountSnapshot snapshot(UUID accountId, String handle, String displayName, String areaCode) {
        return new AccountSnapshot(accountId, "X", handle, "https://x.com/" + handle, displayName, "INSTITUTIONAL",
                "ACTIVE", areaCode, "03 Junta Distrital Ejecutiva en Chiapas", "DISTRICT", 7, 3,
                "Titular de la 03 JDE", "titular.jde03.chis@ine.mx", List.of("admin.redes.jde03@ine.mx"),
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 11, 1),
                List.of(new AreaLink("JLE-CHIS", "Junta Local Ejecutiva en Chiapas", "LOCAL", "Titular de la JLE",
                        "titular.jle.chis@ine.mx")));
    }
}
