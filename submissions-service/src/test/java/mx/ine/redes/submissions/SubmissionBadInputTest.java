package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.submissions.IntakeFixtures.CNCS;
import static mx.ine.redes.submissions.IntakeFixtures.account;
import static mx.ine.redes.submissions.IntakeFixtures.admin;
import static mx.ine.redes.submissions.IntakeFixtures.cycleRequest;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The list of bad input beyond the figures: each a problem answer, nothing stored. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SubmissionBadInputTest {

    @Test
    void shouldRefuseMalformedJsonOtherContentTypesAndUnknownFields() {
        UUID account = account("X", "inemexico_malformado", "admin.malformado@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        String token = admin("admin.malformado@ine.mx");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"requestId\": \"" + request + "\", \"figures\": {")
                .post("/api/submissions").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("text/plain").body("posts=2345")
                .post("/api/submissions").then().statusCode(415).body("detail", containsString("text/plain"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", Map.of("posts", 1), "status", "ACCEPTED"))
                .post("/api/submissions").then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"requestId\": \"" + request + "\", \"figures\": {\"posts\": 1, \"posts\": 2}}")
                .post("/api/submissions").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("requestId", "no-es-un-uuid", "figures", Map.of()))
                .post("/api/submissions").then().statusCode(400).body("errors[0].field", equalTo("requestId"));
        given().auth().oauth2(CNCS).queryParam("account", account.toString()).get("/api/submissions")
                .then().body("total", equalTo(0));
    }

    @Test
    void shouldAnswerInSpanishWhenAcceptLanguageCannotBeRead() {
        UUID account = account("X", "inemexico_idioma", "admin.idioma@ine.mx");
        cycleRequest(account, "2026-S2", Duration.ofDays(10));

        given().auth().oauth2(admin("admin.idioma@ine.mx")).header("Accept-Language", ";;q=x,,en;q=")
                .get("/api/requests").then().statusCode(200)
                .body("items[0].fields.find { it.name == 'posts' }.label", equalTo("A. Total de mensajes publicados"));
        given().auth().oauth2(admin("admin.idioma@ine.mx")).header("Accept-Language", "en")
                .get("/api/requests").then().statusCode(200)
                .body("items[0].fields.find { it.name == 'posts' }.label", equalTo("A. Total messages published"));
    }

    @Test
    void shouldRefuseNulAndInjectionStringsInText() {
        UUID account = account("INSTAGRAM", "ine_ig_inyeccion", "admin.inyeccion@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        Map<String, Object> figures = Map.of("posts", 10, "followerGrowth", 5, "likes", 4);

        given().auth().oauth2(admin("admin.inyeccion@ine.mx")).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", figures,
                        "campaigns", List.of(Map.of("hashtag", "#INE\u0000", "posts", 1),
                                Map.of("hashtag", "#x'); drop table submission; --", "posts", 1),
                                Map.of("hashtag", "=HYPERLINK(\"http://x\")", "posts", 1))))
                .post("/api/submissions").then().statusCode(400)
                .body("errors.field", hasItem("campaigns[0].hashtag"))
                .body("errors.field", hasItem("campaigns[1].hashtag"))
                .body("errors.field", hasItem("campaigns[2].hashtag"));
        given().auth().oauth2(CNCS).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", figures,
                        "enteredOnBehalf", Map.of("channel", "OFICIO", "documentReference", "=cmd|' /C calc'!A0")))
                .post("/api/submissions").then().statusCode(400).body("errors[0].field", equalTo("enteredOnBehalf.documentReference"));
        given().auth().oauth2(CNCS).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", figures,
                        "enteredOnBehalf", Map.of("channel", "OFICIO", "documentReference", "INE/JLE\u0000/1")))
                .post("/api/submissions").then().statusCode(400).body("errors[0].field", equalTo("enteredOnBehalf.documentReference"));
        given().auth().oauth2(CNCS).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", figures,
                        "enteredOnBehalf", Map.of("channel", "FAX", "documentReference", "INE/1")))
                .post("/api/submissions").then().statusCode(400).body("errors[0].field", equalTo("enteredOnBehalf.channel"));
        given().auth().oauth2(CNCS).queryParam("account", account.toString()).get("/api/submissions")
                .then().body("total", equalTo(0));
    }
}
