package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerAccountFromUrl;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.uniqueXHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PublicVerificationTest {

    @Inject
    ShiftableClock clock;

    @BeforeEach
    void refillTheBucket() {
        // Each test starts with a full allowance: a minute later than any earlier request. Within the
        // class the clock only moves on (moving it back between tests would leave the buckets filled
        // just now unrefilled); it is put back once the class is done.
        clock.advance(Duration.ofMinutes(2));
    }

    @AfterAll
    static void putTheClockBack() {
        io.quarkus.arc.Arc.container().instance(ShiftableClock.class).get().reset();
    }

    @Test
    void shouldAnswerOfficialFormerAndUnknownWithoutAuthentication() {
        String area = registerArea();
        String handle = uniqueXHandle();
        String id = registerAccountFromUrl(area, "https://x.com/" + handle);

        given().get("/api/public/verify?url=https://twitter.com/" + handle.toUpperCase() + "?s=20")
                .then().statusCode(200).body("verdict", equalTo("OFFICIAL"))
                .body("areaName", startsWith("Área de prueba")).body("url", equalTo("https://x.com/" + handle));

        String day = RegistryFixtures.registeredOn(id);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("decommissionedOn", day, "reason", "Baja por inactividad"))
                .post("/api/accounts/" + id + "/decommission").then().statusCode(200);
        given().get("/api/public/verify?url=x.com/" + handle)
                .then().statusCode(200).body("verdict", equalTo("FORMER"))
                .body("decommissionedOn", equalTo(day)).body("message", containsString(day));

        given().get("/api/public/verify?url=https://x.com/" + uniqueXHandle())
                .then().statusCode(200).body("verdict", equalTo("UNKNOWN"));
    }

    @Test
    void shouldRejectWhatIsNotAnAccountUrl() {
        given().get("/api/public/verify?url=https://www.youtube.com/watch?v=abc")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].parameter", equalTo("url"));
        given().get("/api/public/verify").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldLimitTheRateWithRetryAfter() {
        Response limited = null;
        int allowed = 0;
        long started = clock.millis();
        for (int i = 0; i < 200 && limited == null; i++) {
            Response response = given().get("/api/public/verify?url=https://x.com/inemexico");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                allowed++;
            }
        }
        long elapsed = clock.millis() - started;
        assertThat(limited).as("a burst beyond the allowance is refused").isNotNull();
        // The bucket starts full (60) and refills continuously, one a second: on a loaded machine the
        // burst lasts more than a second and earns one more request per whole second it took.
        assertThat(allowed).as("allowed in a burst of %d ms", elapsed).isBetween(60, 60 + (int) (elapsed / 1000));
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        clock.advance(Duration.ofSeconds(Integer.parseInt(limited.header("Retry-After"))));
        given().get("/api/public/verify?url=https://x.com/inemexico").then().statusCode(200);
    }

    @Test
    void shouldAnswerACitizenWithoutAdviceMeantForTheInstitute() {
        given().get("/api/public/verify?url=https://www.infocdmx.org.mx/cuenta")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("url"))
                .body("errors[0].message", containsString("Copie la dirección completa del perfil"))
                .body("errors[0].message", org.hamcrest.Matchers.not(containsString("OTHER")))
                .body("detail", org.hamcrest.Matchers.not(containsString("registre")));
        given().header("Accept-Language", "en").get("/api/public/verify?url=https://www.infocdmx.org.mx/cuenta")
                .then().statusCode(400).body("errors[0].message", containsString("Copy the full address of the profile"));
        given().header("Accept-Language", "en").get("/api/public/verify?url=https://x.com/" + uniqueXHandle())
                .then().statusCode(200).body("message", startsWith("It is not registered as an official account"));
    }

    @Test
    void shouldCountTheClientTheTrustedProxySawNotWhatTheClientWroteInForwardedFor() {
        // The loopback address is a trusted proxy in tests: the client is the last hop it appended, whatever
        // the client wrote to its left (a new invented address on every request here).
        int status = 200;
        int sent = 0;
        for (; sent < 200 && status == 200; sent++) {
            status = given().header("X-Forwarded-For", "10.0." + sent + ".1, 198.51.100.7")
                    .get("/api/public/verify?url=https://x.com/inemexico").then().extract().statusCode();
        }
        assertThat(status).as("198.51.100.7 limited whatever it invents on the left").isEqualTo(429);
        assertThat(sent).isGreaterThan(60);
        given().header("X-Forwarded-For", "198.51.100.7, 198.51.100.8")
                .get("/api/public/verify?url=https://x.com/inemexico").then().statusCode(200);
    }
}
