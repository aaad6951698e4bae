package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.submissions.IntakeFixtures.CNCS;
import static mx.ine.redes.submissions.IntakeFixtures.account;
import static mx.ine.redes.submissions.IntakeFixtures.admin;
import static mx.ine.redes.submissions.IntakeFixtures.cycleRequest;
import static mx.ine.redes.submissions.IntakeFixtures.xFigures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.support.csv.Csv;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The CNCS read side: filters by cycle, area subtree, network, late and warnings; the CSV export; who sees what. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SubmissionReadSideTest {

    private static String submit(String admin, UUID request, Map<String, Object> figures) {
        return given().auth().oauth2(admin(admin)).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", figures))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldFilterByAreaSubtreeNetworkAndWarningsAndExportTheSameAsCsv() {
        UUID oaxaca = account("X", "ine_oaxaca_lectura", "admin.oaxaca@ine.mx", "JLE-OAX", "titular.oaxaca@ine.mx");
        UUID chiapas = account("X", "ine_chiapas_lectura", "admin.chiapas.lectura@ine.mx");
        Map<String, Object> warned = new HashMap<>(xFigures());
        warned.put("impressions", 1);
        String oaxacaId = submit("admin.oaxaca@ine.mx", cycleRequest(oaxaca, "2025-S2", Duration.ofDays(10)), xFigures());
        String chiapasId = submit("admin.chiapas.lectura@ine.mx", cycleRequest(chiapas, "2025-S2", Duration.ofDays(10)), warned);

        given().auth().oauth2(CNCS).queryParam("cycle", "2025-S2").queryParam("area", "JLE-CHIS").get("/api/submissions")
                .then().statusCode(200).body("items.id", contains(chiapasId));
        given().auth().oauth2(CNCS).queryParam("cycle", "2025-S2").queryParam("withWarnings", true).get("/api/submissions")
                .then().statusCode(200).body("items.id", contains(chiapasId))
                .body("items[0].warnings", contains("IMPRESSIONS_BELOW_POSTS"));
        given().auth().oauth2(CNCS).queryParam("cycle", "2025-S2").queryParam("network", "FACEBOOK").get("/api/submissions")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(CNCS).queryParam("cycle", "2025-S2").get("/api/submissions")
                .then().statusCode(200).body("items.id", contains(chiapasId, oaxacaId));
        given().auth().oauth2(CNCS).queryParam("cycle", "2025").get("/api/submissions")
                .then().statusCode(400).body("errors[0].parameter", equalTo("cycle"));

        String csv = given().auth().oauth2(CNCS).queryParam("cycle", "2025-S2").get("/api/submissions/export")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<Csv.Row> rows = Csv.parse(csv);
        assertThat(rows).hasSize(3);
        List<String> header = rows.get(0).fields();
        assertThat(header).startsWith("submissionId", "requestId", "accountId", "network", "handle", "areaCode", "cycleId");
        List<String> first = rows.get(1).fields();
        assertThat(first.get(0)).isEqualTo(chiapasId);
        assertThat(first.get(header.indexOf("handle"))).isEqualTo("ine_chiapas_lectura");
        assertThat(first.get(header.indexOf("posts"))).isEqualTo("2345");
        assertThat(first.get(header.indexOf("impressions"))).isEqualTo("1");
        assertThat(first.get(header.indexOf("warnings"))).isEqualTo("IMPRESSIONS_BELOW_POSTS");
        assertThat(rows.get(2).fields().get(0)).isEqualTo(oaxacaId);
    }

    @Test
    void shouldShowEachReaderOnlyWhatTheyAnswerFor() {
        UUID guerrero = account("X", "ine_guerrero_lectura", "admin.guerrero@ine.mx", "JLE-GRO", "titular.guerrero@ine.mx");
        UUID chiapas = account("X", "ine_chiapas_vista", "admin.chiapas.vista@ine.mx");
        String guerreroId = submit("admin.guerrero@ine.mx", cycleRequest(guerrero, "2025-S1", Duration.ofDays(10)), xFigures());
        String chiapasId = submit("admin.chiapas.vista@ine.mx", cycleRequest(chiapas, "2025-S1", Duration.ofDays(10)), xFigures());
        String chiapasHead = TestTokens.forPerson("titular.jlechis@ine.mx", Set.of(Roles.AREA_HEAD), Map.of());

        given().auth().oauth2(admin("admin.guerrero@ine.mx")).queryParam("cycle", "2025-S1").get("/api/submissions")
                .then().body("items.id", contains(guerreroId));
        given().auth().oauth2(admin("admin.guerrero@ine.mx")).get("/api/submissions/" + chiapasId).then().statusCode(404);
        given().auth().oauth2(chiapasHead).queryParam("cycle", "2025-S1").queryParam("account", chiapas.toString())
                .get("/api/submissions").then().body("items.id", contains(chiapasId));
        given().auth().oauth2(chiapasHead).get("/api/submissions/" + guerreroId).then().statusCode(404);
        String csv = given().auth().oauth2(admin("admin.guerrero@ine.mx")).queryParam("cycle", "2025-S1")
                .get("/api/submissions/export").then().statusCode(200).extract().asString();
        assertThat(Csv.parse(csv)).hasSize(2);
        given().auth().oauth2(TestTokens.forRole(Roles.TRANSPARENCY)).get("/api/submissions").then().statusCode(403);
    }
}
