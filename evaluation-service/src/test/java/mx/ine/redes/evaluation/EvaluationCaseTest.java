package mx.ine.redes.evaluation;

import static io.restassured.RestAssured.given;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.timer.TimerEngine;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EvaluationOpened;
import mx.ine.redes.events.EvaluationTermMoved;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.SubmissionReceived;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evaluation cases (Art. 13, 14) on the real database and broker, with the clock moved to fixed
 * instants of March 2027 (Mexico City: UTC-6, no daylight saving time; no electoral process in the
 * test calendar then). Every expected date is written out from the rule: 10 business days counted
 * from the business day after the receipt takes effect, due at 18:00 of the 10th. March 2027:
 * Monday 15 is a statutory rest day (third Monday of March).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class EvaluationCaseTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    /** Friday 5 March 2027, 10:00: business time, it takes effect when made. */
    private static final String FRIDAY_RECEIPT = "2027-03-05T10:00";
    /**
     * Counted: Mon 8 (1), Tue 9 (2), Wed 10 (3), Thu 11 (4), Fri 12 (5); Sat 13, Sun 14 and Mon 15
     * (third Monday of March) skipped; Tue 16 (6), Wed 17 (7), Thu 18 (8), Fri 19 (9); Sat 20, Sun 21
     * skipped; Mon 22 (10): 18:00 on Monday 22 March 2027 = 2027-03-23T00:00:00Z.
     */
    private static final String DUE_FROM_FRIDAY = "2027-03-23T00:00:00Z";

    @Inject
    ShiftableClock clock;

    @Inject
    TimerEngine engine;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldOpenTheCaseWithCncsTermAndKeepTheTermWhenACorrectionArrives() {
        moveTo(mexico(FRIDAY_RECEIPT));
        String cycle = uniqueCycle();
        UUID account = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(unique("admin")), null);
        UUID request = UUID.randomUUID();
        UUID firstSubmission = UUID.randomUUID();
        SubmissionReceived.SubmissionWarning dropped = new SubmissionReceived.SubmissionWarning("FOLLOWERS_DROPPED",
                List.of("followersAtEnd"), "Los seguidores bajaron 40 % respecto del periodo anterior.");
        KafkaTestClient.publish(received(firstSubmission, request, account, cycle, 1, mexico(FRIDAY_RECEIPT),
                Map.of("posts", 12L, "followersAtEnd", 600L), List.of(dropped)));

        Map<String, Object> opened = awaitCase(account, c -> assertThat(c).containsEntry("latestVersion", 1));
        assertThat(opened).containsEntry("requestId", request.toString()).containsEntry("status", "OPEN")
                .containsEntry("late", false).containsEntry("termPassedAt", null)
                .containsEntry("firstReceivedAt", "2027-03-05T16:00:00Z")
                .containsEntry("effectiveAt", "2027-03-05T16:00:00Z")
                .containsEntry("dueAt", DUE_FROM_FRIDAY)
                .containsEntry("areaLevel", "DISTRICT")
                .containsEntry("submissionId", firstSubmission.toString());
        assertThat(opened.get("suggestedObservations")).isEqualTo(List.of(Map.of("code", "FOLLOWERS_DROPPED",
                "fields", List.of("followersAtEnd"), "message", "Los seguidores bajaron 40 % respecto del periodo anterior.")));
        UUID caseId = UUID.fromString((String) opened.get("id"));
        assertThat(pendingTerm(caseId)).contains(Instant.parse(DUE_FROM_FRIDAY));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).extracting(EventEnvelope::payload).filteredOn(EvaluationOpened.class::isInstance)
                .containsExactly(new EvaluationOpened(caseId, request, account, cycle, "X", (String) opened.get("areaCode"),
                        "DISTRICT", Instant.parse("2027-03-05T16:00:00Z"), Instant.parse(DUE_FROM_FRIDAY))));

        Map<String, Object> explained = evaluation(caseId);
        @SuppressWarnings("unchecked")
        Map<String, Object> term = (Map<String, Object>) explained.get("term");
        assertThat(term).containsEntry("dueAt", DUE_FROM_FRIDAY).containsEntry("businessDays", 10);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) term.get("days");
        assertThat(days).filteredOn(d -> Boolean.TRUE.equals(d.get("counted"))).extracting(d -> d.get("date"))
                .containsExactly("2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12", "2027-03-16",
                        "2027-03-17", "2027-03-18", "2027-03-19", "2027-03-22");
        assertThat(days).filteredOn(d -> "2027-03-15".equals(d.get("date"))).singleElement()
                .satisfies(d -> assertThat((String) d.get("reason")).contains("tercer lunes de marzo"));

        // A correction on Tuesday 9 March: new figures, no warning; CNCS's term still runs from Friday.
        moveTo(mexico("2027-03-09T12:00"));
        UUID correction = UUID.randomUUID();
        EventEnvelope second = KafkaTestClient.publish(received(correction, request, account, cycle, 2, mexico("2027-03-09T12:00"),
                Map.of("posts", 14L, "followersAtEnd", 650L), List.of()));
        Map<String, Object> corrected = awaitCase(account, c -> assertThat(c).containsEntry("latestVersion", 2));
        assertThat(corrected).containsEntry("dueAt", DUE_FROM_FRIDAY).containsEntry("firstReceivedAt", "2027-03-05T16:00:00Z")
                .containsEntry("latestReceivedAt", "2027-03-09T18:00:00Z")
                .containsEntry("submissionId", correction.toString())
                .containsEntry("figures", Map.of("posts", 14, "followersAtEnd", 650))
                .containsEntry("suggestedObservations", List.of());
        assertThat(pendingTerm(caseId)).contains(Instant.parse(DUE_FROM_FRIDAY));
        assertThat(evaluation(caseId).get("receipts")).isEqualTo(List.of(
                Map.of("version", 1, "submissionId", firstSubmission.toString(), "receivedAt", "2027-03-05T16:00:00Z",
                        "applied", true),
                Map.of("version", 2, "submissionId", correction.toString(), "receivedAt", "2027-03-09T18:00:00Z",
                        "applied", true)));

        // The same event delivered again, then a marker on the same partition (same key): once the
        // marker's case exists, the redelivery has been consumed, and it changed nothing.
        Map<String, Object> before = evaluation(caseId);
        KafkaTestClient.send(Topics.SUBMISSIONS, second.aggregateId(), EventJson.write(second));
        UUID marker = UUID.randomUUID();
        KafkaTestClient.publish(received(UUID.randomUUID(), marker, account, cycle, 1, mexico("2027-03-09T12:00"),
                Map.of("posts", 1L), List.of()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(cases(account)).hasSize(2));
        assertThat(evaluation(caseId)).isEqualTo(before);

        // Past the term with the case still open: late, exactly once (a second sweep changes nothing).
        moveTo(Instant.parse("2027-03-23T00:00:01Z"));
        engine.sweep();
        Map<String, Object> late = evaluation(caseId);
        assertThat(late).containsEntry("late", true).containsEntry("termPassedAt", DUE_FROM_FRIDAY)
                .containsEntry("status", "OPEN");
        assertThat(pendingTerm(caseId)).isEmpty();
        moveTo(Instant.parse("2027-03-24T00:00:00Z"));
        engine.sweep();
        assertThat(evaluation(caseId)).isEqualTo(late);
        assertThat(given().auth().oauth2(cncs()).get("/api/evaluations?cycle=" + cycle + "&late=true").then().statusCode(200)
                .extract().<List<String>>path("items.id")).containsExactly(caseId.toString());
    }

    @Test
    void shouldKeepTheHigherVersionAndRunTheTermFromTheEarlierReceiptWhenVersionsArriveOutOfOrder() {
        moveTo(mexico("2027-03-09T12:00"));
        String cycle = uniqueCycle();
        UUID account = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(unique("admin")), null);
        UUID request = UUID.randomUUID();
        UUID correction = UUID.randomUUID();
        KafkaTestClient.publish(received(correction, request, account, cycle, 2, mexico("2027-03-09T12:00"),
                Map.of("posts", 14L), List.of()));
        // Alone, Tuesday 9 March 12:00 would be due Wednesday 24 March, 18:00 (10, 11, 12, 16–19, 22, 23, 24).
        Map<String, Object> opened = awaitCase(account, c -> assertThat(c).containsEntry("latestVersion", 2));
        assertThat(opened).containsEntry("dueAt", "2027-03-25T00:00:00Z");
        UUID caseId = UUID.fromString((String) opened.get("id"));

        KafkaTestClient.publish(received(UUID.randomUUID(), request, account, cycle, 1, mexico(FRIDAY_RECEIPT),
                Map.of("posts", 12L), List.of()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(evaluation(caseId))
                .containsEntry("firstReceivedAt", "2027-03-05T16:00:00Z"));
        Map<String, Object> after = evaluation(caseId);
        assertThat(after).containsEntry("latestVersion", 2).containsEntry("submissionId", correction.toString())
                .containsEntry("figures", Map.of("posts", 14)).containsEntry("dueAt", DUE_FROM_FRIDAY);
        assertThat(after.get("receipts").toString()).contains("version=1", "applied=false");
        assertThat(pendingTerm(caseId)).contains(Instant.parse(DUE_FROM_FRIDAY));
    }

    @Test
    void shouldCountTheBacklogPerLevel() {
        moveTo(mexico(FRIDAY_RECEIPT));
        String cycle = uniqueCycle();
        UUID district = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(unique("admin")), null);
        UUID local = register(UUID.randomUUID(), "JLE-" + suffix(), "LOCAL", List.of(unique("admin")), null);
        UUID laterDistrict = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(unique("admin")), null);
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), district, cycle, 1, mexico(FRIDAY_RECEIPT),
                Map.of("posts", 1L), List.of()));
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), local, cycle, 1, mexico(FRIDAY_RECEIPT),
                Map.of("posts", 1L), List.of()));
        moveTo(mexico("2027-03-11T10:00"));
        // Thursday 11 March 10:00: 12, 16, 17, 18, 19, 22, 23, 24, 25 and Friday 26 March (10th), 18:00.
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), laterDistrict, cycle, 1, mexico("2027-03-11T10:00"),
                Map.of("posts", 1L), List.of()));
        awaitCase(laterDistrict, c -> assertThat(c).containsEntry("dueAt", "2027-03-27T00:00:00Z"));
        awaitCase(district, c -> assertThat(c).containsEntry("dueAt", DUE_FROM_FRIDAY));
        awaitCase(local, c -> assertThat(c).containsEntry("dueAt", DUE_FROM_FRIDAY));

        // Friday 19 March 10:00; within 2 business days: Monday 22 and Tuesday 23, until 18:00 of the 23rd.
        moveTo(mexico("2027-03-19T10:00"));
        Map<String, Object> soon = backlog(cycle, "");
        assertThat(soon).containsEntry("withinBusinessDays", 2).containsEntry("dueWithinLimit", "2027-03-24T00:00:00Z")
                .containsEntry("total", Map.of("open", 3, "dueWithin", 2, "pastTerm", 0, "completedLate", 0))
                .containsEntry("levels", List.of(
                        Map.of("level", "DISTRICT", "counts", Map.of("open", 2, "dueWithin", 1, "pastTerm", 0, "completedLate", 0)),
                        Map.of("level", "LOCAL", "counts", Map.of("open", 1, "dueWithin", 1, "pastTerm", 0, "completedLate", 0))));
        // Within 5: 22, 23, 24, 25 and Friday 26 until 18:00: the later case too (due exactly then).
        assertThat(backlog(cycle, "&withinBusinessDays=5")).containsEntry("dueWithinLimit", "2027-03-27T00:00:00Z")
                .extracting(b -> ((Map<?, ?>) b.get("total")).get("dueWithin")).isEqualTo(3);

        // Monday 22 March 18:00:01: two cases past their term.
        moveTo(Instant.parse("2027-03-23T00:00:01Z"));
        engine.sweep();
        // Completion is a later slice: one late case is completed directly in the database here.
        UUID completed = UUID.fromString((String) awaitCase(local, c -> assertThat(c).containsEntry("late", true)).get("id"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update evaluation_case set status = 'COMPLETED', completed_at = :at where id = :id")
                .setParameter("at", Instant.parse("2027-03-23T00:00:01Z")).setParameter("id", completed).executeUpdate());
        // After hours: the count starts on Wednesday 24 (1), Thursday 25 (2), until 18:00 of the 25th.
        assertThat(backlog(cycle, "")).containsEntry("dueWithinLimit", "2027-03-26T00:00:00Z")
                .containsEntry("total", Map.of("open", 2, "dueWithin", 0, "pastTerm", 1, "completedLate", 1));

        given().auth().oauth2(cncs()).get("/api/evaluations/backlog?withinBusinessDays=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("withinBusinessDays"));
        given().auth().oauth2(cncs()).get("/api/evaluations?late=maybe").then().statusCode(400)
                .body("errors[0].parameter", equalTo("late"));
        given().auth().oauth2(cncs()).get("/api/evaluations?dueBefore=ayer").then().statusCode(400)
                .body("errors[0].parameter", equalTo("dueBefore"));
        assertThat(given().auth().oauth2(cncs()).get("/api/evaluations?cycle=" + cycle + "&dueBefore=2027-03-24T00:00:00Z")
                .then().statusCode(200).extract().<List<String>>path("items.accountId"))
                .containsExactlyInAnyOrder(district.toString(), local.toString());
        assertThat(given().auth().oauth2(cncs()).get("/api/evaluations?cycle=" + cycle).then().statusCode(200)
                .extract().<List<String>>path("items.dueAt")).isSorted();
    }

    @Test
    void shouldShowACaseOnlyToThoseWhoSeeItsAccount() {
        moveTo(mexico(FRIDAY_RECEIPT));
        String cycle = uniqueCycle();
        String admin = unique("admin");
        String head = unique("titular");
        UUID account = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(admin), head);
        String otherAdmin = unique("otro.admin");
        register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(otherAdmin), null);
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), account, cycle, 1, mexico(FRIDAY_RECEIPT),
                Map.of("posts", 1L), List.of()));
        UUID caseId = UUID.fromString((String) awaitCase(account, c -> assertThat(c).containsEntry("status", "OPEN")).get("id"));

        given().auth().oauth2(person(admin, Roles.ACCOUNT_ADMIN)).get("/api/evaluations/" + caseId).then().statusCode(200);
        given().auth().oauth2(person(head, Roles.AREA_HEAD)).get("/api/evaluations/" + caseId).then().statusCode(200);
        given().auth().oauth2(TestTokens.forRole(Roles.COMMITTEE)).get("/api/evaluations/" + caseId).then().statusCode(200);
        given().auth().oauth2(person(otherAdmin, Roles.ACCOUNT_ADMIN)).get("/api/evaluations/" + caseId).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(given().auth().oauth2(person(otherAdmin, Roles.ACCOUNT_ADMIN)).get("/api/evaluations?cycle=" + cycle)
                .then().statusCode(200).extract().<Integer>path("total")).isZero();
        assertThat(given().auth().oauth2(person(otherAdmin, Roles.ACCOUNT_ADMIN)).get("/api/evaluations/backlog?cycle=" + cycle)
                .then().statusCode(200).extract().<Integer>path("total.open")).isZero();
    }

    @Test
    void shouldRecomputeAnOpenCaseTermWhenTheCalendarChanges() {
        moveTo(mexico(FRIDAY_RECEIPT));
        String cycle = uniqueCycle();
        UUID account = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(unique("admin")), null);
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), account, cycle, 1, mexico(FRIDAY_RECEIPT),
                Map.of("posts", 1L), List.of()));
        UUID caseId = UUID.fromString((String) awaitCase(account, c -> assertThat(c).containsEntry("dueAt", DUE_FROM_FRIDAY))
                .get("id"));
        // Wednesday 17 March made non-working: the 10th business day is Tuesday 23 March, 18:00.
        given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("day", "2027-03-17", "description", "Día inhábil de prueba", "sourceReference", "Acuerdo de prueba"))
                .post("/api/calendar/non-working-days").then().statusCode(201);
        try {
            assertThat(evaluation(caseId)).containsEntry("dueAt", "2027-03-24T00:00:00Z");
            assertThat(pendingTerm(caseId)).contains(Instant.parse("2027-03-24T00:00:00Z"));
        } finally {
            given().auth().oauth2(cncs()).delete("/api/calendar/non-working-days/2027-03-17").then().statusCode(204);
        }
        // CNCS's own term is nobody's promise: it follows the calendar back (see EvaluationCaseService).
        assertThat(evaluation(caseId)).containsEntry("dueAt", DUE_FROM_FRIDAY);
        assertThat(pendingTerm(caseId)).contains(Instant.parse(DUE_FROM_FRIDAY));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(KafkaTestClient.eventsFor(Topics.EVALUATION,
                account.toString())).extracting(EventEnvelope::payload).filteredOn(EvaluationTermMoved.class::isInstance)
                .map(moved -> (EvaluationTermMoved) moved)
                .extracting(EvaluationTermMoved::evaluationId, EvaluationTermMoved::previousDueAt, EvaluationTermMoved::dueAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(caseId, Instant.parse(DUE_FROM_FRIDAY), Instant.parse("2027-03-24T00:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(caseId, Instant.parse("2027-03-24T00:00:00Z"), Instant.parse(DUE_FROM_FRIDAY))));
    }

    @Test
    void shouldOpenNoCaseForARequestWithdrawnBeforeItsSubmissionArrived() {
        moveTo(mexico("2027-03-01T10:00")); // Monday
        String cycle = uniqueCycle();
        UUID account = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(unique("admin")), null);
        UUID withdrawn = UUID.fromString(given().auth().oauth2(cncs()).contentType(ContentType.JSON)
                .body(Map.of("accountIds", List.of(account.toString()), "requestedFields", List.of("posts"), "dueOn", "2027-03-10",
                        "reason", "Prueba de evaluación"))
                .post("/api/requests/ad-hoc").then().statusCode(201).extract().<String>path("[0].id"));
        given().auth().oauth2(cncs()).contentType(ContentType.JSON).body(Map.of("reason", "Ya no se necesita."))
                .post("/api/requests/" + withdrawn + "/withdrawal").then().statusCode(200);
        KafkaTestClient.publish(received(UUID.randomUUID(), withdrawn, account, cycle, 1, mexico("2027-03-01T10:05"),
                Map.of("posts", 3L), List.of()));
        // A marker on the same partition: once its case exists, the first event has been consumed.
        UUID marker = UUID.randomUUID();
        KafkaTestClient.publish(received(UUID.randomUUID(), marker, account, cycle, 1, mexico("2027-03-01T10:05"),
                Map.of("posts", 3L), List.of()));
        awaitCase(account, c -> assertThat(c).containsEntry("requestId", marker.toString()));
    }

    @Test
    void shouldNotHoldThePartitionForAReceiptOutsideTheSupportedYears() {
        moveTo(mexico(FRIDAY_RECEIPT));
        String cycle = uniqueCycle();
        UUID account = register(UUID.randomUUID(), "JDE-" + suffix(), "DISTRICT", List.of(unique("admin")), null);
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), account, cycle, 1,
                Instant.parse("2300-01-05T16:00:00Z"), Map.of("posts", 3L), List.of()));
        UUID marker = UUID.randomUUID();
        KafkaTestClient.publish(received(UUID.randomUUID(), marker, account, cycle, 1, mexico(FRIDAY_RECEIPT),
                Map.of("posts", 3L), List.of()));
        awaitCase(account, c -> assertThat(c).containsEntry("requestId", marker.toString()).containsEntry("dueAt", DUE_FROM_FRIDAY));
    }

    // --- helpers ----------------------------------------------------------------------------------

    /**
     * The provisional score, with the default formula 2026.1 (SCORING.md) and a period of 181 days
     * (1 January – 30 June 2027: 181/7 = 25.857 weeks). Three X accounts of the same level are each
     * other's peers. Written out:
     * <ul>
     * <li>A: 130 posts = 5.03 a week → frequency 100 (tope); own 65/130 = 0.5 → 50, multimedia 65/130 = 0.5 of
     * 0.5 → 100, original (50 + 100)/2 = 75; 400 mentions / 10,000 impressions = 0.04, the highest of 3 →
     * 100; followers 4,000 → 4,400 = +10 % → 100. Overall (100 + 100 + 75 + 100)/4 = 93.75 → 94, PERTINENT.</li>
     * <li>B: 26 posts = 1.0055 a week → 20.11 → 20; own 26/26 → 100, multimedia 0 → 0, original 50; 0.01, the
     * lowest → 0; 1,000 → 1,050 = +5 % → 50. Overall (0 + 20 + 50 + 50)/4 = 30, NOT_PERTINENT.</li>
     * <li>C: 52 posts = 2.011 a week → 40.22 → 40; own 13/52 = 0.25 → 25, multimedia 0.25 of 0.5 → 50,
     * original 37.5 → 38; 0.02, the middle one → 50; 2,000 → 2,000 → 0. Overall (50 + 40 + 38 + 0)/4 = 32.</li>
     * </ul>
     */
    @Test
    void shouldScoreACaseAgainstThePeersOfItsCycleAndExplainIt() {
        String cycle = uniqueCycle();
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewCycle row = new ReviewCycle();
            row.id = cycle;
            row.periodStart = LocalDate.of(2027, 1, 1);
            row.periodEnd = LocalDate.of(2027, 6, 30);
            row.windowMonth = "2027-07";
            row.openedAt = Instant.now();
            row.openedBy = "cncs@ine.mx";
            row.requestCount = 3;
            entityManager.persist(row);
        });
        String level = "DISTRICT";
        UUID a = register(UUID.randomUUID(), "JDE-" + suffix(), level, List.of(unique("admin")), null);
        UUID b = register(UUID.randomUUID(), "JDE-" + suffix(), level, List.of(unique("admin")), null);
        UUID c = register(UUID.randomUUID(), "JDE-" + suffix(), level, List.of(unique("admin")), null);
        Instant now = Instant.now();
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), a, cycle, 1, now, Map.of("posts", 130L,
                "ownPosts", 65L, "cncsPosts", 10L, "impressions", 10_000L, "mentions", 400L, "multimediaPosts", 65L,
                "followersAtStart", 4_000L, "followersAtEnd", 4_400L), List.of()));
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), b, cycle, 1, now, Map.of("posts", 26L,
                "ownPosts", 26L, "impressions", 10_000L, "mentions", 100L, "multimediaPosts", 0L,
                "followersAtStart", 1_000L, "followersAtEnd", 1_050L), List.of()));
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), c, cycle, 1, now, Map.of("posts", 52L,
                "ownPosts", 13L, "impressions", 10_000L, "mentions", 200L, "multimediaPosts", 13L,
                "followersAtStart", 2_000L, "followersAtEnd", 2_000L), List.of()));
        String caseA = (String) awaitCase(a, found -> { }).get("id");
        String caseB = (String) awaitCase(b, found -> { }).get("id");
        String caseC = (String) awaitCase(c, found -> { }).get("id");

        given().auth().oauth2(cncs()).get("/api/evaluations/" + caseA + "/score").then().statusCode(200)
                .body("provisional", org.hamcrest.Matchers.equalTo(true))
                .body("overall", org.hamcrest.Matchers.equalTo(94))
                .body("rating", org.hamcrest.Matchers.equalTo("PERTINENT"))
                .body("formulaVersion", org.hamcrest.Matchers.equalTo("2026.1"))
                .body("subScores", org.hamcrest.Matchers.equalTo(Map.of("performance", 100, "frequency", 100,
                        "originalContent", 75, "newFollowers", 100)))
                .body("explanation.peers.accountIds", org.hamcrest.Matchers.containsInAnyOrder(a.toString(), b.toString(),
                        c.toString()));
        given().auth().oauth2(cncs()).get("/api/evaluations/" + caseB + "/score").then().statusCode(200)
                .body("overall", org.hamcrest.Matchers.equalTo(30))
                .body("rating", org.hamcrest.Matchers.equalTo("NOT_PERTINENT"))
                .body("subScores", org.hamcrest.Matchers.equalTo(Map.of("performance", 0, "frequency", 20,
                        "originalContent", 50, "newFollowers", 50)));
        given().auth().oauth2(cncs()).get("/api/evaluations/" + caseC + "/score").then().statusCode(200)
                .body("overall", org.hamcrest.Matchers.equalTo(32))
                .body("subScores", org.hamcrest.Matchers.equalTo(Map.of("performance", 50, "frequency", 40,
                        "originalContent", 38, "newFollowers", 0)))
                .body("explanationText[0]", org.hamcrest.Matchers.equalTo("Fórmula 2026.1"));

        // CNCS completes A: the score is recorded as it was, announced once, and the case no longer rescored.
        given().auth().oauth2(person(unique("admin"), Roles.ACCOUNT_ADMIN)).post("/api/evaluations/" + caseA + "/completion")
                .then().statusCode(403);
        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseA + "/completion").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED"))
                .body("late", org.hamcrest.Matchers.equalTo(false))
                .body("score.provisional", org.hamcrest.Matchers.equalTo(false))
                .body("score.overall", org.hamcrest.Matchers.equalTo(94));
        given().auth().oauth2(cncs()).post("/api/evaluations/" + caseA + "/completion").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.startsWith("La evaluación ya fue concluida el "));
        given().auth().oauth2(cncs()).get("/api/evaluations/" + caseA + "/score").then().statusCode(200)
                .body("provisional", org.hamcrest.Matchers.equalTo(false))
                .body("overall", org.hamcrest.Matchers.equalTo(94));
        await().atMost(Duration.ofSeconds(15)).until(() -> KafkaTestClient.eventsFor(Topics.EVALUATION, a.toString()).stream()
                .anyMatch(event -> event.payload() instanceof mx.ine.redes.events.EvaluationCompleted));
        List<mx.ine.redes.events.EvaluationCompleted> completions = KafkaTestClient.eventsFor(Topics.EVALUATION, a.toString())
                .stream().map(EventEnvelope::payload).filter(mx.ine.redes.events.EvaluationCompleted.class::isInstance)
                .map(mx.ine.redes.events.EvaluationCompleted.class::cast).toList();
        assertThat(completions).singleElement().satisfies(completed -> {
            assertThat(completed.evaluationId()).hasToString(caseA);
            assertThat(completed.cycleId()).isEqualTo(cycle);
            assertThat(completed.overallScore()).isEqualTo(94);
            assertThat(completed.rating()).isEqualTo("PERTINENT");
            assertThat(completed.subScores()).isEqualTo(Map.of("performance", 100, "frequency", 100, "originalContent", 75,
                    "newFollowers", 100));
            assertThat(completed.formulaVersion()).isEqualTo("2026.1");
            assertThat(completed.late()).isFalse();
        });
        assertThat(pendingTerm(UUID.fromString(caseA))).isEmpty();

        UUID adHoc = register(UUID.randomUUID(), "JDE-" + suffix(), level, List.of(unique("admin")), null);
        KafkaTestClient.publish(received(UUID.randomUUID(), UUID.randomUUID(), adHoc, null, 1, now, Map.of("posts", 3L), List.of()));
        String adHocCase = (String) awaitCase(adHoc, found -> { }).get("id");
        given().auth().oauth2(cncs()).get("/api/evaluations/" + adHocCase + "/score").then().statusCode(422)
                .contentType("application/problem+json");
    }

    private static SubmissionReceived received(UUID submission, UUID request, UUID account, String cycle, int version,
                                               Instant receivedAt, Map<String, Long> figures,
                                               List<SubmissionReceived.SubmissionWarning> warnings) {
        return new SubmissionReceived(submission, request, account, cycle, "CYCLE", "X", version, receivedAt, null, false,
                figures, null, List.of(), LocalDate.of(2027, 2, 26), warnings, null, 0, List.of(),
                new SubmissionReceived.EnteredBy("admin@ine.mx", false, null, null));
    }

    private static Map<String, Object> awaitCase(UUID account, java.util.function.Consumer<Map<String, Object>> condition) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<Map<String, Object>> found = cases(account);
            assertThat(found).hasSize(1);
            condition.accept(found.get(0));
        });
        return evaluation(UUID.fromString((String) cases(account).get(0).get("id")));
    }

    private static List<Map<String, Object>> cases(UUID account) {
        return given().auth().oauth2(cncs()).get("/api/evaluations?account=" + account).then().statusCode(200)
                .extract().path("items");
    }

    private static Map<String, Object> evaluation(UUID id) {
        return given().auth().oauth2(cncs()).get("/api/evaluations/" + id).then().statusCode(200).extract().path("$");
    }

    private static Map<String, Object> backlog(String cycle, String more) {
        return given().auth().oauth2(cncs()).get("/api/evaluations/backlog?cycle=" + cycle + more).then().statusCode(200)
                .extract().path("$");
    }

    private Optional<Instant> pendingTerm(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> engine.pendingDueAt("EVALUATION_TERM", caseId));
    }

    private static UUID register(UUID id, String area, String level, List<String> admins, String head) {
        AccountSnapshot snapshot = new AccountSnapshot(id, "X", "h" + id.toString().substring(0, 8), "https://x.com/h", "Cuenta",
                "INSTITUTIONAL", "ACTIVE", area, "Junta de prueba", level, 7, 3, head == null ? null : "Titular", head, admins,
                LocalDate.of(2026, 1, 5), null, List.of());
        KafkaTestClient.publish(new AccountRegistered(snapshot));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(cncs()).get("/api/registry/accounts/" + id).then().statusCode(200));
        return id;
    }

    private static Instant mexico(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MEXICO).toInstant();
    }

    private void moveTo(Instant target) {
        Duration ahead = Duration.between(clock.instant(), target);
        assertThat(ahead.isNegative()).as("the clock only moves forward, to " + target).isFalse();
        clock.advance(ahead);
    }

    private static String uniqueCycle() {
        return "T-" + suffix().toUpperCase(java.util.Locale.ROOT);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8) + "@ine.mx";
    }

    private static String person(String email, String role) {
        return TestTokens.forPerson(email, Set.of(role), Map.of());
    }

    private static String cncs() {
        return TestTokens.forRole(Roles.CNCS);
    }
}
