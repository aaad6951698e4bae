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
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AdministratorAssigned;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AdministratorsAndVisibilityTest {

    @Test
    void shouldRefuseStaffOutsideTheInstituteDomainStoringNothing() {
        long before = count("select count(p) from Person p");
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Alguien", "email", "alguien@gmail.com"))
                .post("/api/people")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        assertThat(count("select count(p) from Person p")).isEqualTo(before);
    }

    @Test
    void shouldAssignAndUnassignAdministratorsAnnouncingTheirEmails() {
        String area = registerArea();
        String id = registerAccount(area, uniqueXHandle());
        String email = uniqueStaffEmail("admin");
        String personId = registerPerson(email);
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id).then().body("withoutAdministrator", equalTo(true));

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase()))
                .post("/api/accounts/" + id + "/administrators")
                .then().statusCode(200).body("administrators", equalTo(List.of(email)))
                .body("withoutAdministrator", equalTo(false));
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/accounts/" + id + "/administrators").then().statusCode(409);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("email", "externo@gmail.com"))
                .post("/api/accounts/" + id + "/administrators").then().statusCode(400).body("errors[0].field", equalTo("email"));

        given().auth().oauth2(cncsToken()).delete("/api/accounts/" + id + "/administrators/" + personId)
                .then().statusCode(200).body("withoutAdministrator", equalTo(true));
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + id + "/history").then()
                .body("changes.change", equalTo(List.of("REGISTERED", "ADMINISTRATOR_ASSIGNED", "ADMINISTRATOR_UNASSIGNED")));
        assertThat(count("select count(aa) from AccountAdministrator aa where aa.account.id = ?1",
                java.util.UUID.fromString(id))).as("unassigning closes, never deletes").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.ACCOUNTS, id);
            assertThat(events).extracting(EventEnvelope::type)
                    .containsExactly("AccountRegistered", "AdministratorAssigned", "AccountUpdated", "AccountUpdated");
            assertThat(((AdministratorAssigned) events.get(1).payload()).personEmail()).isEqualTo(email);
            assertThat(((AccountUpdated) events.get(2).payload()).account().administratorEmails()).containsExactly(email);
            assertThat(((AccountUpdated) events.get(3).payload()).account().administratorEmails()).isEmpty();
        });
    }

    @Test
    void shouldShowAnAdministratorOnlyTheAccountsTheyAdminister() {
        String area = registerArea();
        String mine = registerAccount(area, uniqueXHandle());
        String notMine = registerAccount(area, uniqueXHandle());
        String email = uniqueStaffEmail("soloyo");
        registerPerson(email);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/accounts/" + mine + "/administrators").then().statusCode(200);
        String admin = TestTokens.forPerson(email, Set.of(Roles.ACCOUNT_ADMIN), Map.of());

        given().auth().oauth2(admin).get("/api/accounts?size=500").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(mine));
        given().auth().oauth2(admin).get("/api/accounts/" + mine).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/accounts/" + notMine).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).get("/api/accounts/" + notMine + "/history").then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("displayName", "Hackeo"))
                .patch("/api/accounts/" + mine).then().statusCode(403);
    }

    @Test
    void shouldShowAnAreaHeadTheirSubtreeOnly() {
        String head = uniqueStaffEmail("titular");
        String local = RegistryFixtures.registerArea("LOCAL", null, head);
        String district = RegistryFixtures.registerArea("DISTRICT", local, uniqueStaffEmail("vocal"));
        String elsewhere = registerArea();
        String inLocal = registerAccount(local, uniqueXHandle());
        String inDistrict = registerAccount(district, uniqueXHandle());
        String outside = registerAccount(elsewhere, uniqueXHandle());
        String token = TestTokens.forPerson(head, Set.of(Roles.AREA_HEAD), Map.of());

        List<String> seen = given().auth().oauth2(token).get("/api/accounts?size=500").then().statusCode(200)
                .extract().path("items.id");
        assertThat(seen).containsExactlyInAnyOrder(inLocal, inDistrict);
        given().auth().oauth2(token).get("/api/accounts/" + outside).then().statusCode(404);
        String export = given().auth().oauth2(token).get("/api/accounts/export").then().statusCode(200).extract().asString();
        assertThat(export).contains(inLocal, inDistrict).doesNotContain(outside);
    }

    @Test
    void shouldShowNothingToSomeoneWhoHeadsAndAdministersNothing() {
        String token = TestTokens.forPerson(uniqueStaffEmail("nadie"), Set.of(Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN), Map.of());
        given().auth().oauth2(token).get("/api/accounts").then().statusCode(200).body("total", equalTo(0));
    }
}
