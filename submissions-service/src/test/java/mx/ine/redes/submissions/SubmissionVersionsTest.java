package mx.ine.redes.submissions;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.submissions.IntakeFixtures.CNCS;
import static mx.ine.redes.submissions.IntakeFixtures.account;
import static mx.ine.redes.submissions.IntakeFixtures.admin;
import static mx.ine.redes.submissions.IntakeFixtures.cycleRequest;
import static mx.ine.redes.submissions.IntakeFixtures.xFigures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.ObservationIssued;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** Corrections (domain.md §4): each a new version, none overwritten, their differences, one winner when two race. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class SubmissionVersionsTest {

    @Inject
    EntityManager entityManager;

    private static String firstSubmission(String token, UUID request, Map<String, Object> figures) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("requestId", request.toString(), "figures", figures))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
    }

    private static Response correct(String token, String submission, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/submissions/" + submission + "/versions");
    }

    @Test
    void shouldKeepEveryVersionAndShowWhatEachCorrectionChanged() {
        UUID account = account("X", "inemexico_correccion", "admin.correccion@ine.mx");
        UUID request = cycleRequest(account, "2026-S2", Duration.ofDays(10));
        String token = admin("admin.correccion@ine.mx");
        String id = firstSubmission(token, request, xFigures());
        UUID observation = UUID.randomUUID();
        KafkaTestClient.publish(new ObservationIssued(observation, account, "2026-S2", "JDE-CHIS-03",
                "Las menciones parecen bajas.", Instant.now(), Instant.now().plus(Duration.ofDays(2))));
        Map<String, Object> corrected = new HashMap<>(xFigures());
        corrected.put("mentions", 12_004);
        corrected.put("stories", 15);
        await().atMost(Duration.ofSeconds(15)).until(() -> observationKnown(observation));

        correct(token, id, Map.of("basedOnVersion", 1, "figures", corrected, "answersObservationId", observation.toString()))
                .then().statusCode(201)
                .header("Location", endsWith("/api/submissions/" + id + "/versions/2"))
                .body("currentVersion", equalTo(2))
                .body("versions", hasSize(2))
                .body("versions[0].figures.mentions", equalTo(9871))
                .body("versions[0].changes", hasSize(0))
                .body("versions[1].figures.mentions", equalTo(12004))
                .body("versions[1].answersObservationId", equalTo(observation.toString()))
                .body("versions[1].changes", hasSize(2))
                .body("versions[1].changes[0].field", equalTo("figures.mentions"))
                .body("versions[1].changes[0].from", equalTo(9871))
                .body("versions[1].changes[0].to", equalTo(12004))
                .body("versions[1].changes[1].field", equalTo("figures.stories"))
                .body("versions[1].changes[1].from", equalTo(null))
                .body("versions[1].changes[1].to", equalTo(15));
        given().auth().oauth2(token).get("/api/submissions/" + id + "/versions/1").then().statusCode(200)
                .body("figures.mentions", equalTo(9871));

        await().atMost(Duration.ofSeconds(15)).until(() -> KafkaTestClient.eventsFor(Topics.SUBMISSIONS, account.toString()).size() == 2);
        List<EventEnvelope> events = KafkaTestClient.eventsFor(Topics.SUBMISSIONS, account.toString());
        SubmissionReceived second = (SubmissionReceived) events.get(1).payload();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.answersObservationId()).isEqualTo(observation);
        assertThat(second.figures()).containsEntry("mentions", 12_004L).containsEntry("stories", 15L);
        assertThat(events.get(1).sequence()).isGreaterThan(events.get(0).sequence());
    }

    @Test
    void shouldRefuseACorrectionBasedOnAnOlderVersion() {
        UUID account = account("X", "inemexico_vieja", "admin.vieja@ine.mx");
        String token = admin("admin.vieja@ine.mx");
        String id = firstSubmission(token, cycleRequest(account, "2026-S2", Duration.ofDays(10)), xFigures());
        correct(token, id, Map.of("basedOnVersion", 1, "figures", xFigures())).then().statusCode(201);

        correct(token, id, Map.of("basedOnVersion", 1, "figures", xFigures()))
                .then().statusCode(409)
                .body("detail", containsString("La entrega ya va en la versión 2 y esta corrección parte de la versión 1"))
                .body("errors[0].field", equalTo("basedOnVersion"));
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentCorrectionsWin() throws Exception {
        UUID account = account("X", "inemexico_carrera", "admin.carrera@ine.mx");
        String token = admin("admin.carrera@ine.mx");
        String id = firstSubmission(token, cycleRequest(account, "2026-S2", Duration.ofDays(10)), xFigures());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int mentions : List.of(100, 200)) {
                Map<String, Object> figures = new HashMap<>(xFigures());
                figures.put("mentions", mentions);
                answers.add(pool.submit(() -> {
                    start.await();
                    return correct(token, id, Map.of("basedOnVersion", 1, "figures", figures)).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).get("/api/submissions/" + id).then().body("versions", hasSize(2));
    }

    @Test
    void shouldRefuseAnObservationOfAnotherAccount() {
        UUID account = account("X", "inemexico_obs_ajena", "admin.obs@ine.mx");
        String token = admin("admin.obs@ine.mx");
        String id = firstSubmission(token, cycleRequest(account, "2026-S2", Duration.ofDays(10)), xFigures());

        correct(token, id, Map.of("basedOnVersion", 1, "figures", xFigures(), "answersObservationId", UUID.randomUUID().toString()))
                .then().statusCode(422).body("errors[0].field", equalTo("answersObservationId"));
    }

    @Test
    void shouldNeverChangeOrDeleteAStoredVersion() {
        UUID account = account("X", "inemexico_inmutable", "admin.inmutable@ine.mx");
        String id = firstSubmission(admin("admin.inmutable@ine.mx"), cycleRequest(account, "2026-S2", Duration.ofDays(10)), xFigures());

        assertThat(rewrite("update submission_version set figures = '{}' where submission_id = '" + id + "'"))
                .contains("never changed or deleted");
        assertThat(rewrite("delete from submission_version where submission_id = '" + id + "'"))
                .contains("never changed or deleted");
        given().auth().oauth2(CNCS).get("/api/submissions/" + id).then().body("versions[0].figures.posts", equalTo(2345));
    }

    @Transactional
    boolean observationKnown(UUID observation) {
        return entityManager.createNativeQuery("select count(*) from known_observation where observation_id = :id")
                .setParameter("id", observation).getSingleResult().toString().equals("1");
    }

    String rewrite(String sql) {
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(sql).executeUpdate());
            return "changed";
        } catch (RuntimeException e) {
            Throwable cause = e;
            StringBuilder messages = new StringBuilder();
            while (cause != null) {
                messages.append(cause.getMessage()).append(' ');
                cause = cause.getCause();
            }
            return messages.toString();
        }
    }
}
