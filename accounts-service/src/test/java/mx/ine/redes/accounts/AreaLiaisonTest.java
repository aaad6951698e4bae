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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Art. 9: an area names its person in charge of the topic ("encargado del tema"); the area's own
 * accounts carry that person in their snapshots, and a change of them is an act of the area.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AreaLiaisonTest {

    @Test
    void shouldNameTheLiaisonAndAnnounceTheAccountsOfThatAreaOnly() {
        String area = RegistryFixtures.registerArea("CENTRAL", null, "titular.direccion@ine.mx");
        String below = RegistryFixtures.registerArea("CENTRAL", area, "titular.subdireccion@ine.mx");
        String onBoard = registerAccount(area, uniqueXHandle());
        String onBelow = registerAccount(below, uniqueXHandle());
        assertThat(registeredSnapshot(onBoard).liaisonEmail()).isNull();

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("liaisonName", "  Lic. Marta Ibáñez Cruz ", "liaisonEmail", "Marta.Ibanez@INE.mx"))
                .patch("/api/areas/" + area)
                .then().statusCode(200)
                .body("liaisonName", equalTo("Lic. Marta Ibáñez Cruz"))
                .body("liaisonEmail", equalTo("marta.ibanez@ine.mx"))
                .body("headEmail", equalTo("titular.direccion@ine.mx"));
        given().auth().oauth2(cncsToken()).get("/api/areas/" + area)
                .then().statusCode(200)
                .body("liaisonName", equalTo("Lic. Marta Ibáñez Cruz"))
                .body("liaisonEmail", equalTo("marta.ibanez@ine.mx"));

        assertThat(outboxUpdates(onBoard)).singleElement().satisfies(update -> {
            assertThat(update.changedFields()).containsExactly("liaisonName", "liaisonEmail");
            assertThat(update.account().liaisonName()).isEqualTo("Lic. Marta Ibáñez Cruz");
            assertThat(update.account().liaisonEmail()).isEqualTo("marta.ibanez@ine.mx");
            assertThat(update.account().headEmail()).isEqualTo("titular.direccion@ine.mx");
        });
        // The snapshot carries the owning area's liaison only: the area below has none of its own.
        assertThat(outboxUpdates(onBelow)).isEmpty();

        // An account registered afterwards carries it from its first event.
        String later = registerAccount(area, uniqueXHandle());
        assertThat(registeredSnapshot(later).liaisonName()).isEqualTo("Lic. Marta Ibáñez Cruz");
        assertThat(registeredSnapshot(later).liaisonEmail()).isEqualTo("marta.ibanez@ine.mx");

        // The act is kept in the area's history and, as seen by each account, in theirs.
        given().auth().oauth2(cncsToken()).get("/api/areas/" + area + "/history")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].change", equalTo("LIAISON_NAMED"))
                .body("items[0].changedBy", equalTo("cncs@ine.mx"))
                .body("items[0].before.liaisonEmail", nullValue())
                .body("items[0].after.liaisonName", equalTo("Lic. Marta Ibáñez Cruz"))
                .body("items[0].after.liaisonEmail", equalTo("marta.ibanez@ine.mx"));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + onBoard + "/history")
                .then().statusCode(200)
                .body("changes.change", equalTo(List.of("REGISTERED", "AREA_UPDATED")))
                .body("changes[1].before.liaisonEmail", nullValue())
                .body("changes[1].after.liaisonEmail", equalTo("marta.ibanez@ine.mx"));

        // Another e-mail, the name unchanged; then removed.
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("liaisonEmail", "marta.ibanez.cruz@ine.mx"))
                .patch("/api/areas/" + area)
                .then().statusCode(200)
                .body("liaisonName", equalTo("Lic. Marta Ibáñez Cruz"))
                .body("liaisonEmail", equalTo("marta.ibanez.cruz@ine.mx"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("removeLiaison", true))
                .patch("/api/areas/" + area)
                .then().statusCode(200).body("liaisonName", nullValue()).body("liaisonEmail", nullValue());

        List<AccountUpdated> updates = outboxUpdates(onBoard);
        assertThat(updates).hasSize(3);
        assertThat(updates.get(1).changedFields()).containsExactly("liaisonEmail");
        assertThat(updates.get(1).account().liaisonEmail()).isEqualTo("marta.ibanez.cruz@ine.mx");
        assertThat(updates.get(2).changedFields()).containsExactly("liaisonName", "liaisonEmail");
        assertThat(updates.get(2).account().liaisonName()).isNull();
        assertThat(updates.get(2).account().liaisonEmail()).isNull();
        given().auth().oauth2(cncsToken()).get("/api/areas/" + area + "/history")
                .then().statusCode(200)
                .body("items.change", equalTo(List.of("LIAISON_NAMED", "LIAISON_NAMED", "LIAISON_REMOVED")))
                .body("items[2].before.liaisonEmail", equalTo("marta.ibanez.cruz@ine.mx"))
                .body("items[2].after.liaisonEmail", nullValue());

        // And they reach the topic, after the account's registration.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> delivered = KafkaTestClient.eventsFor(Topics.ACCOUNTS, onBoard);
            assertThat(delivered).extracting(EventEnvelope::type)
                    .containsExactly("AccountRegistered", "AccountUpdated", "AccountUpdated", "AccountUpdated");
            assertThat(((AccountUpdated) delivered.get(1).payload()).account().liaisonEmail())
                    .isEqualTo("marta.ibanez@ine.mx");
        });
    }

    @Test
    void shouldRefuseHalfALiaisonOrAnEmailOutsideTheInstituteAndChangeNothing() {
        String area = RegistryFixtures.registerArea("CENTRAL", null, "titular.direccion@ine.mx");
        String account = registerAccount(area, uniqueXHandle());

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("liaisonName", "Lic. Marta Ibáñez Cruz"))
                .patch("/api/areas/" + area)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("liaisonEmail"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("liaisonName", "Lic. Marta Ibáñez Cruz", "liaisonEmail", "marta.ibanez@gmail.com"))
                .patch("/api/areas/" + area)
                .then().statusCode(400).body("errors[0].field", equalTo("liaisonEmail"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("liaisonName", "   ", "liaisonEmail", "marta.ibanez@ine.mx"))
                .patch("/api/areas/" + area)
                .then().statusCode(400).body("errors[0].field", equalTo("liaisonName"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("removeLiaison", true, "liaisonEmail", "marta.ibanez@ine.mx"))
                .patch("/api/areas/" + area)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("removeLiaison"))
                .body("errors[0].message", equalTo("Indique un encargado del tema nuevo o removeLiaison, no ambos."));
        // Removing a liaison the area does not have changes nothing either.
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("removeLiaison", true))
                .patch("/api/areas/" + area)
                .then().statusCode(200).body("liaisonEmail", nullValue());
        // Only CNCS names one.
        given().auth().oauth2(mx.ine.redes.support.testing.TestTokens.forRole(mx.ine.redes.support.security.Roles.COMMITTEE))
                .contentType(ContentType.JSON)
                .body(Map.of("liaisonName", "Lic. Marta Ibáñez Cruz", "liaisonEmail", "marta.ibanez@ine.mx"))
                .patch("/api/areas/" + area)
                .then().statusCode(403);

        assertThat(outboxUpdates(account)).isEmpty();
        given().auth().oauth2(cncsToken()).get("/api/areas/" + area + "/history")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(cncsToken()).get("/api/areas/NO-EXISTE-XYZ/history").then().statusCode(404);
    }

    private static AccountSnapshot registeredSnapshot(String accountId) {
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
}
