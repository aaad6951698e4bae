package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import java.time.Instant;
import mx.ine.redes.events.EvaluationOpened;
import mx.ine.redes.events.EvaluationTermMoved;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.IssuedRecommendation;
import mx.ine.redes.events.PermanenceRecorded;
import mx.ine.redes.events.RecommendationAttended;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.reporting.ReportWorld.Area;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rebuild replays the topics from the beginning into an emptied read model and gives the same report,
 * byte for byte, in every format. The topics hold everything this test JVM published (other test classes
 * too), so the test first rebuilds once to reach a read model that reflects all of it, then publishes its
 * own world live, renders, rebuilds and renders again; the second rebuild replays exactly the world's
 * records more than the first.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelRebuildTest {

    static final String PREVIOUS = "2035-S1";
    static final String CYCLE = "2035-S2";
    static final Duration WITHIN = Duration.ofSeconds(60);
    static final List<String> FORMATS = List.of("json", "csv", "xlsx", "pdf");

    static final Area CEN = new Area("RB-CEN", "Coordinación Nacional de Comunicación Social", "CENTRAL", "rb-cen@ine.mx", List.of());
    static final Area LOCAL = CEN.below("RB-JL09", "Junta Local Ejecutiva en la Ciudad de México", "LOCAL", "rb-jl09@ine.mx");

    @Inject
    DataSource dataSource;

    final ReportWorld world = new ReportWorld();
    final Map<String, byte[]> before = new LinkedHashMap<>();
    final Map<String, byte[]> after = new LinkedHashMap<>();
    JsonPath baseline;
    JsonPath rebuilt;
    EventEnvelope override;
    EventEnvelope secondVersion;
    UUID a1;
    UUID a2;

    boolean built;

    // Not @BeforeAll: RestAssured knows the test port only once the first test begins.
    @BeforeEach
    void rebuildAroundAKnownWorld() {
        if (built) {
            return;
        }
        built = true;
        baseline = awaitFinished(startRebuild());

        LocalDate longAgo = LocalDate.of(2033, 1, 10);
        a1 = world.account(CEN, "X", "RBINEMexico", longAgo, List.of("a1@ine.mx"));
        a2 = world.account(CEN, "FACEBOOK", "RBINEMexicoOficial", longAgo, List.of());
        UUID a3 = world.account(LOCAL, "X", "RBINECDMX", longAgo, List.of());
        UUID a4 = world.account(LOCAL, "INSTAGRAM", "rbinecdmx", longAgo, List.of());

        world.cycle(PREVIOUS, LocalDate.of(2035, 1, 1), LocalDate.of(2035, 6, 30), 1);
        world.submission(world.request(a1, PREVIOUS, CEN), a1, PREVIOUS, "X", 1, 90, 900, 4000, Map.of(), Map.of(), Map.of());

        world.cycle(CYCLE, LocalDate.of(2035, 7, 1), LocalDate.of(2035, 12, 31), 4);
        UUID a1Request = world.request(a1, CYCLE, CEN);
        world.submission(a1Request, a1, CYCLE, "X", 1, 100, 1000, 5000, Map.of("#VotoInformado", 10L), Map.of(), Map.of());
        world.submission(a1Request, a1, CYCLE, "X", 2, 120, 1100, 6000, Map.of("#VotoInformado", 12L), Map.of(), Map.of());
        secondVersion = world.published().getLast();
        world.submission(world.request(a2, CYCLE, CEN), a2, CYCLE, "FACEBOOK", 1, 80, 2000, 4000, Map.of(), Map.of(), Map.of());
        UUID a3Request = world.request(a3, CYCLE, LOCAL);
        world.submission(a3Request, a3, CYCLE, "X", 1, 40, 300, 900, Map.of("#INEteInforma", 5L), Map.of(), Map.of());
        UUID a4Request = world.request(a4, CYCLE, LOCAL);
        world.withdrawRequest(a4Request, a4, CYCLE);

        UUID e1 = UUID.randomUUID();
        UUID e2 = UUID.randomUUID();
        UUID r1 = UUID.randomUUID();
        Instant firstReceived = Instant.parse("2036-01-05T12:00:01Z");
        world.publish(new EvaluationOpened(e1, a1Request, a1, CYCLE, "X", CEN.code(), "CENTRAL", firstReceived,
                firstReceived.plus(Duration.ofDays(14))));
        world.publish(new EvaluationTermMoved(e1, a1, CYCLE, firstReceived.plus(Duration.ofDays(14)),
                firstReceived.plus(Duration.ofDays(15)), 2));
        world.completed(e1, a1, CYCLE, CEN, 88, "PERTINENT", "PERTINENT", false,
                List.of(new IssuedRecommendation(r1, "MORE_MULTIMEDIA", "Publicar más video")));
        world.completed(e2, a2, CYCLE, CEN, 40, "NOT_PERTINENT", "NOT_PERTINENT", true, List.of());
        world.overridden(e2, a2, CYCLE, CEN, "NOT_PERTINENT", "PERTINENT_WITH_RECOMMENDATIONS");
        override = world.published().getLast();
        EventEnvelope attended = world.recommendationSettled(r1, e1, a1, CYCLE, CEN, "MORE_MULTIMEDIA", "ATTENDED", "Se publicaron videos");
        world.publish(new RecommendationAttended(r1, e1, a1, CYCLE, CEN.code(), "MORE_MULTIMEDIA", "NOT_ATTENDED", "Decisión anterior",
                "cncs@ine.mx", java.time.Instant.now()), attended.sequence() - 1);

        UUID o1 = world.observation(a3, CYCLE, LOCAL);
        // The correction that answers it travels on the submissions topic and meets the observation's row there.
        Instant answered = Instant.parse("2036-01-20T10:00:00Z");
        world.publish(new SubmissionReceived(UUID.randomUUID(), a3Request, a3, CYCLE, "CYCLE", "X", 2, answered,
                answered.plus(Duration.ofDays(2)), false, Map.of("posts", 41L, "followers", 300L, "impressions", 950L),
                new SubmissionReceived.Audience(Map.of(), Map.of(), Map.of()), List.of(), null, List.of(), o1, 0, List.of(),
                new SubmissionReceived.EnteredBy("a3@ine.mx", false, "PORTAL", null)));
        world.resolved(o1, a3, CYCLE, LOCAL, false);
        UUID o2 = world.observation(a2, CYCLE, CEN);
        world.escalated(o2, "OBSERVATION", a2, CYCLE, CEN);
        world.reported(o2, "OBSERVATION", a2, CYCLE, CEN);
        world.resolution(CYCLE, "NON_COMPLIANCE_ITEM", o2, a2, CEN, "INSTRUCTED", "Se instruye atender la observación",
                LocalDate.of(2035, 12, 10));

        UUID p1 = world.bajaProposed(a4, CYCLE, null, LOCAL, "INSTAGRAM", "rbinecdmx", "Sin publicaciones en más de un año", null);
        world.dormant(a4, LOCAL, LocalDate.of(2034, 10, 1), 400, false);
        world.decommission(a4, "INSTAGRAM", "rbinecdmx", LOCAL, LocalDate.of(2035, 11, 20), "Baja por inactividad",
                "Sin publicaciones desde octubre de 2034", p1);
        world.publish(new PermanenceRecorded(a3, UUID.randomUUID(), LocalDate.of(2035, 10, 1), "Cuenta activa y pertinente",
                "Se mantiene en el inventario"));
        world.training(LocalDate.of(2035, 9, 10), "Lineamientos de redes sociales", "2.5", "Virtual", List.of("a@ine.mx", "b@ine.mx"));
        world.awaitApplied(WITHIN);

        FORMATS.forEach(format -> before.put(format, render(format)));
        rebuilt = awaitFinished(startRebuild());
        FORMATS.forEach(format -> after.put(format, render(format)));
    }

    @Test
    void shouldRenderTheSameBytesInEveryFormatAfterRebuilding() {
        assertThat(rebuilt.getString("state")).isEqualTo("SUCCEEDED");
        JsonPath report = JsonPath.from(new String(before.get("json"), java.nio.charset.StandardCharsets.UTF_8));
        // The world is in the report before the rebuild: three requests standing, three accounts reporting, two evaluated.
        assertThat(report.getInt("statistics.accountsRequested")).isEqualTo(3);
        assertThat(report.getInt("statistics.accountsReporting")).isEqualTo(3);
        assertThat(report.getInt("evaluation.completed")).isEqualTo(2);
        assertThat(report.getList("inventory.permanence")).hasSize(1);
        for (String format : FORMATS) {
            assertThat(after.get(format)).as(format + " after the rebuild").isEqualTo(before.get(format));
        }
    }

    @Test
    void shouldShowPerTopicTheRecordsItReplayed() {
        // The world's records: accounts 4 registered, 1 dormancy flag, 1 baja, 1 permanence, 1 training; evaluation
        // 2 cycles, 5 requests, 1 withdrawal, 1 opening and 1 term moved, 2 completions, 1 override, 2 recommendation
        // decisions, 2 observations, 1 resolved, 1 escalation, 1 report to the Committee, 1 resolution, 1 baja proposal;
        // submissions 1 (previous cycle) + 2 (a1) + 1 (a2) + 2 (a3 and its correction).
        Map<String, Long> world = Map.of(Topics.ACCOUNTS, 8L, Topics.EVALUATION, 22L, Topics.SUBMISSIONS, 6L);
        assertThat(rebuilt.getList("topics.topic")).containsExactly(Topics.ACCOUNTS, Topics.EVALUATION, Topics.SUBMISSIONS);
        for (String topic : world.keySet()) {
            assertThat(records(rebuilt, topic, "records") - records(baseline, topic, "records")).as(topic + " records")
                    .isEqualTo(world.get(topic));
            assertThat(records(rebuilt, topic, "applied") - records(baseline, topic, "applied")).as(topic + " applied")
                    .isEqualTo(world.get(topic));
            assertThat(records(rebuilt, topic, "applied") + records(rebuilt, topic, "undecodable")).as(topic + " all replayed")
                    .isEqualTo(records(rebuilt, topic, "records"));
            Map<String, Integer> ends = rebuilt.getMap("topics.find { it.topic == '" + topic + "' }.endOffsets");
            assertThat(ends).isNotEmpty();
            assertThat(rebuilt.getString("topics.find { it.topic == '" + topic + "' }.finishedAt")).isNotNull();
        }
        assertThat(rebuilt.getString("clearedAt")).isNotNull();
        assertThat(rebuilt.getString("finishedAt")).isNotNull();
        assertThat(rebuilt.getString("requestedBy")).isEqualTo("operador@ine.mx");
    }

    @Test
    void shouldRefuseASecondRebuildAndAnswerReports503WhileOneRuns() throws Exception {
        // A reader holding a read-model table keeps the rebuild waiting to empty it, so that it is still running below.
        try (Connection reader = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                statement.execute("lock table report_training in access share mode");
            }
            String location = startRebuild();
            given().auth().oauth2(operator()).post("/api/operations/rebuilds")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("Ya hay una reconstrucción en curso"));
            given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).get("/api/reports/semiannual/" + CYCLE)
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("detail", containsString("Reconstrucción en curso"));
            given().auth().oauth2(operator()).header("Accept-Language", "en").get("/api/reports/semiannual/" + CYCLE)
                    .then().statusCode(503).body("detail", containsString("Rebuild under way"));
            given().auth().oauth2(operator()).get(location).then().statusCode(200).body("state", equalTo("RUNNING"));
            reader.rollback();
            assertThat(awaitFinished(location).getString("state")).isEqualTo("SUCCEEDED");
        }
        assertThat(render("json")).isEqualTo(before.get("json"));
    }

    @Test
    void shouldChangeNothingWhenAnEventIsRedeliveredAfterTheRebuild() {
        KafkaTestClient.send(Topics.EVALUATION, override.aggregateId(), EventJson.write(override));
        KafkaTestClient.send(Topics.SUBMISSIONS, secondVersion.aggregateId(), EventJson.write(secondVersion));
        // Markers behind them on the same partitions (the same accounts), about a cycle of their own.
        ReportWorld marker = new ReportWorld();
        marker.overdue(UUID.randomUUID(), a2, "2034-S1", CEN);
        marker.submission(UUID.randomUUID(), a1, "2034-S1", "X", 1, 1, 1, 1, Map.of(), Map.of(), Map.of());
        marker.awaitApplied(WITHIN);

        assertThat(render("json")).isEqualTo(before.get("json"));
        assertThat(render("pdf")).isEqualTo(before.get("pdf"));
    }

    @Test
    void shouldLetOnlyCncsRebuildOrFollowOne() {
        String location = rebuilt.getString("id");
        for (String role : List.of(Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION, Roles.AREA_HEAD, Roles.ACCOUNT_ADMIN)) {
            given().auth().oauth2(TestTokens.forRole(role)).post("/api/operations/rebuilds").then().statusCode(403);
            given().auth().oauth2(TestTokens.forRole(role)).get("/api/operations/rebuilds/" + location).then().statusCode(403);
        }
        given().post("/api/operations/rebuilds").then().statusCode(401);
        given().auth().oauth2(operator()).get("/api/operations/rebuilds/999999999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    // --- helpers -------------------------------------------------------------------------------------

    static String operator() {
        return TestTokens.forPerson("operador@ine.mx", java.util.Set.of(Roles.CNCS), Map.of());
    }

    /** @return the run's Location */
    static String startRebuild() {
        Response started = given().auth().oauth2(operator()).post("/api/operations/rebuilds");
        started.then().statusCode(202).header("Location", containsString("/api/operations/rebuilds/"))
                .body("state", equalTo("RUNNING"));
        return started.header("Location");
    }

    static JsonPath awaitFinished(String location) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> !given().auth().oauth2(operator()).get(location)
                .then().statusCode(200).extract().path("state").equals("RUNNING"));
        return given().auth().oauth2(operator()).get(location).then().statusCode(200).extract().jsonPath();
    }

    static byte[] render(String format) {
        return given().auth().oauth2(operator()).queryParam("format", format).get("/api/reports/semiannual/" + CYCLE)
                .then().statusCode(200).extract().asByteArray();
    }

    static long records(JsonPath run, String topic, String field) {
        return run.getLong("topics.find { it.topic == '" + topic + "' }." + field);
    }
}
