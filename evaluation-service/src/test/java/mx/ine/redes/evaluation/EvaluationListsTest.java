package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every list of evaluation-service answers one page shape ({@code items, page, size, total}), and a
 * page beyond any list is an empty page, never a 500; the calendar's data refuses duplicates and
 * implausible processes. Uses 2033, which no other test touches, and leaves the calendar as it found it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class EvaluationListsTest {

    private static final List<String> LISTS = List.of("/api/escalations", "/api/notifications", "/api/requests",
            "/api/cycles", "/api/calendar/non-working-days", "/api/calendar/electoral-processes", "/api/calendar/changes",
            "/api/operations/timers");

    @Test
    void shouldAnswerAnEmptyPageFarBeyondTheEndOfEveryList() {
        for (String list : LISTS) {
            given().auth().oauth2(cncs()).queryParam("page", "2147483647").queryParam("size", "500").get(list)
                    .then().statusCode(200)
                    .body("items.size()", equalTo(0))
                    .body("page", equalTo(2147483647))
                    .body("size", equalTo(500));
        }
    }

    @Test
    void shouldRefuseAPageSizeAboveFiveHundredNamingTheParameter() {
        for (String list : LISTS) {
            given().auth().oauth2(cncs()).queryParam("size", "501").get(list)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo("size"));
        }
    }

    @Test
    void shouldPageNonWorkingDaysInOrderOfDay() {
        List<Map<String, String>> days = List.of(day("2033-03-01"), day("2033-03-02"), day("2033-03-03"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(days)
                .put("/api/calendar/non-working-days/years/2033").then().statusCode(200)
                .body("day", equalTo(List.of("2033-03-01", "2033-03-02", "2033-03-03")));
        try {
            given().auth().oauth2(cncs()).get("/api/calendar/non-working-days?year=2033&size=2&page=0").then().statusCode(200)
                    .body("items.day", equalTo(List.of("2033-03-01", "2033-03-02")))
                    .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3));
            given().auth().oauth2(cncs()).get("/api/calendar/non-working-days?year=2033&size=2&page=1").then().statusCode(200)
                    .body("items.day", equalTo(List.of("2033-03-03")))
                    .body("total", equalTo(3));
        } finally {
            given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(List.of())
                    .put("/api/calendar/non-working-days/years/2033").then().statusCode(200);
        }
    }

    @Test
    void shouldRefuseAnIdenticalElectoralProcessNamingIt() {
        Map<String, String> process = Map.of("name", "Proceso Electoral Local 2033", "startsOn", "2033-01-10",
                "endsOn", "2033-07-31", "sourceReference", "Acuerdo de prueba 2033");
        String id = given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(process)
                .post("/api/calendar/electoral-processes").then().statusCode(201).extract().path("id");
        try {
            given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(process)
                    .post("/api/calendar/electoral-processes").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("El proceso electoral Proceso Electoral Local 2033 (2033-01-10 a 2033-07-31) ya está"
                            + " registrado: " + id + "."))
                    .body("errors[0].field", equalTo("name"));
            given().auth().oauth2(cncs()).header("Accept-Language", "en").contentType(ContentType.JSON)
                    .body(Map.of("name", "  proceso electoral local 2033 ", "startsOn", "2033-01-10", "endsOn", "2033-07-31"))
                    .post("/api/calendar/electoral-processes").then().statusCode(409)
                    .body("detail", equalTo("The electoral process Proceso Electoral Local 2033 (2033-01-10 to 2033-07-31) is"
                            + " already registered: " + id + "."));
            given().auth().oauth2(cncs()).get("/api/calendar/electoral-processes?size=500").then().statusCode(200)
                    .body("items.findAll { it.name == 'Proceso Electoral Local 2033' }.size()", equalTo(1));
        } finally {
            given().auth().oauth2(cncs()).delete("/api/calendar/electoral-processes/" + id).then().statusCode(204);
        }
    }

    @Test
    void shouldRefuseAnElectoralProcessLongerThanTwoYearsNamingItsDates() {
        // 10 January 2033 + P2Y = 10 January 2035: ending the 11th is one day too long.
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("name", "Proceso de 210 años", "startsOn", "2033-01-10", "endsOn", "2035-01-11"))
                .post("/api/calendar/electoral-processes").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("Un proceso electoral dura a lo más P2Y (calendar.max-electoral-process-length):"
                        + " 2033-01-10 a 2035-01-11 es más largo."))
                .body("errors.field", equalTo(List.of("startsOn", "endsOn")));
        given().auth().oauth2(cncs()).get("/api/calendar/electoral-processes?size=500").then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.not(hasItems("Proceso de 210 años")));
    }

    @Test
    void shouldKeepDeletingADayAndReplacingAYearOnDistinctPaths() {
        // DELETE …/{date} and PUT …/years/{year}: no two templated paths the same for OpenAPI.
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/calendar/non-working-days/{date}",
                        "/api/calendar/non-working-days/years/{year}"))
                .body("paths.'/api/calendar/non-working-days/{date}'.keySet()", org.hamcrest.Matchers.contains("delete"))
                .body("paths.'/api/calendar/non-working-days/years/{year}'.keySet()", org.hamcrest.Matchers.contains("put"));
    }

    @Test
    void shouldExplainADeadlineInEnglishOnRequest() {
        // Friday 14 March 2031 10:00 CST + 1: Monday 17 is the third Monday of March.
        given().auth().oauth2(cncs()).header("Accept-Language", "en")
                .get("/api/calendar/deadline?from=2031-03-14T16:00:00Z&businessDays=1").then().statusCode(200)
                .body("days.reason", hasItems("Saturday", "Sunday"))
                .body("days.reason", org.hamcrest.Matchers.hasItem(containsString("third Monday of March")));
    }

    private static Map<String, String> day(String day) {
        return Map.of("day", day, "description", "Día de prueba " + day, "sourceReference", "Prueba 2033");
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
