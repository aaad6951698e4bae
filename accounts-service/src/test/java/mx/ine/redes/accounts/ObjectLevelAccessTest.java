package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccount;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.registerPerson;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueStaffEmail;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.ObjectLevelProbes;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Object-level probes of the registry: an account of another area or administered by somebody else
 * is answered as one that does not exist (404, nothing of it in the problem), on every operation
 * that takes an account's id, while its own administrator and the head of its area read it.
 * (AdministratorsAndVisibilityTest proves the lists and the export.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ObjectLevelAccessTest {

    private static final String[] READS = {"/api/accounts/{id}", "/api/accounts/{id}/history"};

    /** Changes are CNCS's alone (the role matrix proves the 403); a foreign account must not show through them. */
    private static final Map<String, String> CHANGES = Map.of(
            "PATCH /api/accounts/{id}", "{\"displayName\":\"Cuenta ajena\"}",
            "POST /api/accounts/{id}/decommission", "{\"reason\":\"x\",\"effectiveOn\":\"2026-01-05\"}",
            "POST /api/accounts/{id}/permanence", "{}",
            "POST /api/accounts/{id}/hijack-clearance", "{}",
            "POST /api/accounts/{id}/administrators", "{\"email\":\"intruso@ine.mx\"}",
            "DELETE /api/accounts/{id}/administrators/{personId}", "");

    /** One account with its administrator and the head of its area, and the same for another area. */
    private record Owned(String accountId, String handle, String adminToken, String headToken) {
    }

    private static Owned ownedAccount() {
        String head = uniqueStaffEmail("titular.objeto");
        registerArea(); // the shared state board, for the district boards below it
        String area = RegistryFixtures.registerArea("DISTRICT", RegistryFixtures.SHARED_STATE_BOARD, head);
        String handle = uniqueXHandle();
        String account = registerAccount(area, handle);
        String admin = uniqueStaffEmail("admin.objeto");
        registerPerson(admin);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("email", admin))
                .post("/api/accounts/" + account + "/administrators").then().statusCode(200);
        return new Owned(account, handle, TestTokens.forPerson(admin, Set.of(Roles.ACCOUNT_ADMIN), Map.of()),
                TestTokens.forPerson(head, Set.of(Roles.AREA_HEAD), Map.of()));
    }

    @Test
    void shouldAnswerAnotherAreasAccountAsMissingOnEveryReadByItsId() {
        Owned mine = ownedAccount();
        Owned theirs = ownedAccount();
        String missing = UUID.randomUUID().toString();
        SoftAssertions softly = new SoftAssertions();
        for (String path : READS) {
            for (String token : new String[] {mine.adminToken(), mine.headToken()}) {
                softly.assertThat(given().auth().oauth2(token).get(path.replace("{id}", mine.accountId())).statusCode())
                        .as("GET " + path + " of one's own account").isEqualTo(200);
                Response foreign = given().auth().oauth2(token).get(path.replace("{id}", theirs.accountId()));
                Response absent = given().auth().oauth2(token).get(path.replace("{id}", missing));
                ObjectLevelProbes.expectNotFound(softly, "GET " + path + " of another area's account", foreign,
                        theirs.accountId(), absent, missing, theirs.handle());
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldNotTellAnotherAreasAccountFromAMissingOneOnAnyChange() {
        Owned mine = ownedAccount();
        Owned theirs = ownedAccount();
        String missing = UUID.randomUUID().toString();
        String person = UUID.randomUUID().toString();
        SoftAssertions softly = new SoftAssertions();
        CHANGES.forEach((operation, body) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{personId}", person);
            for (String token : new String[] {mine.adminToken(), mine.headToken()}) {
                Response foreign = change(token, method, path.replace("{id}", theirs.accountId()), body);
                Response absent = change(token, method, path.replace("{id}", missing), body);
                softly.assertThat(foreign.statusCode()).as(operation + " on another area's account").isIn(403, 404);
                softly.assertThat(foreign.statusCode()).as(operation + " the same as on a missing one").isEqualTo(absent.statusCode());
                softly.assertThat(foreign.contentType()).as(operation + " is a problem").startsWith("application/problem+json");
                softly.assertThat(foreign.asString().replace(theirs.accountId(), "{id}"))
                        .as(operation + " says the same as for a missing account")
                        .isEqualTo(absent.asString().replace(missing, "{id}"));
            }
        });
        softly.assertAll();
        given().auth().oauth2(cncsToken()).get("/api/accounts/" + theirs.accountId()).then().statusCode(200)
                .body("displayName", org.hamcrest.Matchers.equalTo("Cuenta de prueba " + theirs.handle()))
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
    }

    private static Response change(String token, String method, String path, String body) {
        var request = given().auth().oauth2(token);
        if (!body.isEmpty()) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }

    @Test
    void shouldProbeEveryOperationThatTakesAnIdOrSayWhyNot() {
        ObjectLevelProbes probes = new ObjectLevelProbes();
        for (String path : READS) {
            probes.probing("GET " + path);
        }
        CHANGES.keySet().forEach(probes::probing);
        String areas = "Areas are read only by the roles that see the whole registry (CNCS, integration, committee, "
                + "transparency) and changed only by CNCS: there is no area out of their reach (AuthorizationMatrixTest "
                + "proves the 403 to the others).";
        probes.expectEveryOperationAccountedFor(Map.of(
                "GET /api/areas/{code}", areas,
                "PATCH /api/areas/{code}", areas,
                "GET /api/areas/{code}/history", areas,
                "POST /api/operations/dead-letters/{id}/replay", "Dead letters are an operator's (CNCS) records of the service "
                        + "itself, of no area; the role matrix proves the 403 to everybody else."));
    }
}
