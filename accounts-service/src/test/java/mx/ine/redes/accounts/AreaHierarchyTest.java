package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The Institute's structure (domain.md §2), enforced on every registration: REST and CSV alike. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AreaHierarchyTest {

    private static final String HEADER = "code,name,level,state,district,parentCode,headName,headEmail\n";

    @Test
    void shouldRefuseASecondDistrictBoardForTheSameStateAndNumberNamingTheFirst() {
        String local = RegistryFixtures.registerArea("LOCAL", null, "titular.prueba@ine.mx");
        int state = given().auth().oauth2(cncsToken()).get("/api/areas/" + local).then().extract().path("state");
        String first = unique("JDE-");
        post(area(first, "DISTRICT", state, 3, local)).statusCode(201);

        post(area(unique("JDE-"), "DISTRICT", state, 3, local)).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("El distrito 3 de la entidad " + state + " ya tiene junta distrital: " + first + "."))
                .body("errors.field", hasItems("state", "district"));
        post(area(unique("JDE-"), "DISTRICT", state, 4, local)).statusCode(201);
    }

    @Test
    void shouldRefuseASecondStateBoardForOneState() {
        String local = RegistryFixtures.registerArea("LOCAL", null, "titular.prueba@ine.mx");
        int state = given().auth().oauth2(cncsToken()).get("/api/areas/" + local).then().extract().path("state");

        given().auth().oauth2(cncsToken()).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(area(unique("JLE-"), "LOCAL", state, null, null)).post("/api/areas")
                .then().statusCode(409)
                .body("detail", equalTo("State " + state + " already has a state board: " + local + "."))
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void shouldRefuseADistrictBoardUnderACentralArea() {
        String central = RegistryFixtures.registerArea("CENTRAL", null, "titular.prueba@ine.mx");

        post(area(unique("JDE-"), "DISTRICT", 7, 9, central)).statusCode(400)
                .body("errors[0].field", equalTo("parentCode"))
                .body("errors[0].message", containsString(central));
        post(area(unique("JDE-"), "DISTRICT", 7, 9, null)).statusCode(400)
                .body("errors[0].field", equalTo("parentCode"));
    }

    @Test
    void shouldRefuseADistrictBoardOfAnotherStateThanItsStateBoard() {
        String local = RegistryFixtures.registerArea("LOCAL", null, "titular.prueba@ine.mx");
        int state = given().auth().oauth2(cncsToken()).get("/api/areas/" + local).then().extract().path("state");
        int other = state == 32 ? 31 : state + 1;

        post(area(unique("JDE-"), "DISTRICT", other, 1, local)).statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void shouldRefuseACentralAreaWithAStateOrADistrictNamingBoth() {
        post(area(unique("DIR-"), "CENTRAL", 9, 2, null)).statusCode(400)
                .body("errors.field", hasItems("state", "district"));
        Map<String, Object> localWithDistrict = area(unique("JLE-"), "LOCAL", 9, 2, null);
        post(localWithDistrict).statusCode(400).body("errors.field", hasItem("district"));
    }

    @Test
    void shouldRefuseMovingADistrictBoardUnderACentralArea() {
        String district = RegistryFixtures.registerArea();
        String central = RegistryFixtures.registerArea("CENTRAL", null, "titular.prueba@ine.mx");

        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(Map.of("parentCode", central))
                .patch("/api/areas/" + district).then().statusCode(400).body("errors[0].field", equalTo("parentCode"));
        given().auth().oauth2(cncsToken()).get("/api/areas/" + district).then()
                .body("parentCode", equalTo(RegistryFixtures.SHARED_STATE_BOARD));
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentRegistrationsOfASeatWin() throws Exception {
        String local = RegistryFixtures.registerArea("LOCAL", null, "titular.prueba@ine.mx");
        int state = given().auth().oauth2(cncsToken()).get("/api/areas/" + local).then().extract().path("state");
        int district = RegistryFixtures.freeDistrict(state);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> register = () -> {
                Map<String, Object> body = area(unique("JDE-"), "DISTRICT", state, district, local);
                start.await();
                return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(body).post("/api/areas")
                        .statusCode();
            };
            Future<Integer> one = pool.submit(register);
            Future<Integer> two = pool.submit(register);
            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReportEveryStructuralErrorOfAnAreaImportByLineAndColumnImportingNothing() {
        String local = RegistryFixtures.registerArea("LOCAL", null, "titular.prueba@ine.mx");
        int state = given().auth().oauth2(cncsToken()).get("/api/areas/" + local).then().extract().path("state");
        String central = unique("DIR-");
        String first = unique("JDE-");
        String csv = HEADER
                + central + ",Dirección,CENTRAL,5,,,,\n"                                  // line 2: central with a state
                + first + ",Distrito 7,DISTRICT," + state + ",7," + local + ",,\n"       // line 3: fine
                + unique("JDE-") + ",Distrito 7 bis,DISTRICT," + state + ",7," + local + ",,\n" // line 4: same seat as line 3
                + unique("JDE-") + ",Bajo central,DISTRICT,5,8," + central + ",,\n"   // line 5: district under a central area
                + unique("JLE-") + ",Segunda local,LOCAL," + state + ",,,,\n"            // line 6: the state has its board
                + unique("DIR-") + ",Sobra,CENTRAL,,,,,,extra\n";                        // line 7: an extra column

        ValidatableResponse refused = given().auth().oauth2(cncsToken()).contentType("text/csv").body(csv)
                .post("/api/areas/import").then().statusCode(422).contentType("application/problem+json");
        refused.body("errors.findAll { it.line == 2 }.field", hasItem("state"))
                .body("errors.findAll { it.line == 4 }.field", hasItem("district"))
                .body("errors.findAll { it.line == 4 }.message[0]", containsString("línea 3"))
                .body("errors.findAll { it.line == 5 }.field", hasItem("parentCode"))
                .body("errors.findAll { it.line == 6 }.message[0]", containsString(local))
                .body("errors.findAll { it.line == 7 }.size()", equalTo(1))
                .body("errors.findAll { it.line == 3 }.size()", equalTo(0));
        given().auth().oauth2(cncsToken()).get("/api/areas/" + first).then().statusCode(404);
    }

    @Test
    void shouldExplainAnInvalidCodeInTheCallersLanguage() {
        Map<String, Object> body = area("ab", "CENTRAL", null, null, null);
        post(body).statusCode(400).body("errors[0].field", equalTo("code"))
                .body("errors[0].message", equalTo("debe tener de 2 a 30 mayúsculas, dígitos o guiones"));
        given().auth().oauth2(cncsToken()).header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .post("/api/areas").then().statusCode(400)
                .body("errors[0].message", equalTo("must be 2 to 30 capital letters, digits or hyphens"));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(body).post("/api/areas").then();
    }

    private static Map<String, Object> area(String code, String level, Integer state, Integer district, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Área " + code);
        body.put("level", level);
        if (state != null) {
            body.put("state", state);
        }
        if (district != null) {
            body.put("district", district);
        }
        if (parent != null) {
            body.put("parentCode", parent);
        }
        return body;
    }
}
