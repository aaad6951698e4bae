package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The review as the Institute lives it (issue 12's end-to-end test): the four services as real
 * processes over the real broker, the shared simulation clock moved from act to act, never slept
 * past a deadline. Cycle 2027-S2, with the Institute's winter vacation (20 December 2027 to 7
 * January 2028) declared, so its window closes on Friday 21 January 2028.
 * <ul>
 * <li>@INEChiapas (X, JLE-CHIS) and a newly registered X account of the same board submit on
 * Friday 21 January 2028 at 10:00 with fewer impressions than posts: a warning each.</li>
 * <li>On Thursday 3 February 2028 at 10:00 CNCS issues an observation on each. Two business days
 * from that notice: Friday 4 (1st); Saturday 5, Sunday 6, Monday 7 (first Monday of February,
 * Constitution Day) skipped; Tuesday 8 February 2028 18:00 (2nd).</li>
 * <li>The new account never corrects: after the deadline (and the 10 minutes' grace) the
 * observation is escalated; the head's notice leaves at the next opening, Wednesday 9 February
 * 09:00, and the head has two business days from it: Friday 11 February 2028 18:00. Still not
 * attended: a non-compliance item for the Committee, which records its resolution on it.</li>
 * <li>@INEChiapas corrects on Friday 4 February, in time: CNCS resolves the observation, adds a
 * recommendation and completes the evaluation (CNCS's own term, 10 business days from the receipt
 * of 21 January, ends Friday 4 February 2028 18:00), with its score.</li>
 * </ul>
 * Every event of these subjects is on its topic once, and every deadline an e-mail states is the
 * one the explanation endpoint gives. Times are Mexico City's (UTC−6 all year since 2022).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewChainSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CYCLE = "2027-S2";
    private static final String ADMINISTRATOR = "redes.jle.chis@ine.mx";
    private static final String HEAD = "titular.jle.chis@ine.mx";
    private static final String LIAISON = "enlace.redes.jle.chis@ine.mx";

    // The acts and the deadlines, written out from the rules (Mexico City = UTC−6).
    private static final Instant CYCLE_OPENED = Instant.parse("2027-12-15T16:00:00Z");      // Wed 15 Dec 2027 10:00
    private static final Instant WINDOW_CLOSES = Instant.parse("2028-01-22T00:00:00Z");     // Fri 21 Jan 2028 18:00
    private static final Instant SUBMITTED = Instant.parse("2028-01-21T16:00:00Z");         // Fri 21 Jan 2028 10:00
    private static final Instant CNCS_TERM_ENDS = Instant.parse("2028-02-05T00:00:00Z");    // Fri 4 Feb 2028 18:00
    private static final Instant OBSERVED = Instant.parse("2028-02-03T16:00:00Z");          // Thu 3 Feb 2028 10:00
    private static final Instant OBSERVATION_DUE = Instant.parse("2028-02-09T00:00:00Z");   // Tue 8 Feb 2028 18:00
    private static final Instant CORRECTED = Instant.parse("2028-02-04T16:00:00Z");         // Fri 4 Feb 2028 10:00
    private static final Instant AFTER_GRACE = Instant.parse("2028-02-09T00:11:00Z");       // Tue 8 Feb 2028 18:11
    private static final Instant NEXT_OPENING = Instant.parse("2028-02-09T15:00:30Z");      // Wed 9 Feb 2028 09:00:30
    private static final Instant HEAD_TERM_ENDS = Instant.parse("2028-02-12T00:00:00Z");    // Fri 11 Feb 2028 18:00
    private static final Instant AFTER_HEAD_TERM = Instant.parse("2028-02-12T00:11:00Z");   // Fri 11 Feb 2028 18:11
    private static final Instant COMMITTEE_SESSION = Instant.parse("2028-02-14T17:00:00Z"); // Mon 14 Feb 2028 11:00

    private final ApiClient api = new ApiClient();
    private LocalStack stack;
    private String cncs;
    private String administrator;
    private String head;
    private String committee;

    private String newAccountId;
    private String chiapasAccountId;
    private final Map<String, String> submissionByAccount = new HashMap<>();
    private final Map<String, String> evaluationByAccount = new HashMap<>();
    private final Map<String, String> observationByAccount = new HashMap<>();

    @BeforeAll
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void startTheStack() throws IOException {
        stack = SystemTestStacks.start("review-chain-system-test").stack();
        cncs = stack.tokens().forRole("cncs");
        administrator = stack.tokens().forRole("account-admin");
        head = stack.tokens().forRole("area-head");
        committee = stack.tokens().forRole("committee");
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldRegisterAnAccountAndOpenTheCycleWithTheVacationDeclared() {
        advanceTo(CYCLE_OPENED);
        ApiClient.Response account = api.postJson(service("accounts-service", "/api/accounts"), cncs, Map.of(
                "network", "X", "handle", "@INEChiapasVota", "displayName", "INE Chiapas Vota",
                "kind", "PROGRAMME", "areaCode", "JLE-CHIS"));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        newAccountId = account.json().path("id").asText();
        ApiClient.Response assigned = api.postJson(service("accounts-service", "/api/accounts/" + newAccountId + "/administrators"),
                cncs, Map.of("email", ADMINISTRATOR));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        chiapasAccountId = api.get(service("accounts-service", "/api/accounts?network=X&area=JLE-CHIS&q=INEChiapas&size=10"), cncs)
                .json().path("items").findValues("id").stream().map(JsonNode::asText)
                .filter(id -> !id.equals(newAccountId)).findFirst().orElseThrow();
        // Art. 9: the board names its person in charge of the topic, copied on the notices to its administrators.
        ApiClient.Response liaison = api.patchJson(service("accounts-service", "/api/areas/JLE-CHIS"), cncs, Map.of(
                "liaisonName", "Enlace de redes sociales de la JLE en Chiapas", "liaisonEmail", LIAISON));
        assertThat(liaison.status()).as(liaison.toString()).isEqualTo(200);
        awaitJson(service("evaluation-service", "/api/registry/accounts/" + newAccountId), cncs,
                json -> json.path("administratorEmails").toString().contains(ADMINISTRATOR)
                        && LIAISON.equals(json.path("liaisonEmail").asText()));

        // The Institute's winter vacation, as its annual agreement declares it (working days only).
        for (LocalDate day = LocalDate.of(2027, 12, 20); !day.isAfter(LocalDate.of(2028, 1, 7)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() >= 6 || day.equals(LocalDate.of(2027, 12, 25))) {
                continue;
            }
            ApiClient.Response declared = api.postJson(service("evaluation-service", "/api/calendar/non-working-days"), cncs,
                    Map.of("day", day.toString(), "description", "Periodo vacacional de invierno",
                            "sourceReference", "Acuerdo INE/JGE/2027 (DOF)"));
            assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        }

        ApiClient.Response cycle = api.postJson(service("evaluation-service", "/api/cycles"), cncs, Map.of("id", CYCLE));
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(201);

        // The notice leaves at once (business time); the term runs from it and ends with the window.
        for (String accountId : List.of(newAccountId, chiapasAccountId)) {
            JsonNode request = awaitJson(service("evaluation-service", "/api/requests?cycle=" + CYCLE + "&account=" + accountId), cncs,
                    json -> !json.path("items").path(0).path("noticeSentAt").isMissingNode()
                            && !json.path("items").path(0).path("noticeSentAt").isNull()).path("items").path(0);
            assertThat(Instant.parse(request.path("dueAt").asText())).as("request of %s", accountId).isEqualTo(WINDOW_CLOSES);
        }
        assertThat(mailsTo(ADMINISTRATOR, "Requerimiento")).isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.body()).contains("viernes 21 de enero de 2028 a las 18:00"));
    }

    @Test
    @Order(2)
    void shouldWarnOfImpressionsBelowPostsAndOpenBothEvaluations() {
        advanceTo(SUBMITTED);
        for (String accountId : List.of(newAccountId, chiapasAccountId)) {
            JsonNode request = awaitJson(service("submissions-service", "/api/requests?cycle=" + CYCLE + "&network=X&account=" + accountId),
                    administrator, json -> json.path("items").path(0).path("windowOpen").asBoolean()).path("items").path(0);
            ApiClient.Response submitted = api.postJson(service("submissions-service", "/api/submissions"), administrator, Map.of(
                    "requestId", request.path("requestId").asText(),
                    "figures", xFigures(1200)));
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
            assertThat(submitted.json().path("versions").path(0).path("warnings").findValuesAsText("code"))
                    .containsExactly("IMPRESSIONS_BELOW_POSTS");
            submissionByAccount.put(accountId, submitted.json().path("id").asText());

            JsonNode evaluation = awaitJson(service("evaluation-service", "/api/evaluations?cycle=" + CYCLE + "&account=" + accountId),
                    cncs, json -> json.path("total").asInt() == 1).path("items").path(0);
            evaluationByAccount.put(accountId, evaluation.path("id").asText());
            assertThat(Instant.parse(evaluation.path("dueAt").asText())).isEqualTo(CNCS_TERM_ENDS);
            assertThat(evaluation.path("suggestedObservations").findValuesAsText("code")).contains("IMPRESSIONS_BELOW_POSTS");
        }
    }

    @Test
    @Order(3)
    void shouldIssueAnObservationDueTwoBusinessDaysAfterItsNoticeOverAWeekendAndAHoliday() {
        advanceTo(OBSERVED);
        for (String accountId : List.of(newAccountId, chiapasAccountId)) {
            ApiClient.Response issued = api.postJson(service("evaluation-service", "/api/observations"), cncs, Map.of(
                    "evaluationId", evaluationByAccount.get(accountId),
                    "text", "Las impresiones reportadas son menores que los mensajes publicados; verifique la cifra.",
                    "fields", List.of("impressions", "posts"),
                    "suggestion", "IMPRESSIONS_BELOW_POSTS"));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            observationByAccount.put(accountId, issued.json().path("id").asText());
        }
        for (String accountId : List.of(newAccountId, chiapasAccountId)) {
            JsonNode observation = awaitJson(service("evaluation-service", "/api/observations/" + observationByAccount.get(accountId)),
                    cncs, json -> json.hasNonNull("noticeSentAt"));
            assertThat(Instant.parse(observation.path("dueAt").asText())).isEqualTo(OBSERVATION_DUE);
            String days = observation.path("term").toString();
            assertThat(days).contains("sábado", "domingo", "primer lunes de febrero");
            assertThat(Instant.parse(observation.path("term").path("dueAt").asText())).isEqualTo(OBSERVATION_DUE);
        }
        List<Mail> notices = awaitMails(ADMINISTRATOR, "Observación a la información estadística", 2);
        assertThat(notices).allSatisfy(mail -> {
            assertThat(mail.body()).contains("martes 8 de febrero de 2028 a las 18:00", "Las impresiones reportadas son menores",
                    "1,200", "2,345");
            assertThat(mail.to()).containsExactly(ADMINISTRATOR);
            assertThat(mail.cc()).containsExactly(LIAISON);
        });
    }

    @Test
    @Order(4)
    void shouldResolveTheObservationCorrectedInTimeAndCompleteTheEvaluationWithItsScoreAndRecommendation() {
        advanceTo(CORRECTED);
        String observationId = observationByAccount.get(chiapasAccountId);
        ApiClient.Response corrected = api.postJson(service("submissions-service",
                        "/api/submissions/" + submissionByAccount.get(chiapasAccountId) + "/versions"), administrator,
                Map.of("basedOnVersion", 1, "answersObservationId", observationId, "figures", xFigures(4_812_330)));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        awaitJson(service("evaluation-service", "/api/observations/" + observationId), cncs,
                json -> "ANSWERED".equals(json.path("status").asText()));

        ApiClient.Response resolved = api.postJson(service("evaluation-service", "/api/observations/" + observationId + "/resolution"),
                cncs, Map.of("note", "La corrección de la versión 2 atiende la observación."));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("status").asText()).isEqualTo("RESOLVED");

        String evaluationId = evaluationByAccount.get(chiapasAccountId);
        ApiClient.Response recommended = api.postJson(service("evaluation-service", "/api/evaluations/" + evaluationId + "/recommendations"),
                cncs, Map.of("category", "ROUTE_THROUGH_INEMEXICO",
                        "text", "Replique primero desde @INEMexico los mensajes institucionales de alcance nacional."));
        assertThat(recommended.status()).as(recommended.toString()).isEqualTo(201);

        ApiClient.Response completed = api.postJson(service("evaluation-service", "/api/evaluations/" + evaluationId + "/completion"),
                cncs, Map.of());
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().path("late").asBoolean()).as("completed before CNCS's term ended").isFalse();
        JsonNode score = completed.json().path("score");
        assertThat(score.path("provisional").asBoolean()).isFalse();
        assertThat(score.path("overall").asInt()).isBetween(0, 100);
        assertThat(score.path("rating").asText()).isIn("PERTINENT", "PERTINENT_WITH_RECOMMENDATIONS", "NOT_PERTINENT");

        // The other evaluation cannot complete: its observation is still open.
        ApiClient.Response refused = api.postJson(service("evaluation-service", "/api/evaluations/"
                + evaluationByAccount.get(newAccountId) + "/completion"), cncs, Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body()).contains(observationByAccount.get(newAccountId));

        List<Mail> results = awaitMails(ADMINISTRATOR, "Resultado de la evaluación", 1);
        assertThat(results.getFirst().body()).contains(CYCLE, "@inechiapas (X)",
                "Calificación global: " + score.path("overall").asInt() + " de 100",
                "Replique primero desde @INEMexico los mensajes institucionales de alcance nacional.");
        assertThat(results.getFirst().cc()).containsExactly(LIAISON);
    }

    @Test
    @Order(5)
    void shouldEscalateTheUnattendedObservationToTheHeadWithATermFromTheHeadsNotice() {
        advanceTo(AFTER_GRACE);
        String observationId = observationByAccount.get(newAccountId);
        awaitJson(service("evaluation-service", "/api/observations/" + observationId), cncs,
                json -> "ESCALATED".equals(json.path("status").asText()));
        // After hours: the notices wait for the next opening, and the head's term runs from the head's.
        advanceTo(NEXT_OPENING);
        assertThat(awaitMails(ADMINISTRATOR, "Observación no atendida: cuenta @inechiapasvota (X)", 1).getFirst().body())
                .contains("venció el martes 8 de febrero de 2028 a las 18:00");
        JsonNode escalated = awaitJson(service("evaluation-service", "/api/observations/" + observationId), cncs,
                json -> json.hasNonNull("headNoticeSentAt"));
        assertThat(Instant.parse(escalated.path("attendBy").asText())).isEqualTo(HEAD_TERM_ENDS);
        List<Mail> toHead = awaitMails(HEAD, "Observación no atendida en su área: cuenta @inechiapasvota (X)", 1);
        assertThat(toHead.getFirst().cc()).as("the head's notice copies nobody").isEmpty();
        assertThat(toHead.getFirst().body()).contains("instruya la atención inmediata", "viernes 11 de febrero de 2028 a las 18:00",
                "martes 8 de febrero de 2028 a las 18:00");
        // The head sees it in their area.
        assertThat(api.get(service("evaluation-service", "/api/observations/" + observationId), head).status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void shouldReportItToTheCommitteeAndRecordTheCommitteesResolution() {
        advanceTo(AFTER_HEAD_TERM);
        String observationId = observationByAccount.get(newAccountId);
        awaitJson(service("evaluation-service", "/api/observations/" + observationId), cncs,
                json -> "REPORTED".equals(json.path("status").asText()));
        JsonNode items = awaitJson(service("evaluation-service", "/api/committee/items?cycle=" + CYCLE), committee,
                json -> json.path("items").toString().contains(observationId));
        assertThat(items.path("items").toString()).contains(newAccountId);

        advanceTo(COMMITTEE_SESSION);
        ApiClient.Response resolution = api.postJson(service("evaluation-service", "/api/committee/resolutions"), committee, Map.of(
                "cycleId", CYCLE, "subjectKind", "NON_COMPLIANCE_ITEM", "subjectId", observationId,
                "resolution", "INSTRUCTED",
                "text", "Se instruye a la Junta Local Ejecutiva en Chiapas corregir la cifra de impresiones en 5 días hábiles.",
                "resolvedOn", "2028-02-14"));
        assertThat(resolution.status()).as(resolution.toString()).isEqualTo(201);
        assertThat(resolution.json().path("resolution").asText()).isEqualTo("INSTRUCTED");
    }

    @Test
    @Order(7)
    void shouldPublishEveryEventOfTheChainOnceOnItsTopic() {
        String escalatedObservation = observationByAccount.get(newAccountId);
        String resolvedObservation = observationByAccount.get(chiapasAccountId);
        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        List<String> eventIds = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readTopic("ine.evaluation.events")) {
            JsonNode event = parse(record.value());
            eventIds.add(event.path("eventId").asText());
            byType.computeIfAbsent(event.path("type").asText(), type -> new ArrayList<>()).add(event.path("payload"));
        }
        assertThat(eventIds).doesNotHaveDuplicates();
        assertThat(count(byType, "ObservationIssued", "observationId", escalatedObservation)).isEqualTo(1);
        assertThat(count(byType, "ObservationIssued", "observationId", resolvedObservation)).isEqualTo(1);
        assertThat(count(byType, "ObservationResolved", "observationId", resolvedObservation)).isEqualTo(1);
        assertThat(count(byType, "ObservationResolved", "observationId", escalatedObservation)).isZero();
        assertThat(count(byType, "EscalatedToAreaHead", "subjectId", escalatedObservation)).isEqualTo(1);
        assertThat(count(byType, "ReportedToCommittee", "subjectId", escalatedObservation)).isEqualTo(1);
        assertThat(count(byType, "EscalatedToAreaHead", "subjectId", resolvedObservation)).isZero();
        assertThat(count(byType, "CommitteeResolutionRecorded", "subjectId", escalatedObservation)).isEqualTo(1);
        assertThat(count(byType, "EvaluationCompleted", "evaluationId", evaluationByAccount.get(chiapasAccountId))).isEqualTo(1);
        JsonNode escalation = byType.get("EscalatedToAreaHead").stream()
                .filter(e -> e.path("subjectId").asText().equals(escalatedObservation)).findFirst().orElseThrow();
        assertThat(escalation.path("subjectKind").asText()).isEqualTo("OBSERVATION");
        assertThat(escalation.path("headEmail").asText()).isEqualTo(HEAD);
        assertThat(Instant.parse(escalation.path("attendBy").asText())).isEqualTo(HEAD_TERM_ENDS);
        JsonNode completion = byType.get("EvaluationCompleted").stream()
                .filter(e -> e.path("evaluationId").asText().equals(evaluationByAccount.get(chiapasAccountId))).findFirst().orElseThrow();
        assertThat(completion.path("recommendations").findValuesAsText("category")).containsExactly("ROUTE_THROUGH_INEMEXICO");

        // Each version of @INEChiapas's submission once on the submissions topic.
        List<Integer> versions = readTopic("ine.submissions.events").stream().map(record -> parse(record.value()))
                .filter(event -> event.path("type").asText().equals("SubmissionReceived"))
                .map(event -> event.path("payload"))
                .filter(payload -> payload.path("submissionId").asText().equals(submissionByAccount.get(chiapasAccountId)))
                .map(payload -> payload.path("version").asInt()).toList();
        assertThat(versions).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    @Order(8)
    void shouldKeepEveryActOfTheChainInTheAuditTrail() {
        String observationId = observationByAccount.get(newAccountId);
        JsonNode acts = api.get(service("evaluation-service", "/api/audit?subject=" + observationId + "&size=100"), committee).json();
        assertThat(acts.path("items").findValuesAsText("action")).containsExactly("OBSERVATION_ISSUED", "OBSERVATION_NOTICE_SENT",
                "OBSERVATION_OVERDUE", "OBSERVATION_ESCALATED", "OBSERVATION_HEAD_NOTICE_SENT", "OBSERVATION_REPORTED");
        assertThat(acts.path("items").path(0).path("actor").asText()).isEqualTo("medios.alternativos@ine.mx");
        assertThat(acts.path("items").path(5).path("actor").asText()).isEqualTo("system");
        assertThat(Instant.parse(acts.path("items").path(1).path("deadline").asText())).isEqualTo(OBSERVATION_DUE);
        assertThat(Instant.parse(acts.path("items").path(5).path("deadline").asText())).isEqualTo(HEAD_TERM_ENDS);
    }

    // ---------------------------------------------------------------------------------------------

    private static Map<String, Object> xFigures(long impressions) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("posts", 2345);
        figures.put("ownPosts", 1900);
        figures.put("cncsPosts", 400);
        figures.put("impressions", impressions);
        figures.put("profileVisits", 61_204);
        figures.put("mentions", 9871);
        figures.put("followers", 245_112);
        figures.put("multimediaPosts", 327);
        return figures;
    }

    private URI service(String name, String pathAndQuery) {
        return stack.serviceUri(name).resolve(pathAndQuery);
    }

    /** Moves the clock of all four services to {@code target} (the simulation only moves forward). */
    private void advanceTo(Instant target) {
        Instant now = Instant.parse(api.get(service("evaluation-service", "/api/simulation/clock"), cncs).json().path("now").asText());
        assertThat(target).as("the simulated now is %s", now).isAfter(now);
        Duration left = Duration.between(now, target);
        while (!left.isZero()) {
            // The clock moves at most a year per call.
            Duration step = left.compareTo(Duration.ofDays(360)) > 0 ? Duration.ofDays(360) : left;
            for (String name : List.of("accounts-service", "submissions-service", "evaluation-service", "reporting-service")) {
                ApiClient.Response advanced = api.postJson(service(name, "/api/simulation/clock/advance"), cncs,
                        Map.of("duration", step.toString()));
                assertThat(advanced.status()).as(name + ": " + advanced).isEqualTo(200);
            }
            left = left.minus(step);
        }
    }

    private JsonNode awaitJson(URI uri, String token, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ApiClient.Response last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(uri, token);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            SystemTestStacks.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("Not within " + WAIT.toSeconds() + " s: " + uri + "; last answer " + last);
    }

    record Mail(String subject, List<String> to, List<String> cc, String body) {
    }

    private List<Mail> awaitMails(String recipient, String subjectPart, int atLeast) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Mail> found = List.of();
        while (System.nanoTime() < deadline) {
            found = mailsTo(recipient, subjectPart);
            if (found.size() >= atLeast) {
                return found;
            }
            SystemTestStacks.pause(Duration.ofMillis(250));
        }
        throw new AssertionError("Fewer than " + atLeast + " mails to " + recipient + " about «" + subjectPart + "»: " + found);
    }

    /** The mails in the mailbox addressed (To or Cc) to {@code recipient} whose subject contains {@code subjectPart}. */
    private List<Mail> mailsTo(String recipient, String subjectPart) {
        Path mailbox = stack.mailbox();
        if (!Files.isDirectory(mailbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted().map(ReviewChainSystemTest::read)
                    .filter(mail -> mail.subject().contains(subjectPart))
                    .filter(mail -> mail.to().contains(recipient) || mail.cc().contains(recipient))
                    .distinct().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            return new Mail(message.getSubject(), addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getRecipients(Message.RecipientType.CC)), String.valueOf(message.getContent()));
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Unreadable mail " + file, e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                .toList();
    }

    private List<ConsumerRecord<String, String>> readTopic(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "review-chain-system-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            // Read until the topic has been quiet for 3 s: the last events of the chain are in flight from the outbox.
            while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (!batch.isEmpty()) {
                    batch.forEach(records::add);
                    quietSince = System.nanoTime();
                }
            }
        }
        return records;
    }

    private static long count(Map<String, List<JsonNode>> byType, String type, String field, String value) {
        return byType.getOrDefault(type, List.of()).stream().filter(payload -> payload.path(field).asText().equals(value)).count();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
