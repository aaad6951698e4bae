package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The cross-cutting guarantees every endpoint inherits, checked on endpoints that exist only here. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ErrorContractTest {

    /** Someone forgot the roles: nobody may call it. */
    @Path("/api/test/sin-anotar")
    public static class UnannotatedResource {
        @GET
        public String reveal() {
            return "datos";
        }
    }

    @Path("/api/test/falla")
    public static class FailingResource {
        @GET
        @RolesAllowed(Roles.CNCS)
        public String fail() {
            throw new IllegalStateException("contraseña de la base: secreta");
        }
    }

    @Test
    void shouldRefuseAnEndpointWithoutRolesEvenToCncs() {
        given().auth().oauth2(RegistryFixtures.cncsToken()).get("/api/test/sin-anotar")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body(not(containsString("datos")));
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWithoutItsMessageOrStackTrace() {
        given().auth().oauth2(RegistryFixtures.cncsToken()).get("/api/test/falla")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Error interno del servidor"))
                .body("detail", containsString("Referencia"))
                .body(not(containsString("secreta")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at mx.ine")));
    }
}
