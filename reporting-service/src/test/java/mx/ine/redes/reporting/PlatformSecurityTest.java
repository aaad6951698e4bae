package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.ManagementInterface;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * What the shared configuration promises every service: a token issued for another audience is
 * refused, and health and metrics answer on the management interface, not on the API's port.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PlatformSecurityTest {

    @Test
    void shouldRefuseATokenIssuedForAnotherAudience() {
        String otherSystems = TestTokens.forAudience("otro-sistema", "cncs@ine.mx", Set.of(Roles.CNCS), Map.of());
        given().auth().oauth2(otherSystems)
                .get("/api/registry/accounts/" + UUID.randomUUID())
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldAcceptATokenIssuedForTheServicesAudience() {
        // The same person and role with the expected audience gets past authentication (404: unknown account).
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                .get("/api/registry/accounts/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void shouldAnswerHealthAndMetricsOnTheManagementInterfaceOnly() {
        given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
