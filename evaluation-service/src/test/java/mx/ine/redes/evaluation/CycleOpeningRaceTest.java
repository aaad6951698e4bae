package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Four CNCS users open the same cycle at the same instant, over HTTP: one opens it, the others are
 * told which cycle was already opened (not a generic conflict). 2019-S2 may be opened at any time
 * after 15 December 2019, so the clock need not move; no other test opens it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class CycleOpeningRaceTest {

    private static final int OPENERS = 4;

    @Test
    void shouldTellTheLosersOfAConcurrentOpeningWhichCycleWasAlreadyOpened() throws Exception {
        String cncs = TestTokens.forRole(Roles.CNCS);
        CyclicBarrier start = new CyclicBarrier(OPENERS);
        ExecutorService openers = Executors.newFixedThreadPool(OPENERS);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < OPENERS; i++) {
                String language = i % 2 == 0 ? "es" : "en";
                answers.add(openers.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return given().auth().oauth2(cncs).header("Accept-Language", language).contentType(ContentType.JSON)
                            .body(Map.of("id", "2019-S2")).post("/api/cycles");
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(120, TimeUnit.SECONDS));
            }
            assertThat(responses).extracting(Response::statusCode).containsOnly(201, 409)
                    .filteredOn(status -> status == 201).hasSize(1);
            for (int i = 0; i < OPENERS; i++) {
                Response response = responses.get(i);
                if (response.statusCode() == 409) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("detail")).isEqualTo(i % 2 == 0
                            ? "El ciclo 2019-S2 ya fue abierto." : "Cycle 2019-S2 has already been opened.");
                    assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("id");
                } else {
                    assertThat(response.header("Location")).endsWith("/api/cycles/2019-S2");
                }
            }
        } finally {
            openers.shutdownNow();
        }
        given().auth().oauth2(cncs).get("/api/cycles/2019-S2").then().statusCode(200);
    }
}
