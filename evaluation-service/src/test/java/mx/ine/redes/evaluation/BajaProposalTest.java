package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.CNCS_EMAIL;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.area;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.awaitEvents;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.cncs;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.cycle;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.evaluation;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.events;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.handle;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.notPertinentFigures;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.pertinentFigures;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.person;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.register;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.submit;
import static mx.ine.redes.evaluation.testing.EvaluationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.calendar.Deadlines;
import mx.ine.redes.events.AccountDecommissioned;
import mx.ine.redes.events.BajaProposed;
import mx.ine.redes.events.EvaluationCompleted;
import mx.ine.redes.events.RatingOverridden;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proposed bajas (domain.md §5) on the real database and broker: a NOT_PERTINENT rating or dormancy
 * at completion proposes one; an override after completion to a pertinent rating withdraws it; the
 * registry's baja act citing it decides it. The scores are written out in {@code EvaluationFixtures}.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BajaProposalTest {

    private static final String JUSTIFICATION = "La cuenta es la única vía de la junta distrital durante el proceso electoral.";

    @Inject
    ShiftableClock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    EntityManager entityManager;

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

    @Test
    void shouldProposeTheBajaOfANotPertinentAccountAndWithdrawItWhenCncsOverridesTheRatingAfterCompletion() {
        cycle("2121-S1");
        UUID account = register(area(), List.of(unique("admin")), null, null);
        UUID caseId = submit(account, "2121-S1", clock.instant(), notPertinentFigures());
        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseId + "/completion").then().statusCode(200);

        BajaProposed proposed = awaitEvents(account, BajaProposed.class, 1).get(0);
        assertThat(proposed.evaluationId()).isEqualTo(caseId);
        assertThat(proposed.cycleId()).isEqualTo("2121-S1");
        assertThat(proposed.grounds()).isEqualTo("NOT_PERTINENT");
        assertThat(proposed.overallScore()).isEqualTo(18);
        assertThat(proposed.network()).isEqualTo("X");
        assertThat(proposed.handle()).isEqualTo(handle(account));
        String proposal = proposed.proposalId().toString();
        given().auth().oauth2(TestTokensFor.committee()).get("/api/baja-proposals/" + proposal).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("grounds", equalTo("NOT_PERTINENT"))
                .body("evaluationId", equalTo(caseId.toString())).body("overallScore", equalTo(18));
        assertThat(given().auth().oauth2(cncs()).get("/api/baja-proposals?cycle=2121-S1&status=PROPOSED").then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(proposal);

        // After completion CNCS finds it pertinent after all: the rating that stands changes, the score does not,
        // and the proposal still pending is withdrawn with the override's justification.
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("rating", "PERTINENT_WITH_RECOMMENDATIONS", "justification", JUSTIFICATION))
                .post("/api/evaluations/" + caseId + "/rating-override").then().statusCode(200)
                .body("rating", equalTo("PERTINENT_WITH_RECOMMENDATIONS")).body("computedRating", equalTo("NOT_PERTINENT"))
                .body("provisional", equalTo(false)).body("overrides[0].afterCompletion", equalTo(true))
                .body("overrides[0].previousRating", equalTo("NOT_PERTINENT"));
        given().auth().oauth2(cncs()).get("/api/evaluations/" + caseId + "/score").then().statusCode(200)
                .body("rating", equalTo("NOT_PERTINENT")).body("overall", equalTo(18));
        given().auth().oauth2(cncs()).get("/api/baja-proposals/" + proposal).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo(CNCS_EMAIL))
                .body("withdrawalReason", equalTo(JUSTIFICATION));
        assertThat(given().auth().oauth2(cncs()).get("/api/baja-proposals?cycle=2121-S1&status=withdrawn").then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(proposal);
        assertThat(given().auth().oauth2(cncs()).get("/api/baja-proposals?cycle=2121-S1&status=PROPOSED").then().statusCode(200)
                .extract().<Integer>path("total")).isZero();
        given().auth().oauth2(cncs()).get("/api/baja-proposals?status=ABIERTA").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("status"));
        given().auth().oauth2(cncs()).get("/api/baja-proposals/" + UUID.randomUUID()).then().statusCode(404);

        RatingOverridden overridden = awaitEvents(account, RatingOverridden.class, 1).get(0);
        assertThat(overridden.previousRating()).isEqualTo("NOT_PERTINENT");
        assertThat(overridden.rating()).isEqualTo("PERTINENT_WITH_RECOMMENDATIONS");
        assertThat(overridden.computedRating()).isEqualTo("NOT_PERTINENT");
        // The completion said what stood then; the event of completion is never rewritten.
        assertThat(awaitEvents(account, EvaluationCompleted.class, 1)).singleElement()
                .satisfies(completed -> assertThat(completed.rating()).isEqualTo("NOT_PERTINENT"));

        // Back to NOT_PERTINENT: a new proposal, since none stands.
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("rating", "NOT_PERTINENT", "justification", "Revisada de nuevo: la junta cuenta con otra vía oficial."))
                .post("/api/evaluations/" + caseId + "/rating-override").then().statusCode(200)
                .body("overrides.ordinal", equalTo(List.of(1, 2)));
        List<BajaProposed> proposals = awaitEvents(account, BajaProposed.class, 2);
        assertThat(proposals).hasSize(2);
        assertThat(proposals.get(1).proposalId()).isNotEqualTo(proposed.proposalId());
        assertThat(given().auth().oauth2(cncs()).get("/api/baja-proposals?cycle=2121-S1").then().statusCode(200)
                .extract().<List<String>>path("items.status")).containsExactly("WITHDRAWN", "PROPOSED");
        assertThat(evaluation(caseId)).extracting(e -> ((Map<?, ?>) e.get("ratingHistory")).get("rating"))
                .isEqualTo("NOT_PERTINENT");

        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action from audited_act where subject_kind = 'BAJA_PROPOSAL' and account_id = :account"
                                + " order by action")
                .setParameter("account", account).getResultList()))
                .containsExactly("BAJA_PROPOSAL_WITHDRAWN", "BAJA_PROPOSED", "BAJA_PROPOSED");
    }

    @Test
    void shouldProposeTheBajaOfADormantAccountAndDecideItWhenTheRegistryCitesIt() {
        cycle("2122-S1");
        String admin = unique("admin");
        String otherAdmin = unique("otro.admin");
        // Last publication on 15 January 2020: far more than 365 days before any day the clock shows.
        UUID account = register(area(), List.of(admin), null, LocalDate.of(2020, 1, 15));
        register(area(), List.of(otherAdmin), null, null);
        UUID caseId = submit(account, "2122-S1", clock.instant(), pertinentFigures());
        // Scored 88 (pertinent figures), but dormant: NOT_PERTINENT whatever the score (§5).
        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseId + "/completion").then().statusCode(200)
                .body("score.overall", equalTo(88)).body("score.rating", equalTo("NOT_PERTINENT"))
                .body("score.explanation.dormant", equalTo(true));

        BajaProposed proposed = awaitEvents(account, BajaProposed.class, 1).get(0);
        assertThat(proposed.grounds()).isEqualTo("DORMANT");
        assertThat(proposed.overallScore()).isEqualTo(88);
        String proposal = proposed.proposalId().toString();

        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).get("/api/baja-proposals/" + proposal).then().statusCode(200);
        given().auth().oauth2(person(otherAdmin, Roles.ACCOUNT_ADMIN)).get("/api/baja-proposals/" + proposal).then()
                .statusCode(404).contentType("application/problem+json");
        assertThat(given().auth().oauth2(person(otherAdmin, Roles.ACCOUNT_ADMIN)).get("/api/baja-proposals?cycle=2122-S1")
                .then().statusCode(200).extract().<Integer>path("total")).isZero();

        // Dormancy is a fact: an override to a pertinent rating does not withdraw a DORMANT proposal.
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("rating", "PERTINENT", "justification", JUSTIFICATION))
                .post("/api/evaluations/" + caseId + "/rating-override").then().statusCode(200);
        given().auth().oauth2(cncs()).get("/api/baja-proposals/" + proposal).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));

        // The Committee agreed; accounts-service's baja act cites the proposal.
        KafkaTestClient.publish(new AccountDecommissioned(account, "X", handle(account), "JDE", LocalDate.of(2027, 3, 10),
                "Inactiva por más de un año (propuesta de la evaluación 2122-S1)", "Acuerdo del Comité", proposed.proposalId()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(cncs())
                .get("/api/baja-proposals/" + proposal).then().statusCode(200).body("status", equalTo("DECIDED")));
        given().auth().oauth2(TestTokensFor.committee()).get("/api/baja-proposals/" + proposal).then().statusCode(200)
                .body("decidedOn", equalTo("2027-03-10"))
                .body("decisionReason", equalTo("Inactiva por más de un año (propuesta de la evaluación 2122-S1)"));
        assertThat(given().auth().oauth2(cncs()).get("/api/baja-proposals?cycle=2122-S1&status=DECIDED").then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(proposal);
        assertThat(events(account, BajaProposed.class)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select action from audited_act where subject_id = :id order by action")
                .setParameter("id", proposal).getResultList()))
                .containsExactly("BAJA_PROPOSAL_DECIDED", "BAJA_PROPOSED");
    }

    /** The Committee's token (reads every account's proposals). */
    private static final class TestTokensFor {
        static String committee() {
            return mx.ine.redes.support.testing.TestTokens.forRole(Roles.COMMITTEE);
        }
    }
}
