package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.count;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.registerPerson;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueStaffEmail;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** Identity by platform id, the possible-hijack flag and its clearance, and the dates of facts in the past. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RegistryRulesTest {

    @Test
    void shouldRefuseARegistrationByAKnownPlatformIdWithAnotherAreaKindAndNameNamingThem() {
        String area = registerArea();
        String otherArea = registerArea();
        String platformId = UUID.randomUUID().toString();
        String handle = uniqueXHandle();
        String id = register(Map.of("network", "X", "handle", handle, "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                "areaCode", area, "platformAccountId", platformId)).statusCode(201).extract().path("id");
        long outboxBefore = count("select count(o) from OutboxMessage o");

        register(Map.of("network", "X", "handle", uniqueXHandle(), "displayName", "Otro nombre", "kind", "PROGRAMME",
                "areaCode", otherArea, "platformAccountId", platformId))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(id))
                .body("errors.field", containsInAnyOrder("areaCode", "kind", "displayName"));

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then()
                .body("handle", equalTo(handle)).body("areaCode", equalTo(area)).body("kind", equalTo("INSTITUTIONAL"));
        assertThat(count("select count(o) from OutboxMessage o")).isEqualTo(outboxBefore);
    }

    @Test
    void shouldAnswerAnIdenticalRepeatWith200AndTheExistingAccountChangingNothing() {
        String area = registerArea();
        Map<String, Object> body = Map.of("network", "X", "handle", uniqueXHandle(), "displayName", "Cuenta",
                "kind", "INSTITUTIONAL", "areaCode", area, "platformAccountId", UUID.randomUUID().toString());
        String id = register(body).statusCode(201).extract().path("id");
        long outboxBefore = count("select count(o) from OutboxMessage o");

        register(body).statusCode(200).body("id", equalTo(id));

        assertThat(count("select count(o) from OutboxMessage o")).isEqualTo(outboxBefore);
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history").then()
                .body("changes.change", equalTo(List.of("REGISTERED")));
    }

    @Test
    void shouldClearAPossibleHijackWithAJustifiedActKeptInHistoryAndAnnounced() {
        String area = registerArea();
        String handle = uniqueXHandle();
        String registeredId = UUID.randomUUID().toString();
        String newId = UUID.randomUUID().toString();
        String id = register(Map.of("network", "X", "handle", handle, "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                "areaCode", area, "platformAccountId", registeredId)).statusCode(201).extract().path("id");
        register(Map.of("network", "X", "handle", handle, "displayName", "Cuenta", "kind", "INSTITUTIONAL",
                "areaCode", area, "platformAccountId", newId)).statusCode(409);

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("justification", " "))
                .post("/api/accounts/" + id + "/hijack-clearance").then().statusCode(400)
                .body("errors[0].field", equalTo("justification"));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("justification", "La plataforma migró el identificador; confirmado con la DECEYEC.",
                        "platformAccountId", newId))
                .post("/api/accounts/" + id + "/hijack-clearance").then().statusCode(201)
                .header("Location", containsString("/api/accounts/" + id + "/history"))
                .body("kind", equalTo("HIJACK_CLEARANCE"));

        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then()
                .body("possibleHijack", equalTo(false)).body("platformAccountId", equalTo(newId));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history").then()
                .body("changes.change", hasItem("POSSIBLE_HIJACK_CLEARED"))
                .body("changes.find { it.change == 'POSSIBLE_HIJACK_CLEARED' }.after.justification",
                        equalTo("La plataforma migró el identificador; confirmado con la DECEYEC."))
                .body("changes.find { it.change == 'POSSIBLE_HIJACK_CLEARED' }.changedBy", equalTo("cncs@ine.mx"))
                .body("acts.kind", hasItem("HIJACK_CLEARANCE"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.ACCOUNTS, id))
                .anySatisfy(event -> assertThat(event.payload()).isInstanceOfSatisfying(AccountUpdated.class, updated ->
                        assertThat(updated.changedFields()).containsExactly("possibleHijack", "platformAccountId"))));
        // Cleared once: a second clearance has nothing to clear.
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("justification", "Otra vez"))
                .post("/api/accounts/" + id + "/hijack-clearance").then().statusCode(409);
    }

    @Test
    void shouldRefuseABajaBeforeTheAccountsRegistrationChangingNothing() {
        String id = registerAccount(registerArea(), uniqueXHandle());
        LocalDate registered = LocalDate.parse(RegistryFixtures.registeredOn(id));

        for (String before : List.of(registered.minusDays(1).toString(), "1990-01-01")) {
            given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                    .body(Map.of("decommissionedOn", before, "reason", "Antes de existir"))
                    .post("/api/accounts/" + id + "/decommission").then().statusCode(400)
                    .body("errors[0].field", equalTo("decommissionedOn"))
                    .body("errors[0].message", containsString(registered.toString()));
        }
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldRefuseAFutureLastPublicationOnRegistration() {
        Map<String, Object> body = new HashMap<>(Map.of("network", "X", "handle", uniqueXHandle(), "displayName", "Cuenta",
                "kind", "INSTITUTIONAL", "areaCode", registerArea()));
        body.put("lastPublicationOn", "2199-12-31");
        long before = count("select count(a) from Account a");

        register(body).statusCode(400).body("errors[0].field", equalTo("lastPublicationOn"));
        assertThat(count("select count(a) from Account a")).isEqualTo(before);
    }

    @Test
    void shouldRefuseAFutureTrainingAndAFutureDocumentStoringThemAsGivenOtherwise() {
        String attendee = uniqueStaffEmail("asistente");
        registerPerson(attendee);
        Map<String, Object> training = new HashMap<>(Map.of("topic", "Uso de redes", "hours", 2, "modality", "EN_LINEA",
                "attendeeEmails", List.of(attendee)));
        training.put("heldOn", "2199-01-01");
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(training).post("/api/trainings")
                .then().statusCode(400).body("errors[0].field", equalTo("heldOn"));
        training.put("heldOn", "2024-02-29");
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(training).post("/api/trainings")
                .then().statusCode(201).body("heldOn", equalTo("2024-02-29"));

        Map<String, Object> document = new HashMap<>(Map.of("title", "Guía", "link", "https://ine.mx/guia.pdf"));
        document.put("publishedOn", "2199-01-01");
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(document).post("/api/documents")
                .then().statusCode(400).body("errors[0].field", equalTo("publishedOn"));
    }

    @Test
    void shouldPagePeopleTrainingsDocumentsAndAreas() {
        for (String list : List.of("/api/people", "/api/trainings", "/api/documents", "/api/areas", "/api/accounts")) {
            given().auth().oauth2(cncsToken()).get(list + "?page=0&size=1").then().statusCode(200)
                    .body("page", equalTo(0)).body("size", equalTo(1))
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1))
                    .body("total", org.hamcrest.Matchers.notNullValue());
            given().auth().oauth2(cncsToken()).get(list + "?page=2147483647&size=500").then().statusCode(200)
                    .body("items.size()", equalTo(0));
            given().auth().oauth2(cncsToken()).get(list + "?size=501").then().statusCode(400)
                    .body("errors[0].parameter", equalTo("size"));
        }
    }

    private static io.restassured.response.ValidatableResponse register(Map<String, Object> body) {
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(body).post("/api/accounts").then();
    }
}
