package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.submissions.IntakeFixtures.CNCS;
import static mx.ine.redes.submissions.IntakeFixtures.account;
import static mx.ine.redes.submissions.IntakeFixtures.admin;
import static mx.ine.redes.submissions.IntakeFixtures.cycleRequest;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.ObjectLevelProbes;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Object-level probes of submissions: another area's request, submission, version and evidence are
 * answered as missing ones (404, nothing of them in the problem) to the administrator of another
 * account and to the head of another area, on every operation that takes their id, while the
 * account's own administrator and the head of its area read them. A refused upload or correction
 * stores nothing. (SubmissionReadSideTest proves the lists and the export, EvidenceIntakeTest one
 * upload and one download.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ObjectLevelAccessTest {

    private static final Map<String, Object> FACEBOOK_FIGURES = Map.of("posts", 805, "shares", 1204, "likes", 33018,
            "reach", 912450, "impressions", 2104733, "multimediaPosts", 310);

    private static final List<String> READS = List.of(
            "/api/requests/{request}", "/api/requests/{request}/form", "/api/requests/{request}/evidence",
            "/api/submissions/{submission}", "/api/submissions/{submission}/versions/1", "/api/submissions/{submission}/evidence",
            "/api/submissions/{submission}/evidence/{sha256}");

    /** The account of JDE-CHIS-03 with a request, an uploaded screenshot and a submission citing it. */
    private record Owned(String request, String submission, String sha256, String handle) {
        String path(String template, String requestId, String submissionId) {
            return template.replace("{request}", requestId).replace("{submission}", submissionId).replace("{sha256}", sha256);
        }
    }

    @Test
    void shouldAnswerAnotherAreasRequestSubmissionAndEvidenceAsMissing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownAdmin = "admin.objeto." + suffix + "@ine.mx";
        String handle = "INEChiapasObjeto" + suffix;
        UUID account = account("FACEBOOK", handle, ownAdmin);
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        byte[] png = EvidenceIntakeTest.screenshot(Color.ORANGE);
        String sha256 = EvidenceIntakeTest.sha256(png);
        upload(admin(ownAdmin), request.toString(), png).then().statusCode(201);
        String submission = given().auth().oauth2(admin(ownAdmin)).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", FACEBOOK_FIGURES, "evidence", List.of(sha256)))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
        Owned mine = new Owned(request.toString(), submission, sha256, handle);

        String foreignAdmin = "admin.ajeno." + suffix + "@ine.mx";
        String foreignHead = "titular.ajeno." + suffix + "@ine.mx";
        UUID foreignAccount = account("X", "ine_son_" + suffix, foreignAdmin, "JLE-SON-" + suffix, foreignHead);
        cycleRequest(foreignAccount, "2026-S2", Duration.ofDays(10));
        List<String> owners = List.of(admin(ownAdmin), TestTokens.forPerson("titular.jde03@ine.mx", Set.of(Roles.AREA_HEAD), Map.of()),
                TestTokens.forPerson("titular.jlechis@ine.mx", Set.of(Roles.AREA_HEAD), Map.of()));
        List<String> strangers = List.of(admin(foreignAdmin), TestTokens.forPerson(foreignHead, Set.of(Roles.AREA_HEAD), Map.of()));
        String missing = UUID.randomUUID().toString();

        SoftAssertions softly = new SoftAssertions();
        for (String template : READS) {
            for (String owner : owners) {
                softly.assertThat(given().auth().oauth2(owner).get(mine.path(template, mine.request(), mine.submission())).statusCode())
                        .as("GET " + template + " by the account's own administrator or area head").isEqualTo(200);
            }
            for (String stranger : strangers) {
                Response foreign = given().auth().oauth2(stranger).get(mine.path(template, mine.request(), mine.submission()));
                Response absent = given().auth().oauth2(stranger).get(mine.path(template, missing, missing));
                String foreignId = template.contains("{request}") ? mine.request() : mine.submission();
                ObjectLevelProbes.expectNotFound(softly, "GET " + template + " of another area", foreign, foreignId, absent, missing,
                        handle, ownAdmin);
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseAnUploadOrACorrectionForAnotherAreaStoringNothing() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownAdmin = "admin.propio." + suffix + "@ine.mx";
        UUID account = account("FACEBOOK", "INEChiapasPropio" + suffix, ownAdmin);
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        byte[] png = EvidenceIntakeTest.screenshot(Color.PINK);
        String sha256 = EvidenceIntakeTest.sha256(png);
        upload(admin(ownAdmin), request.toString(), png).then().statusCode(201);
        String submission = given().auth().oauth2(admin(ownAdmin)).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", FACEBOOK_FIGURES, "evidence", List.of(sha256)))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
        String foreignAdmin = "admin.intruso." + suffix + "@ine.mx";
        String foreignHead = "titular.intruso." + suffix + "@ine.mx";
        UUID foreignAccount = account("X", "ine_intr_" + suffix, foreignAdmin, "JLE-INT-" + suffix, foreignHead);
        cycleRequest(foreignAccount, "2026-S2", Duration.ofDays(10));
        String missing = UUID.randomUUID().toString();
        byte[] other = EvidenceIntakeTest.screenshot(Color.CYAN);
        Map<String, Object> correction = Map.of("basedOnVersion", 1, "figures", FACEBOOK_FIGURES);

        SoftAssertions softly = new SoftAssertions();
        for (String stranger : List.of(admin(foreignAdmin), TestTokens.forPerson(foreignHead, Set.of(Roles.AREA_HEAD), Map.of()))) {
            Response foreignUpload = upload(stranger, request.toString(), other);
            Response missingUpload = upload(stranger, missing, other);
            expectIndistinguishable(softly, "POST /api/requests/{id}/evidence", foreignUpload, request.toString(), missingUpload, missing);
            Response foreignCorrection = given().auth().oauth2(stranger).contentType(ContentType.JSON).body(correction)
                    .post("/api/submissions/" + submission + "/versions");
            Response missingCorrection = given().auth().oauth2(stranger).contentType(ContentType.JSON).body(correction)
                    .post("/api/submissions/" + missing + "/versions");
            expectIndistinguishable(softly, "POST /api/submissions/{id}/versions", foreignCorrection, submission,
                    missingCorrection, missing);
        }
        // The administrator of another account may upload and correct, but not here: for them it is not found.
        Response byAdmin = upload(admin(foreignAdmin), request.toString(), other);
        softly.assertThat(byAdmin.statusCode()).as("another account's administrator uploading here").isEqualTo(404);
        softly.assertAll();

        given().auth().oauth2(CNCS).get("/api/requests/" + request + "/evidence").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].sha256", equalTo(sha256));
        given().auth().oauth2(CNCS).get("/api/submissions/" + submission).then().statusCode(200).body("versions", hasSize(1));
    }

    @Test
    void shouldProbeEveryOperationThatTakesAnIdOrSayWhyNot() {
        ObjectLevelProbes probes = new ObjectLevelProbes();
        READS.forEach(template -> probes.probing("GET " + template.replace("{request}", "{id}").replace("{submission}", "{id}")
                .replace("/versions/1", "/versions/{version}")));
        probes.probing("POST /api/requests/{id}/evidence").probing("POST /api/submissions/{id}/versions");
        probes.expectEveryOperationAccountedFor(Map.of(
                "GET /api/forms/{network}", "The form of a network is the same for everybody; it is no one's object.",
                "GET /api/registry/accounts/{id}", "The registry projection is read only by CNCS and integration, who see every "
                        + "account (RegistryProjectionTest; the role matrix proves the 403 to everybody else).",
                "GET /api/test/convenciones/{id}", "A probe endpoint of ApiConventionsTest, not of the service.",
                "POST /api/operations/dead-letters/{id}/replay", "Dead letters are an operator's (CNCS) records of the service "
                        + "itself, of no area; the role matrix proves the 403 to everybody else."));
    }

    private static Response upload(String token, String request, byte[] png) {
        return given().auth().oauth2(token).multiPart("file", "captura.png", png, "image/png")
                .post("/api/requests/" + request + "/evidence");
    }

    /** A refused change to another area's object answers exactly as one to a missing object. */
    private static void expectIndistinguishable(SoftAssertions softly, String what, Response foreign, String foreignId,
                                                Response missing, String missingId) {
        softly.assertThat(foreign.statusCode()).as(what + " on another area's object: " + foreign.asString()).isIn(403, 404);
        softly.assertThat(foreign.contentType()).as(what + " is a problem").startsWith("application/problem+json");
        softly.assertThat(foreign.statusCode()).as(what + " as on a missing object").isEqualTo(missing.statusCode());
        softly.assertThat(foreign.asString().replace(foreignId, "{id}")).as(what + " says what it says of a missing object")
                .isEqualTo(missing.asString().replace(missingId, "{id}"));
    }
}
