package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mx.ine.redes.accounts.rest.AreaUpdate;
import mx.ine.redes.accounts.service.AreaService;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A change of an area (name, head, parent) reaches every live account of that area and of every
 * area below it, because each account's snapshot carries its own area and its {@code ancestors}.
 * Codes get a per-test suffix (the database is shared by the whole test JVM); every other expected
 * value is written out.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AreaChangesTest {

    @Inject
    AreaService areas;

    private static final String SE_NAME = "Secretaría Ejecutiva";
    private static final String CHIS_NAME = "Junta Local Ejecutiva en Chiapas";

    /** The structure every test starts from: SE (root) > JLE-CHIS > JDE-CHIS-03 and JDE-CHIS-05 (no head). */
    private record Tree(String se, String chis, String chis03, String chis05) {
    }

    private static Tree tree() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String se = area("SE-" + suffix, SE_NAME, "CENTRAL", null, null, null, "Mtro. Jorge Salas Ortiz", "jorge.salas@ine.mx");
        // One state board per state: each tree takes a state that has none yet (the names stay Chiapas').
        int state = RegistryFixtures.freeState();
        String chis = area("JLE-CHIS-" + suffix, CHIS_NAME, "LOCAL", state, null, se, "Lic. Ana Ruiz Díaz", "ana.ruiz@ine.mx");
        String chis03 = area("JDE-CHIS-03-" + suffix, "03 Junta Distrital Ejecutiva en Chiapas", "DISTRICT", state, 3, chis,
                "Ing. Luis Gómez Vera", "luis.gomez@ine.mx");
        String chis05 = area("JDE-CHIS-05-" + suffix, "05 Junta Distrital Ejecutiva en Chiapas", "DISTRICT", state, 5, chis,
                null, null);
        return new Tree(se, chis, chis03, chis05);
    }

    @Test
    void shouldAnnounceTheAccountsOfEveryDistrictBoardWhenTheStateBoardChangesItsHead() {
        Tree t = tree();
        String inSe = registerAccount(t.se(), uniqueXHandle());
        String inChis = registerAccount(t.chis(), uniqueXHandle());
        String in03 = registerAccount(t.chis03(), uniqueXHandle());
        String in05 = registerAccount(t.chis05(), uniqueXHandle());
        String gone = registerAccount(t.chis03(), uniqueXHandle());
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", RegistryFixtures.registeredOn(gone), "reason", "Cuenta duplicada"))
                .post("/api/accounts/" + gone + "/decommission").then().statusCode(200);
        Tree elsewhere = tree();
        String inOtherState = registerAccount(elsewhere.chis03(), uniqueXHandle());

        AreaLink se = new AreaLink(t.se(), SE_NAME, "CENTRAL", "Mtro. Jorge Salas Ortiz", "jorge.salas@ine.mx");
        // As registered: a district account lists its state board, then the state board's parent; a root lists nothing.
        assertThat(registeredSnapshot(in03).ancestors()).containsExactly(
                new AreaLink(t.chis(), CHIS_NAME, "LOCAL", "Lic. Ana Ruiz Díaz", "ana.ruiz@ine.mx"), se);
        assertThat(registeredSnapshot(inChis).ancestors()).containsExactly(se);
        assertThat(registeredSnapshot(inSe).ancestors()).isEmpty();

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("headName", "Mtra. Rosa Elena Pérez Gómez", "headEmail", "Rosa.Perez@INE.mx"))
                .patch("/api/areas/" + t.chis())
                .then().statusCode(200)
                .body("headName", equalTo("Mtra. Rosa Elena Pérez Gómez"))
                .body("headEmail", equalTo("rosa.perez@ine.mx"));

        AreaLink newChis = new AreaLink(t.chis(), CHIS_NAME, "LOCAL", "Mtra. Rosa Elena Pérez Gómez", "rosa.perez@ine.mx");
        // Written with the change (outbox): exactly one update per live account of the subtree, none elsewhere.
        assertThat(outboxUpdates(in03)).singleElement().satisfies(update -> {
            assertThat(update.changedFields()).containsExactly("ancestors");
            assertThat(update.account().areaCode()).isEqualTo(t.chis03());
            assertThat(update.account().headName()).isEqualTo("Ing. Luis Gómez Vera");
            assertThat(update.account().headEmail()).isEqualTo("luis.gomez@ine.mx");
            assertThat(update.account().ancestors()).containsExactly(newChis, se);
        });
        assertThat(outboxUpdates(in05)).singleElement().satisfies(update -> {
            assertThat(update.changedFields()).containsExactly("ancestors");
            assertThat(update.account().headEmail()).isNull();
            // A district without a head escalates to the next head up: now the new one.
            assertThat(update.account().ancestors().getFirst().headEmail()).isEqualTo("rosa.perez@ine.mx");
        });
        assertThat(outboxUpdates(inChis)).singleElement().satisfies(update -> {
            assertThat(update.changedFields()).containsExactly("headName", "headEmail");
            assertThat(update.account().headName()).isEqualTo("Mtra. Rosa Elena Pérez Gómez");
            assertThat(update.account().headEmail()).isEqualTo("rosa.perez@ine.mx");
            assertThat(update.account().ancestors()).containsExactly(se);
        });
        assertThat(outboxUpdates(gone)).as("decommissioned").isEmpty();
        assertThat(outboxUpdates(inSe)).as("above the changed area").isEmpty();
        assertThat(outboxUpdates(inOtherState)).as("another state board").isEmpty();

        // And they reach the topic, keyed by account, after the account's earlier events.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, List<String>> types = typesOnTopic(List.of(in03, in05, inChis, gone, inSe));
            assertThat(types.get(in03)).containsExactly("AccountRegistered", "AccountUpdated");
            assertThat(types.get(in05)).containsExactly("AccountRegistered", "AccountUpdated");
            assertThat(types.get(inChis)).containsExactly("AccountRegistered", "AccountUpdated");
            assertThat(types.get(gone)).containsExactly("AccountRegistered", "AccountDecommissioned");
            assertThat(types.get(inSe)).containsExactly("AccountRegistered");
        });
        AccountUpdated delivered = (AccountUpdated) KafkaTestClient.eventsFor(Topics.ACCOUNTS, in03).getLast().payload();
        assertThat(delivered.account().ancestors()).containsExactly(newChis, se);

        // The accounts' history keeps who changed the area above them, and from what to what.
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + in03 + "/history")
                .then().statusCode(200)
                .body("changes.change", equalTo(List.of("REGISTERED", "ANCESTOR_AREA_UPDATED")))
                .body("changes[1].changedBy", equalTo("cncs@ine.mx"))
                .body("changes[1].before.areaCode", equalTo(t.chis()))
                .body("changes[1].before.headName", equalTo("Lic. Ana Ruiz Díaz"))
                .body("changes[1].before.headEmail", equalTo("ana.ruiz@ine.mx"))
                .body("changes[1].after.areaCode", equalTo(t.chis()))
                .body("changes[1].after.parentCode", equalTo(t.se()))
                .body("changes[1].after.headName", equalTo("Mtra. Rosa Elena Pérez Gómez"))
                .body("changes[1].after.headEmail", equalTo("rosa.perez@ine.mx"));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + inChis + "/history")
                .then().statusCode(200)
                .body("changes.change", equalTo(List.of("REGISTERED", "AREA_UPDATED")));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + gone + "/history")
                .then().statusCode(200)
                .body("changes.change", equalTo(List.of("REGISTERED", "DECOMMISSIONED")));
    }

    @Test
    void shouldAnnounceNothingWhenThePatchChangesNothing() {
        Tree t = tree();
        String inChis = registerAccount(t.chis(), uniqueXHandle());
        String in03 = registerAccount(t.chis03(), uniqueXHandle());
        String in05 = registerAccount(t.chis05(), uniqueXHandle());
        long outbox = outboxRows(inChis, in03, in05);
        long history = historyRows(inChis, in03, in05);

        // The same values, the e-mail in another case and the name with spaces around it.
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "  " + CHIS_NAME + " ", "parentCode", t.se(), "headName", "Lic. Ana Ruiz Díaz",
                        "headEmail", "ANA.RUIZ@ine.mx"))
                .patch("/api/areas/" + t.chis())
                .then().statusCode(200).body("headEmail", equalTo("ana.ruiz@ine.mx"));
        // Removing the head of an area that has none.
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("removeHead", true))
                .patch("/api/areas/" + t.chis05())
                .then().statusCode(200).body("headEmail", nullValue());
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of())
                .patch("/api/areas/" + t.chis03())
                .then().statusCode(200);

        assertThat(outboxRows(inChis, in03, in05)).isEqualTo(outbox);
        assertThat(historyRows(inChis, in03, in05)).isEqualTo(history);
    }

    @Test
    void shouldLeaveAnAreaWithoutHeadAndRefuseAmbiguousRequests() {
        Tree t = tree();
        String in03 = registerAccount(t.chis03(), uniqueXHandle());

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("removeHead", true, "headEmail", "otro.titular@ine.mx"))
                .patch("/api/areas/" + t.chis03())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("removeHead"))
                .body("errors[0].message", equalTo("Indique un titular nuevo o removeHead, no ambos."));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("headName", "   "))
                .patch("/api/areas/" + t.chis03())
                .then().statusCode(400).body("errors[0].field", equalTo("headName"));
        assertThat(outboxUpdates(in03)).isEmpty();

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("removeHead", true))
                .patch("/api/areas/" + t.chis03())
                .then().statusCode(200).body("headName", nullValue()).body("headEmail", nullValue());
        given().auth().oauth2(cncsToken()).get("/api/areas/" + t.chis03())
                .then().statusCode(200).body("headName", nullValue()).body("headEmail", nullValue());

        assertThat(outboxUpdates(in03)).singleElement().satisfies(update -> {
            assertThat(update.changedFields()).containsExactly("headName", "headEmail");
            assertThat(update.account().headName()).isNull();
            assertThat(update.account().headEmail()).isNull();
            assertThat(update.account().ancestors().getFirst())
                    .isEqualTo(new AreaLink(t.chis(), CHIS_NAME, "LOCAL", "Lic. Ana Ruiz Díaz", "ana.ruiz@ine.mx"));
        });
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + in03 + "/history")
                .then().statusCode(200)
                .body("changes.change", equalTo(List.of("REGISTERED", "AREA_UPDATED")))
                .body("changes[1].before.headEmail", equalTo("luis.gomez@ine.mx"))
                .body("changes[1].after.headEmail", nullValue());
    }

    @Test
    void shouldAnnounceTheNewAncestorsWhenAStateBoardMovesOrIsRenamed() {
        Tree t = tree();
        String inChis = registerAccount(t.chis(), uniqueXHandle());
        String in03 = registerAccount(t.chis03(), uniqueXHandle());
        String deoe = area("DEOE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "Dirección Ejecutiva de Organización Electoral", "CENTRAL", null, null, null, null, null);

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("parentCode", deoe, "name", "Junta Local Ejecutiva del INE en Chiapas"))
                .patch("/api/areas/" + t.chis())
                .then().statusCode(200).body("parentCode", equalTo(deoe));

        AreaLink deoeLink = new AreaLink(deoe, "Dirección Ejecutiva de Organización Electoral", "CENTRAL", null, null);
        assertThat(outboxUpdates(inChis)).singleElement().satisfies(update -> {
            assertThat(update.changedFields()).containsExactly("areaName", "ancestors");
            assertThat(update.account().areaName()).isEqualTo("Junta Local Ejecutiva del INE en Chiapas");
            assertThat(update.account().ancestors()).containsExactly(deoeLink);
        });
        assertThat(outboxUpdates(in03)).singleElement().satisfies(update -> {
            assertThat(update.changedFields()).containsExactly("ancestors");
            assertThat(update.account().ancestors()).containsExactly(new AreaLink(t.chis(),
                    "Junta Local Ejecutiva del INE en Chiapas", "LOCAL", "Lic. Ana Ruiz Díaz", "ana.ruiz@ine.mx"), deoeLink);
        });
        // Free-text search looks at the area's name: the new one finds the state board's own account.
        given().auth().oauth2(cncsToken()).get("/api/accounts?q=del ine en chiapas&area=" + t.chis())
                .then().statusCode(200).body("items.id", equalTo(List.of(inChis)));

        // An area cannot go below itself, however far down.
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("parentCode", t.chis03()))
                .patch("/api/areas/" + deoe)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].message", equalTo("Un área no puede quedar debajo de sí misma."));
    }

    @Test
    void shouldRegisterWithTheNewHeadAnAccountThatArrivesWhileTheStateBoardChanges() throws Exception {
        Tree t = tree();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<String> registration = QuarkusTransaction.requiringNew().call(() -> {
                areas.update(t.chis(), new AreaUpdate(null, null, "Mtra. Rosa Elena Pérez Gómez", "rosa.perez@ine.mx", null),
                        "cncs@ine.mx");
                Account.getEntityManager().flush();
                // This change cannot see an account registered now, so the registration must wait for it.
                Future<String> pending = client.submit(() -> registerAccount(t.chis03(), uniqueXHandle()));
                Thread.sleep(1500);
                assertThat(pending.isDone()).as("registration waits for the area change to commit").isFalse();
                return pending;
            });
            String id = registration.get(30, TimeUnit.SECONDS);
            assertThat(registeredSnapshot(id).ancestors().getFirst())
                    .isEqualTo(new AreaLink(t.chis(), CHIS_NAME, "LOCAL", "Mtra. Rosa Elena Pérez Gómez", "rosa.perez@ine.mx"));
        } finally {
            client.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static String area(String code, String name, String level, Integer state, Integer district, String parentCode,
                               String headName, String headEmail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("level", level);
        body.put("state", state);
        body.put("district", district);
        body.put("parentCode", parentCode);
        body.put("headName", headName);
        body.put("headEmail", headEmail);
        body.values().removeIf(java.util.Objects::isNull);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(body)
                .post("/api/areas").then().statusCode(201);
        return code;
    }

    private static mx.ine.redes.events.AccountSnapshot registeredSnapshot(String accountId) {
        return outbox(accountId, "AccountRegistered").stream()
                .map(envelope -> ((AccountRegistered) envelope.payload()).account())
                .findFirst().orElseThrow();
    }

    private static List<AccountUpdated> outboxUpdates(String accountId) {
        return outbox(accountId, "AccountUpdated").stream().map(envelope -> (AccountUpdated) envelope.payload()).toList();
    }

    private static List<EventEnvelope> outbox(String accountId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager().createQuery("""
                        select o.envelope from OutboxMessage o where o.messageKey = :key and o.eventType = :type
                        order by o.id""", String.class)
                .setParameter("key", accountId).setParameter("type", type)
                .getResultList()).stream().map(EventJson::read).toList();
    }

    private static long outboxRows(String... accountIds) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager().createQuery(
                        "select count(o) from OutboxMessage o where o.messageKey in :keys", Long.class)
                .setParameter("keys", List.of(accountIds)).getSingleResult());
    }

    private static long historyRows(String... accountIds) {
        return QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager().createQuery(
                        "select count(c) from AccountChange c where c.account.id in :ids", Long.class)
                .setParameter("ids", java.util.Arrays.stream(accountIds).map(UUID::fromString).toList())
                .getSingleResult());
    }

    private static Map<String, List<String>> typesOnTopic(List<String> accountIds) {
        Map<String, List<String>> types = new HashMap<>();
        accountIds.forEach(id -> types.put(id, new java.util.ArrayList<>()));
        KafkaTestClient.readAll(Topics.ACCOUNTS).stream()
                .filter(record -> types.containsKey(record.key()))
                .forEach(record -> types.get(record.key()).add(EventJson.read(record.value()).type()));
        return types.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
