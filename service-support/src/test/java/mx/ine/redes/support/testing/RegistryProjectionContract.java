package mx.ine.redes.support.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.consumer.DeadLetterStore;
import mx.ine.redes.support.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * What every service that projects the registry must do with the accounts-service's events, over
 * the real broker: project them, apply a redelivered event only once, never let an older event
 * (by envelope sequence) overwrite a newer state, skip an event type it does not know, park a
 * poison record in its dead-letter store (visible at {@code /api/operations/dead-letters},
 * replayable) and keep consuming. A service runs it by extending this class in a
 * {@code @QuarkusTest}; its projection is read through {@code GET /api/registry/accounts/{id}}.
 */
public abstract class RegistryProjectionContract {

    private static final int PARTITIONS = 3;
    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(15);

    private static final String DEAD_LETTERS = "/api/operations/dead-letters";

    /** The name of the service's registry consumer, which its dead letters carry. */
    protected abstract String registryConsumer();

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
    void shouldParkAPoisonRecordWhereAnOperatorSeesItAndKeepConsuming() {
        String poisonKey = UUID.randomUUID().toString();
        String poison = "{\"esto\": \"no es un evento\" " + poisonKey;
        KafkaTestClient.send(Topics.ACCOUNTS, poisonKey, poison);
        UUID next = UUID.fromString(KafkaTestClient.keyOnSamePartitionAs(poisonKey, PARTITIONS));
        KafkaTestClient.publish(new AccountRegistered(snapshot(next, "siguiente", "Siguiente")));

        awaitProjected(next);
        Map<String, Object> parked = await().atMost(PROJECTED_WITHIN).until(() -> deadLetterWithKey(poisonKey), Optional::isPresent)
                .orElseThrow();
        assertThat(parked.get("consumer")).isEqualTo(registryConsumer());
        assertThat(parked.get("topic")).isEqualTo(Topics.ACCOUNTS);
        assertThat(parked.get("record")).isEqualTo(poison);
        assertThat((String) parked.get("error")).isNotBlank();
        assertThat(parked.get("parkedAt")).isNotNull();
        assertThat(parked.get("replayedAt")).isNull();
        await().atMost(PROJECTED_WITHIN).untilAsserted(() -> assertThat(parkedGauge()).isGreaterThanOrEqualTo(1));

        // Still unreadable: the replay keeps it parked, with the replay's error.
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).post(DEAD_LETTERS + "/" + parked.get("id") + "/replay")
                .then().statusCode(200)
                .body("replayedAt", nullValue())
                .body("lastReplayError", containsString("MalformedEventException"));
        assertThat(deadLetterWithKey(poisonKey).orElseThrow().get("replayedAt")).isNull();
    }

    @Test
    void shouldReplayAParkedRecordOnceThisVersionCanReadIt() {
        // A record parked by an earlier version that could not read it, and that this one reads.
        UUID accountId = UUID.randomUUID();
        EventEnvelope registered = EventEnvelope.wrap(new AccountRegistered(snapshot(accountId, "rescatada", "Rescatada")),
                Instant.now(), null);
        Arc.container().instance(DeadLetterStore.class).get().park(registryConsumer(), Topics.ACCOUNTS, 0,
                ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), accountId.toString(),
                EventJson.write(registered), "Unreadable event: versión anterior");
        Map<String, Object> parked = deadLetterWithKey(accountId.toString()).orElseThrow();
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + accountId)
                .then().statusCode(404);

        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).post(DEAD_LETTERS + "/" + parked.get("id") + "/replay")
                .then().statusCode(200)
                .body("replayedAt", notNullValue())
                .body("lastReplayError", nullValue());

        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + accountId)
                .then().statusCode(200).body("handle", equalTo("rescatada"));
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).post(DEAD_LETTERS + "/" + parked.get("id") + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ya fue reprocesado"));
    }

    @Test
    void shouldReplayEveryParkedRecordAndKeepTheOnesThatStillFail() {
        DeadLetterStore store = Arc.container().instance(DeadLetterStore.class).get();
        UUID accountId = UUID.randomUUID();
        EventEnvelope registered = EventEnvelope.wrap(new AccountRegistered(snapshot(accountId, "en_lote", "En lote")),
                Instant.now(), null);
        String badKey = UUID.randomUUID().toString();
        store.park(registryConsumer(), Topics.ACCOUNTS, 1, ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50),
                accountId.toString(), EventJson.write(registered), "Unreadable event: versión anterior");
        store.park(registryConsumer(), Topics.ACCOUNTS, 1, ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50),
                badKey, "[]", "Not a JSON object");

        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).post(DEAD_LETTERS + "/replay")
                .then().statusCode(200)
                .body("replayed", greaterThanOrEqualTo(1))
                .body("stillParked", greaterThanOrEqualTo(1));

        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get("/api/registry/accounts/" + accountId)
                .then().statusCode(200);
        assertThat(deadLetterWithKey(accountId.toString()).orElseThrow().get("replayedAt")).isNotNull();
        Map<String, Object> stillParked = deadLetterWithKey(badKey).orElseThrow();
        assertThat(stillParked.get("replayedAt")).isNull();
        assertThat((String) stillParked.get("lastReplayError")).contains("Not a JSON object");
    }

    @Test
    void shouldRecordAnUnknownEventTypeAsSeenAndKeepConsuming() {
        UUID accountId = UUID.randomUUID();
        UUID unknownEventId = UUID.randomUUID();
        String unknownKey = accountId.toString();
        String unknown = "{\"eventId\":\"" + unknownEventId + "\",\"type\":\"AccountTransferred\","
                + "\"occurredAt\":\"2026-11-20T17:00:00Z\",\"aggregateId\":\"" + accountId + "\",\"schemaVersion\":1,"
                + "\"payload\":{\"accountId\":\"" + accountId + "\",\"toArea\":\"CNCS\"}}";
        KafkaTestClient.send(Topics.ACCOUNTS, unknownKey, unknown);
        KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "tras_desconocido", "Tras un tipo desconocido")));

        awaitProjected(accountId);
        assertThat(deadLetterWithKey(unknownKey)).isEmpty();
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        Number seen = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where event_id = :id and consumer = :consumer"
                                + " and event_type = 'AccountTransferred'")
                .setParameter("id", unknownEventId).setParameter("consumer", registryConsumer()).getSingleResult());
        assertThat(seen.longValue()).as("the unknown event is recorded as seen").isEqualTo(1);
    }

    @Test
    void shouldListDeadLettersByPagesInAStableOrderForCncsOnly() {
        DeadLetterStore store = Arc.container().instance(DeadLetterStore.class).get();
        for (int i = 0; i < 2; i++) {
            store.park(registryConsumer(), Topics.ACCOUNTS, 2, ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50),
                    UUID.randomUUID().toString(), "{}", "Missing envelope field type");
        }
        int first = given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get(DEAD_LETTERS + "?page=0&size=1")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2)).body("items", hasSize(1))
                .extract().path("items[0].id");
        int second = given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get(DEAD_LETTERS + "?page=1&size=1")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        assertThat(second).isGreaterThan(first);
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get(DEAD_LETTERS + "?size=501")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).get(DEAD_LETTERS + "?page=2147483647&size=500")
                .then().statusCode(200).body("items", hasSize(0));

        given().get(DEAD_LETTERS).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.INTEGRATION)).get(DEAD_LETTERS)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN)).post(DEAD_LETTERS + "/replay")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).post(DEAD_LETTERS + "/" + Long.MAX_VALUE + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
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

    /** {@code dead_letters_parked} of the registry consumer, as Prometheus scrapes it. */
    private double parkedGauge() {
        String metrics = given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^dead_letters_parked\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("consumer=\"" + registryConsumer() + "\"")
                    && line.group(1).contains("topic=\"" + Topics.ACCOUNTS + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    /** The dead letter with this record key, read through the operator's endpoint. */
    protected static Optional<Map<String, Object>> deadLetterWithKey(String key) {
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                    .get(DEAD_LETTERS + "?page=" + page + "&size=500")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (items.isEmpty()) {
                return Optional.empty();
            }
            Optional<Map<String, Object>> found = items.stream().filter(item -> key.equals(item.get("key"))).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
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
