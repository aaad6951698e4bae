package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.count;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccountFromUrl;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.PermanenceRecorded;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AccountLifecycleTest {

    @Test
    void shouldRegisterFromPastedUrlAndRefuseTheSameAccountWrittenAnotherWay() {
        String area = registerArea();
        String handle = uniqueXHandle();
        String id = registerAccountFromUrl(area, "https://twitter.com/" + handle.toUpperCase() + "?lang=es");

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().statusCode(200)
                .body("network", equalTo("X")).body("handle", equalTo(handle)).body("url", equalTo("https://x.com/" + handle));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "mobile.x.com/@" + handle + "/", "displayName", "Otra", "kind", "INSTITUTIONAL", "areaCode", area))
                .post("/api/accounts")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(id));
    }

    @Test
    void shouldRefuseForeignUrlAndIllegalHandleStoringNothing() {
        String area = registerArea();
        long before = count("select count(a) from Account a");
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://www.infocdmx.org.mx/index.php", "displayName", "X", "kind", "INSTITUTIONAL", "areaCode", area))
                .post("/api/accounts").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "INSTAGRAM", "handle", "ine/mexico", "displayName", "X", "kind", "INSTITUTIONAL", "areaCode", area))
                .post("/api/accounts").then().statusCode(400).body("errors[0].field", equalTo("handle"));
        assertThat(count("select count(a) from Account a")).isEqualTo(before);
    }

    @Test
    void shouldFollowAHandleChangeBySamePlatformIdAndRecordIt() {
        String area = registerArea();
        String oldHandle = uniqueXHandle();
        String newHandle = uniqueXHandle();
        String platformId = UUID.randomUUID().toString();
        String id = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", oldHandle, "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                        "areaCode", area, "platformAccountId", platformId))
                .post("/api/accounts").then().statusCode(201).extract().path("id");

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", newHandle, "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                        "areaCode", area, "platformAccountId", platformId))
                .post("/api/accounts")
                .then().statusCode(200).body("id", equalTo(id)).body("handle", equalTo(newHandle));

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history").then().statusCode(200)
                .body("changes.change", equalTo(List.of("REGISTERED", "HANDLE_CHANGED")))
                .body("changes[1].before.handle", equalTo(oldHandle))
                .body("changes[1].after.handle", equalTo(newHandle))
                .body("changes[1].changedBy", equalTo("cncs@ine.mx"));
        assertThat(count("select count(a) from Account a where a.platformAccountId = ?1", platformId)).isEqualTo(1);
    }

    @Test
    void shouldFlagAPossibleHijackWhenAKnownHandleComesWithAnotherPlatformId() {
        String area = registerArea();
        String handle = uniqueXHandle();
        String id = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", handle, "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                        "areaCode", area, "platformAccountId", "111"))
                .post("/api/accounts").then().statusCode(201).extract().path("id");

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("network", "X", "handle", handle, "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                        "areaCode", area, "platformAccountId", "222"))
                .post("/api/accounts")
                .then().statusCode(409).body("detail", containsString("suplantación"));

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().body("possibleHijack", equalTo(true))
                .body("platformAccountId", equalTo("111"));
        given().auth().oauth2(cncsToken()).get("/api/accounts?possibleHijack=true&q=" + handle)
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(id));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, id))
                .anySatisfy(event -> assertThat(event.payload()).isInstanceOfSatisfying(AccountUpdated.class,
                        updated -> assertThat(updated.changedFields()).containsExactly("possibleHijack"))));
    }

    @Test
    void shouldDecommissionOnceWithReasonAndKeepEverything() {
        String area = registerArea();
        String handle = uniqueXHandle();
        String id = registerAccount(area, handle);
        String day = RegistryFixtures.registeredOn(id);

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", day))
                .post("/api/accounts/" + id + "/decommission")
                .then().statusCode(400).body("errors.field", hasItems("reason"));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().body("status", equalTo("ACTIVE"));

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", day, "reason", "Inactiva más de un año", "observations", "Propuesta del Comité"))
                .post("/api/accounts/" + id + "/decommission")
                .then().statusCode(200).body("status", equalTo("DECOMMISSIONED"))
                .body("decommissionedOn", equalTo(day)).body("decommissionReason", equalTo("Inactiva más de un año"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", day, "reason", "Otra vez"))
                .post("/api/accounts/" + id + "/decommission")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history").then()
                .body("acts.kind", equalTo(List.of("DECOMMISSION")))
                .body("changes.change", equalTo(List.of("REGISTERED", "DECOMMISSIONED")))
                .body("changes[1].before.status", equalTo("ACTIVE"))
                .body("changes[1].after.status", equalTo("DECOMMISSIONED"));
        // The handle is free again for a new live account; the old one stays, decommissioned.
        String successor = registerAccount(area, handle);
        assertThat(successor).isNotEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.ACCOUNTS, id);
            assertThat(events).extracting(EventEnvelope::type).containsExactly("AccountRegistered", "AccountDecommissioned");
            AccountDecommissioned baja = (AccountDecommissioned) events.get(1).payload();
            assertThat(baja.reason()).isEqualTo("Inactiva más de un año");
            assertThat(baja.areaCode()).isEqualTo(area);
        });
    }

    @Test
    void shouldRecordPermanenceAndCorrectionsInHistory() {
        String area = registerArea();
        String otherArea = registerArea();
        String id = registerAccount(area, uniqueXHandle());

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decidedOn", "2026-11-20", "reason", "  Cuenta con publicaciones frecuentes ",
                        "observations", "Revisada por la Subdirección"))
                .post("/api/accounts/" + id + "/permanence")
                .then().statusCode(201).body("kind", equalTo("PERMANENCE"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Nombre corregido", "areaCode", otherArea, "notLocated", true))
                .patch("/api/accounts/" + id)
                .then().statusCode(200).body("displayName", equalTo("Nombre corregido")).body("areaCode", equalTo(otherArea))
                .body("notLocated", equalTo(true));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("status", "DECOMMISSIONED"))
                .patch("/api/accounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history").then()
                .body("acts.kind", equalTo(List.of("PERMANENCE")))
                .body("changes.change", equalTo(List.of("REGISTERED", "PERMANENCE", "UPDATED")))
                .body("changes[2].before.areaCode", equalTo(area))
                .body("changes[2].after.areaCode", equalTo(otherArea));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, id))
                .extracting(EventEnvelope::type).contains("AccountUpdated", "AccountFlaggedDormant"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, id))
                .filteredOn(envelope -> envelope.type().equals("PermanenceRecorded")).singleElement()
                .extracting(EventEnvelope::payload).isInstanceOfSatisfying(PermanenceRecorded.class, permanence -> {
                    assertThat(permanence.accountId()).isEqualTo(UUID.fromString(id));
                    assertThat(permanence.actId()).isNotNull();
                    assertThat(permanence.decidedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
                    assertThat(permanence.reason()).isEqualTo("Cuenta con publicaciones frecuentes");
                    assertThat(permanence.observations()).isEqualTo("Revisada por la Subdirección");
                }));
    }
}
