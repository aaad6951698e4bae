package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mx.ine.redes.evaluation.calendar.CalendarChanged;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Uses 2031 and 2032, which no other test touches, and leaves the calendar as it found it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class CalendarResourceTest {

    @ApplicationScoped
    static class ChangeRecorder {
        static final List<CalendarChanged> SEEN = new CopyOnWriteArrayList<>();

        void seen(@Observes CalendarChanged change) {
            SEEN.add(change);
        }
    }

    @Test
    void shouldAddANonWorkingDayThatMovesDeadlinesAndExplainsWhy() {
        // Friday 14 March 2031 at 10:00 + 1 business day: Monday 17th is the third Monday of March.
        given().auth().oauth2(cncs()).get("/api/calendar/deadline?from=2031-03-14T16:00:00Z&businessDays=1")
                .then().statusCode(200)
                .body("dueAt", equalTo("2031-03-19T00:00:00Z"))
                .body("dueAtLocal", equalTo("2031-03-18T18:00:00-06:00"))
                .body("days.reason", hasItems("sábado", "domingo", "descanso obligatorio: tercer lunes de marzo (natalicio de Benito Juárez)"));
        int changesBefore = ChangeRecorder.SEEN.size();

        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("day", "2031-03-18", "description", "Día inhábil de prueba", "sourceReference", "DOF prueba 2031"))
                .post("/api/calendar/non-working-days").then().statusCode(201);
        try {
            given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN))
                    .get("/api/calendar/deadline?from=2031-03-14T16:00:00Z&businessDays=1")
                    .then().statusCode(200)
                    .body("dueAtLocal", equalTo("2031-03-19T18:00:00-06:00"))
                    .body("days.reason", hasItems("día inhábil del Instituto: Día inhábil de prueba (DOF prueba 2031)"));
            assertThat(ChangeRecorder.SEEN).hasSize(changesBefore + 1);
            assertThat(ChangeRecorder.SEEN.getLast().description()).contains("2031-03-18");
            given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                    .body(Map.of("day", "2031-03-18", "description", "otra vez", "sourceReference", "x"))
                    .post("/api/calendar/non-working-days").then().statusCode(409);
        } finally {
            given().auth().oauth2(cncs()).delete("/api/calendar/non-working-days/2031-03-18").then().statusCode(204);
        }
        given().auth().oauth2(cncs()).get("/api/calendar/changes").then().statusCode(200)
                .body("items[0].description", containsString("retirado: 2031-03-18"));
    }

    @Test
    void shouldListTheDaysBetweenTheActAndItsEffectInSpanishOrEnglish() {
        // Friday 21 March 2031 19:00 CST: after hours; Saturday and Sunday are why the effect waits
        // to Monday 24 March 09:00 CST; one business day → Tuesday 25 March 18:00 CST.
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN)).get("/api/calendar/deadline?from=2031-03-22T01:00:00Z&businessDays=1")
                .then().statusCode(200)
                .body("effectiveAt", equalTo("2031-03-24T15:00:00Z"))
                .body("effectiveAtLocal", equalTo("2031-03-24T09:00:00-06:00"))
                .body("dueAt", equalTo("2031-03-26T00:00:00Z"))
                .body("days.date", equalTo(List.of("2031-03-22", "2031-03-23", "2031-03-25")))
                .body("days.beforeEffect", equalTo(List.of(true, true, false)))
                .body("days.counted", equalTo(List.of(false, false, true)))
                .body("days.reason", equalTo(List.of("sábado", "domingo", "día hábil")));
        given().auth().oauth2(cncs()).header("Accept-Language", "en-US,en;q=0.9,es;q=0.5")
                .get("/api/calendar/deadline?from=2031-03-22T01:00:00Z&businessDays=1")
                .then().statusCode(200)
                .body("days.reason", equalTo(List.of("Saturday", "Sunday", "business day")));
        given().auth().oauth2(cncs()).header("Accept-Language", "es-MX,en;q=0.5")
                .get("/api/calendar/deadline?from=2031-03-22T01:00:00Z&businessDays=1")
                .then().statusCode(200)
                .body("days[0].reason", equalTo("sábado"));
    }

    @Test
    void shouldLoadAYearAtOnceAsOneCalendarVersion() {
        long versionBefore = version();
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(List.of(Map.of("day", "2032-09-01", "description", "vacaciones", "sourceReference", "DOF 2032"),
                        Map.of("day", "2032-09-02", "description", "vacaciones", "sourceReference", "DOF 2032")))
                .put("/api/calendar/non-working-days/years/2032").then().statusCode(200);
        assertThat(version()).isEqualTo(versionBefore + 1);
        given().auth().oauth2(cncs()).get("/api/calendar/non-working-days?year=2032").then().body("items.day", equalTo(List.of("2032-09-01", "2032-09-02")));

        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(List.of(Map.of("day", "2033-01-02", "description", "otro año", "sourceReference", "x")))
                .put("/api/calendar/non-working-days/years/2032").then().statusCode(400);
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(List.of())
                .put("/api/calendar/non-working-days/years/2032").then().statusCode(200);
        given().auth().oauth2(cncs()).get("/api/calendar/non-working-days?year=2032").then().body("items.size()", equalTo(0)).body("total", equalTo(0));
    }

    @Test
    void shouldCountEveryDayOfAnElectoralProcess() {
        String id = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("name", "Proceso de prueba 2031", "startsOn", "2031-06-01", "endsOn", "2031-06-30"))
                .post("/api/calendar/electoral-processes").then().statusCode(201).extract().path("id");
        try {
            // Saturday 14 June 2031 at 22:00 local: effective at once; Sunday and Monday count; ends 23:59:59.
            given().auth().oauth2(cncs()).get("/api/calendar/deadline?from=2031-06-15T04:00:00Z&businessDays=2")
                    .then().statusCode(200)
                    .body("effectiveAt", equalTo("2031-06-15T04:00:00Z"))
                    .body("dueAtLocal", equalTo("2031-06-16T23:59:59-06:00"))
                    .body("days[0].reason", equalTo("proceso electoral: Proceso de prueba 2031 (también día de descanso: domingo)"))
                    .body("days[1].reason", equalTo("proceso electoral: Proceso de prueba 2031"));
            given().auth().oauth2(cncs()).header("Accept-Language", "en")
                    .get("/api/calendar/deadline?from=2031-06-15T04:00:00Z&businessDays=2")
                    .then().statusCode(200)
                    .body("days[0].reason", equalTo("electoral process: Proceso de prueba 2031 (also a rest day: Sunday)"));
        } finally {
            given().auth().oauth2(cncs()).delete("/api/calendar/electoral-processes/" + id).then().statusCode(204);
        }
    }

    @Test
    void shouldRejectBadCalendarInputChangingNothing() {
        long before = version();
        given().auth().oauth2(cncs()).get("/api/calendar/deadline?from=ayer&businessDays=2").then().statusCode(400)
                .body("errors[0].parameter", equalTo("from"));
        for (String businessDays : List.of("0", "366", "-1", "dos", "1.5", "")) {
            given().auth().oauth2(cncs()).queryParam("from", "2031-01-01T00:00:00Z").queryParam("businessDays", businessDays)
                    .get("/api/calendar/deadline").then().statusCode(400)
                    .body("errors[0].parameter", equalTo("businessDays"));
        }
        given().auth().oauth2(cncs()).get("/api/calendar/deadline?from=2031-01-01T00:00:00Z").then().statusCode(400)
                .body("errors[0].parameter", equalTo("businessDays"));
        // Outside the supported years (1990–2200, Mexico City time): 400 naming from, never a 500.
        for (String from : List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1989-12-31T23:59:59Z",
                "2201-01-01T06:00:00Z", "2201-01-01T00:00:00-06:00")) {
            given().auth().oauth2(cncs()).queryParam("from", from).queryParam("businessDays", "1")
                    .get("/api/calendar/deadline").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo("from"))
                    .body("detail", containsString("1990–2200"));
        }
        given().auth().oauth2(cncs()).header("Accept-Language", "en").queryParam("from", "+999999999-12-31T23:59:59Z")
                .queryParam("businessDays", "1").get("/api/calendar/deadline").then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("detail", containsString("outside the supported years"));
        // The first and last supported instants answer.
        given().auth().oauth2(cncs()).queryParam("from", "1990-01-01T06:00:00Z").queryParam("businessDays", "365")
                .get("/api/calendar/deadline").then().statusCode(200);
        given().auth().oauth2(cncs()).queryParam("from", "2201-01-01T05:59:59Z").queryParam("businessDays", "1")
                .get("/api/calendar/deadline").then().statusCode(200);
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("name", "Al revés", "startsOn", "2031-06-30", "endsOn", "2031-06-01"))
                .post("/api/calendar/electoral-processes").then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("day", "2031-05-05"))
                .post("/api/calendar/non-working-days").then().statusCode(400)
                .body("errors.field", hasItems("description", "sourceReference"));
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("day", "2031-05-05", "description", "x", "sourceReference", "y"))
                .post("/api/calendar/non-working-days").then().statusCode(403);
        assertThat(version()).isEqualTo(before);
    }

    private static long version() {
        List<Integer> versions = given().auth().oauth2(cncs()).get("/api/calendar/changes?size=500").then().extract().path("items.version");
        return versions.isEmpty() ? 0 : versions.get(0);
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
