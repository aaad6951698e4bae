package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Outside the local stack (here: the test profile) the simulation clock does not exist. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class SimulationClockTest {

    @Test
    void shouldNotMoveTheClockUnlessTheLocalProfileEnablesIt() {
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).contentType(ContentType.JSON).body(Map.of("duration", "PT1H"))
                .post("/api/simulation/clock/advance").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("duration", "PT1H"))
                .post("/api/simulation/clock/advance").then().statusCode(401);
    }
}
