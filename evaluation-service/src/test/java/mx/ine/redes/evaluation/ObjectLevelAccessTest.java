package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.area;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.cncs;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.handle;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.person;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.pertinentFigures;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.register;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.submit;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.unique;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.calendar.Deadlines;
import mx.ine.redes.evaluation.testing.EvaluationFixtures;
import mx.ine.redes.evaluation.testing.RealMailServer;
import mx.ine.redes.support.time.ShiftableClock;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.ObjectLevelProbes;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Object-level probes of evaluation: another area's evaluation, its score, an observation and a
 * recommendation on it are answered as missing ones (404, nothing of them in the problem) to the
 * administrator of another account and to the head of another area, on every operation that takes
 * their id, while the account's own administrator and head read them; CNCS's changes answer another
 * area's object exactly as a missing one, and store nothing. Requests, baja proposals and committee
 * resolutions are probed where they are made (see {@link #shouldProbeEveryOperationThatTakesAnIdOrSayWhyNot}).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RealMailServer.class, scope = TestResourceScope.GLOBAL)
class ObjectLevelAccessTest {

    private static final List<String> READS = List.of("/api/evaluations/{evaluation}", "/api/evaluations/{evaluation}/score",
            "/api/observations/{observation}", "/api/recommendations/{recommendation}");

    /** CNCS's changes by id, with a body that would be accepted for the account's own object. */
    private static final Map<String, String> CNCS_CHANGES = new LinkedHashMap<>();

    static {
        CNCS_CHANGES.put("POST /api/evaluations/{evaluation}/completion", "");
        CNCS_CHANGES.put("POST /api/evaluations/{evaluation}/rating-override",
                "{\"rating\":\"NOT_PERTINENT\",\"justification\":\"Sondeo de acceso\"}");
        CNCS_CHANGES.put("POST /api/evaluations/{evaluation}/recommendations",
                "{\"category\":\"MORE_MULTIMEDIA\",\"text\":\"Sondeo de acceso\"}");
        CNCS_CHANGES.put("POST /api/observations/{observation}/resolution", "{\"satisfied\":true}");
        CNCS_CHANGES.put("POST /api/observations/{observation}/follow-up", "{\"text\":\"Sondeo de acceso\",\"fields\":[\"posts\"]}");
        CNCS_CHANGES.put("POST /api/recommendations/{recommendation}/non-attendance", "{}");
    }

    @Inject
    ShiftableClock clock;

    @Inject
    Deadlines deadlines;

    @BeforeEach
    void inBusinessTime() {
        if (!deadlines.isBusinessTime(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), deadlines.nextBusinessTime(clock.instant()).plus(Duration.ofHours(1))));
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An account's open evaluation with an observation and a recommendation, its administrator and its head. */
    private record Owned(UUID account, String evaluation, String observation, String recommendation, String admin, String head) {
        String path(String template, String id) {
            return template.replace("{evaluation}", id == null ? evaluation : id).replace("{observation}", id == null ? observation : id)
                    .replace("{recommendation}", id == null ? recommendation : id);
        }
    }

    private Owned owned() {
        String admin = unique("admin.objeto");
        String head = unique("titular.objeto");
        UUID account = register(area(), List.of(admin), head, null);
        String evaluation = submit(account, cycle(), clock.instant(), pertinentFigures()).toString();
        String observation = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("evaluationId", evaluation, "text", "Aclare el número de publicaciones.", "fields", List.of("posts")))
                .post("/api/observations").then().statusCode(201).extract().path("id");
        String recommendation = given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("category", "MORE_MULTIMEDIA", "text", "Incluya video en la mitad de sus publicaciones."))
                .post("/api/evaluations/" + evaluation + "/recommendations").then().statusCode(201).extract().path("id");
        return new Owned(account, evaluation, observation, recommendation, admin, head);
    }

    private static String cycle;

    /** A cycle of this class's own (scoring reads its period), in a year no other test uses. */
    private static synchronized String cycle() {
        if (cycle == null) {
            for (int year = 2199; cycle == null; year--) {
                String id = year + "-S1";
                if (QuarkusTransaction.requiringNew().call(() -> ReviewCycle.findById(id) == null)) {
                    EvaluationFixtures.cycle(id);
                    cycle = id;
                }
            }
        }
        return cycle;
    }

    @Test
    void shouldAnswerAnotherAreasEvaluationObservationAndRecommendationAsMissing() {
        Owned mine = owned();
        Owned theirs = owned();
        String missing = UUID.randomUUID().toString();
        SoftAssertions softly = new SoftAssertions();
        for (String template : READS) {
            for (String owner : List.of(person(mine.admin(), Roles.ACCOUNT_ADMIN), person(mine.head(), Roles.AREA_HEAD))) {
                softly.assertThat(given().auth().oauth2(owner).get(mine.path(template, null)).statusCode())
                        .as("GET " + template + " by the account's own administrator or head").isEqualTo(200);
            }
            for (String stranger : List.of(person(theirs.admin(), Roles.ACCOUNT_ADMIN), person(theirs.head(), Roles.AREA_HEAD))) {
                Response foreign = given().auth().oauth2(stranger).get(mine.path(template, null));
                Response absent = given().auth().oauth2(stranger).get(mine.path(template, missing));
                String foreignId = mine.path(template, null).replaceAll(".*/([0-9a-f-]{36}).*", "$1");
                ObjectLevelProbes.expectNotFound(softly, "GET " + template + " of another area", foreign, foreignId, absent, missing,
                        handle(mine.account()), mine.admin(), mine.head());
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldAnswerAChangeToAnotherAreasObjectAsToAMissingOneStoringNothing() {
        Owned mine = owned();
        Owned theirs = owned();
        String missing = UUID.randomUUID().toString();
        SoftAssertions softly = new SoftAssertions();
        // The one change an administrator makes: answering a recommendation of their own account.
        Map<String, String> answer = Map.of("answer", "Desde agosto cada publicación lleva un video corto.");
        Response foreignAnswer = given().auth().oauth2(person(theirs.admin(), Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(answer).post("/api/recommendations/" + mine.recommendation() + "/answer");
        Response missingAnswer = given().auth().oauth2(person(theirs.admin(), Roles.ACCOUNT_ADMIN)).contentType(ContentType.JSON)
                .body(answer).post("/api/recommendations/" + missing + "/answer");
        ObjectLevelProbes.expectNotFound(softly, "POST /api/recommendations/{id}/answer by another account's administrator",
                foreignAnswer, mine.recommendation(), missingAnswer, missing, handle(mine.account()));
        // CNCS's changes: to another area's people they are refused by role, and exactly as for a missing object.
        for (String stranger : List.of(person(theirs.admin(), Roles.ACCOUNT_ADMIN), person(theirs.head(), Roles.AREA_HEAD))) {
            CNCS_CHANGES.forEach((operation, body) -> {
                String method = operation.substring(0, operation.indexOf(' '));
                String template = operation.substring(operation.indexOf(' ') + 1);
                Response foreign = change(stranger, method, mine.path(template, null), body);
                Response absent = change(stranger, method, mine.path(template, missing), body);
                String foreignId = mine.path(template, null).replaceAll(".*/([0-9a-f-]{36}).*", "$1");
                softly.assertThat(foreign.statusCode()).as(operation + " on another area's object: " + foreign.asString()).isIn(403, 404);
                softly.assertThat(foreign.contentType()).as(operation + " is a problem").startsWith("application/problem+json");
                softly.assertThat(foreign.asString().replace(foreignId, "{id}")).as(operation + " as on a missing object")
                        .isEqualTo(absent.asString().replace(missing, "{id}"));
            });
        }
        softly.assertAll();
        given().auth().oauth2(cncs()).get("/api/evaluations/" + mine.evaluation()).then().statusCode(200)
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(cncs()).get("/api/recommendations/" + mine.recommendation()).then().statusCode(200)
                .body("status", equalTo("PENDING"));
        given().auth().oauth2(cncs()).get("/api/recommendations?evaluation=" + mine.evaluation()).then().statusCode(200)
                .body("total", equalTo(1));
    }

    private static Response change(String token, String method, String path, String body) {
        var request = given().auth().oauth2(token);
        if (!body.isEmpty()) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }

    @Test
    void shouldProbeEveryOperationThatTakesAnIdOrSayWhyNot() {
        ObjectLevelProbes probes = new ObjectLevelProbes();
        READS.forEach(template -> probes.probing("GET " + generic(template)));
        CNCS_CHANGES.keySet().forEach(operation -> probes.probing(generic(operation)));
        probes.probing("POST /api/recommendations/{id}/answer");
        String institutionWide = "Institution-wide and CNCS's alone (the role matrix proves the 403 to everybody else): "
                + "it belongs to no area.";
        probes.expectEveryOperationAccountedFor(Map.ofEntries(
                Map.entry("GET /api/requests/{id}", "Probed by VisibilityTest.shouldShowARequestAndItsNoticesToEachRoleAsTheRegistryIsNow "
                        + "(every role, the registry as it is now)."),
                Map.entry("POST /api/requests/{id}/withdrawal", "CNCS's alone (the role matrix proves the 403 to everybody "
                        + "else), who sees every request; requests are probed by VisibilityTest."),
                Map.entry("GET /api/baja-proposals/{id}", "Probed by BajaProposalTest.shouldProposeTheBajaOfADormantAccountAndDecideIt"
                        + "WhenTheRegistryCitesIt (another account's administrator: 404 problem)."),
                Map.entry("GET /api/committee/resolutions/{id}", "Probed by CommitteeTest.shouldRegisterAnItemWhenARequestIsReportedAnd"
                        + "RecordTheCommitteesResolutionOnIt (another area's head: 404 problem)."),
                Map.entry("GET /api/registry/accounts/{id}", "The registry projection is read only by CNCS and integration, who "
                        + "see every account (RegistryProjectionTest; the role matrix proves the 403 to everybody else)."),
                Map.entry("GET /api/cycles/{id}", "A cycle is the Institute's, not an area's: everybody who reads cycles reads it."),
                Map.entry("GET /api/cycles/{id}/progress", "A cycle is the Institute's; its progress counts only the accounts the "
                        + "caller sees (AccountVisibility.requests), so there is no foreign object to reach."),
                Map.entry("PUT /api/calendar/non-working-days/years/{year}", institutionWide),
                Map.entry("DELETE /api/calendar/non-working-days/{date}", institutionWide),
                Map.entry("DELETE /api/calendar/electoral-processes/{id}", institutionWide),
                Map.entry("POST /api/operations/timers/{id}/retry", institutionWide),
                Map.entry("POST /api/operations/dead-letters/{id}/replay", institutionWide)));
    }

    private static String generic(String template) {
        return template.replaceAll("\\{[a-z]+}", "{id}");
    }
}
