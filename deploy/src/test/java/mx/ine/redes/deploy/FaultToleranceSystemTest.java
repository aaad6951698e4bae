package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14's process-level faults, on one local stack (embedded PostgreSQL and Kafka in this JVM,
 * the four services as processes), only on loopback, each case bounded in time. Run with
 * {@code bash deploy/faults.sh} ({@code mvn -B -ntp verify -Pfaults -pl deploy -am}).
 *
 * <p>Cycle 2026-S2 is opened on Tuesday 15 December 2026 at 10:00 (Mexico City, UTC−6) for the 14
 * demo accounts and 40 X accounts of the JLE in Chiapas registered here. No Institute vacation is
 * declared, so the window closes on the 10th business day of January 2027: 1 January (a Friday) is a
 * statutory rest day, so Monday 4 (1st) … Friday 15 January 2027 (10th) at 18:00. Twenty of the 40
 * submit on Monday 11 January 2027 at 10:00 and then correct their figures again and again: that is
 * the steady intake the faults meet. The other 20 and the demo accounts never submit.
 * <ol>
 * <li>evaluation-service killed (SIGKILL) while it consumes a backlog of submissions;</li>
 * <li>the broker stopped for 60 s under intake;</li>
 * <li>PostgreSQL stopped under intake and reads;</li>
 * <li>a second instance of each of the four services joining under intake;</li>
 * <li>evaluation-service killed in the middle of the deadline sweep of Friday 15 January 2027
 * 18:10 (deadline + the 10 minutes' grace).</li>
 * </ol>
 * After each: nothing lost, nothing doubled, in the submissions' own tables and outbox and in the
 * read models of evaluation-service and reporting-service.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CYCLE = "2026-S2";
    private static final String ADMINISTRATOR = "redes.jle.chis@ine.mx";
    private static final int OWN_ACCOUNTS = 40;
    private static final int ON_TIME = 20;
    private static final List<String> SERVICES = List.of("accounts-service", "submissions-service", "evaluation-service",
            "reporting-service");

    // The acts and the deadline, written out from the rules (Mexico City = UTC−6).
    private static final Instant CYCLE_OPENED = Instant.parse("2026-12-15T16:00:00Z");   // Tue 15 Dec 2026 10:00
    private static final Instant WINDOW_CLOSES = Instant.parse("2027-01-16T00:00:00Z");  // Fri 15 Jan 2027 18:00
    private static final Instant SUBMITTING = Instant.parse("2027-01-11T16:00:00Z");     // Mon 11 Jan 2027 10:00
    private static final Instant AFTER_GRACE = Instant.parse("2027-01-16T00:11:00Z");    // Fri 15 Jan 2027 18:11
    private static final Instant NEXT_OPENING = Instant.parse("2027-01-18T15:00:30Z");   // Mon 18 Jan 2027 09:00:30

    private static final Duration BROKER_OUTAGE = Duration.ofSeconds(60);
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final ApiClient api = new ApiClient();
    private LocalStack stack;
    private String cncs;
    private String administrator;
    private final List<String> ownAccounts = new ArrayList<>();
    private final Map<String, String> requestByAccount = new LinkedHashMap<>();
    private final List<String> onTimeSubmissions = new ArrayList<>();
    private final Ledger ledger = new Ledger();
    private final long classStarted = System.nanoTime();

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void startTheStackAndOpenTheCycle() throws IOException {
        // One timer per transaction: a sweep of the cycle's deadlines is many commits, so a kill lands inside it.
        stack = SystemTestStacks.start("fault-tolerance-system-test",
                Map.of("evaluation-service", Map.of("TIMERS_BATCH_SIZE", "1"))).stack();
        cncs = stack.tokens().forRole("cncs");
        administrator = stack.tokens().forRole("account-admin");

        advanceTo(CYCLE_OPENED);
        for (int i = 1; i <= OWN_ACCOUNTS; i++) {
            ApiClient.Response account = api.postJson(service("accounts-service", "/api/accounts"), cncs, Map.of(
                    "network", "X", "handle", "@PruebaFallas%02d".formatted(i), "displayName", "Prueba de fallas " + i,
                    "kind", "PROGRAMME", "areaCode", "JLE-CHIS", "administratorEmails", List.of(ADMINISTRATOR)));
            assertThat(account.status()).as(account.toString()).isEqualTo(201);
            ownAccounts.add(account.json().path("id").asText());
        }
        int demoAccounts = DemoData.ACCOUNTS.size();
        await("the 40 accounts in evaluation's and submissions' registry", () ->
                count("evaluation", "select count(*) from reviewed_account where account_id::text = any (?)", ownAccounts) == OWN_ACCOUNTS
                        && count("submissions", "select count(*) from submitting_account where account_id::text = any (?)",
                        ownAccounts) == OWN_ACCOUNTS);

        ApiClient.Response cycle = api.postJson(service("evaluation-service", "/api/cycles"), cncs, Map.of("id", CYCLE));
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(201);
        int requests = OWN_ACCOUNTS + demoAccounts;
        await(requests + " requests whose notice left", () -> count("evaluation",
                "select count(*) from submission_request where cycle_id = ? and notice_sent_at is not null", CYCLE) == requests);
        assertThat(rows("evaluation", "select distinct due_at from submission_request where cycle_id = ?", CYCLE))
                .extracting(row -> ((java.sql.Timestamp) row[0]).toInstant()).containsExactly(WINDOW_CLOSES);

        advanceTo(SUBMITTING);
        await("the cycle's requests in submissions-service", () -> count("submissions",
                "select count(*) from statistics_request where cycle_id = ? and account_id::text = any (?)", CYCLE, ownAccounts)
                == OWN_ACCOUNTS);
        for (Object[] row : rows("submissions", "select account_id::text, request_id::text from statistics_request where cycle_id = ?",
                CYCLE)) {
            requestByAccount.put((String) row[0], (String) row[1]);
        }
        System.out.printf("[faults] stack up and cycle %s open with %d requests after %d s%n", CYCLE, requests, elapsedSeconds());
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        System.out.printf("[faults] the whole class took %d s%n", elapsedSeconds());
    }

    // ---------------------------------------------------------------------------------------------
    // 1. kill -9 in the middle of a consumer batch
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldApplyEverySubmissionOnceWhenEvaluationServiceIsKilledInTheMiddleOfAConsumerBatch() throws Exception {
        long started = System.nanoTime();
        stack.kill("evaluation-service");
        try {
            for (String accountId : ownAccounts.subList(0, ON_TIME)) {
                ApiClient.Response submitted = api.postJson(service("submissions-service", "/api/submissions"), administrator,
                        Map.of("requestId", requestByAccount.get(accountId), "figures", figures(1)));
                assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
                assertThat(submitted.json().path("late").asBoolean()).as("submitted before the deadline").isFalse();
                String submissionId = submitted.json().path("id").asText();
                onTimeSubmissions.add(submissionId);
                ledger.confirm(submissionId, 1);
            }
            String landed = null;
            for (int attempt = 1; attempt <= 3 && landed == null; attempt++) {
                if (attempt > 1) {
                    stack.kill("evaluation-service");
                }
                // A backlog on the topic while evaluation-service is down: five corrections of each.
                for (int round = 0; round < 5; round++) {
                    for (String submissionId : onTimeSubmissions) {
                        Attempt correction = correct(stack.serviceUri("submissions-service"), submissionId);
                        assertThat(correction.status()).as(correction.toString()).isEqualTo(201);
                    }
                }
                int expected = ledger.confirmedCount();
                try (Connection evaluation = connect("evaluation")) {
                    long before = count(evaluation, "select count(*) from evaluation_case_receipt");
                    ServiceProcess restarted = stack.relaunch("evaluation-service");
                    long applied = pollUntil(() -> count(evaluation, "select count(*) from evaluation_case_receipt"),
                            n -> n > before, Duration.ofSeconds(150));
                    if (applied > before && applied < expected) {
                        stack.kill("evaluation-service");
                        landed = "attempt %d: killed with %d of %d versions applied".formatted(attempt, applied, expected);
                    } else {
                        System.out.printf("[faults] attempt %d: the backlog (%d versions, %d applied before) was consumed "
                                + "before the kill (%d seen)%n", attempt, expected, before, applied);
                        stack.awaitReady(restarted);
                    }
                }
            }
            assertThat(landed).as("a SIGKILL that lands while the consumer is half-way through its backlog").isNotNull();
            System.out.println("[faults] " + landed);
        } finally {
            if (stack.instance("evaluation-service").isEmpty()) {
                stack.restart("evaluation-service");
            }
        }
        assertNothingLostNothingDoubled("evaluation-service killed in the middle of a consumer batch");
        System.out.printf("[faults] case 1 (kill -9 mid-batch) took %d s%n", secondsSince(started));
    }

    // ---------------------------------------------------------------------------------------------
    // 2. the broker stopped for 60 s during steady intake
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldAnswerEverySubmissionAndDeliverItOnceWhenTheBrokerIsStoppedForAMinute() throws Exception {
        long started = System.nanoTime();
        List<Attempt> answers;
        try (Intake intake = new Intake(4, Duration.ofMillis(200))) {
            SystemTestStacks.pause(Duration.ofSeconds(3));
            stack.stopBroker();
            long stopped = System.nanoTime();
            try {
                SystemTestStacks.pause(BROKER_OUTAGE);
            } finally {
                stack.restartBroker();
            }
            System.out.printf("[faults] broker stopped for %d s; %d corrections answered meanwhile%n", secondsSince(stopped),
                    intake.attempts().size());
            SystemTestStacks.pause(Duration.ofSeconds(5));
            answers = intake.stop();
        }
        List<Attempt> refused = answers.stream().filter(a -> a.status() != 201).toList();
        assertThat(refused).as("every correction during and around the outage answered 201; these were not: %s", refused).isEmpty();
        assertThat(answers).as("steady intake").hasSizeGreaterThan(100);
        await("the submissions outbox drained", () -> count("submissions",
                "select count(*) from outbox_message where published_at is null") == 0);
        assertNothingLostNothingDoubled("the broker stopped for " + BROKER_OUTAGE.toSeconds() + " s");
        System.out.printf("[faults] case 2 (broker outage) took %d s, %d corrections%n", secondsSince(started), answers.size());
    }

    // ---------------------------------------------------------------------------------------------
    // 3. PostgreSQL stopped under load
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldAnswerProblemsWith503WhilePostgresIsDownAndRecoverByThemselves() throws Exception {
        long started = System.nanoTime();
        List<Attempt> answers;
        List<Attempt> reads;
        long recoveredAfter;
        try (Intake intake = new Intake(4, Duration.ofMillis(200)); Reads probes = new Reads(Duration.ofMillis(300))) {
            SystemTestStacks.pause(Duration.ofSeconds(3));
            stack.stopDatabase();
            long stopped = System.nanoTime();
            try {
                SystemTestStacks.pause(DATABASE_OUTAGE);
            } finally {
                stack.restartDatabase();
            }
            long restarted = System.nanoTime();
            System.out.printf("[faults] PostgreSQL stopped for %d s%n", secondsSince(stopped));
            // By themselves: nothing is restarted; every service is ready again and serves reads and intake.
            await("every service ready and answering 200 again", () -> SERVICES.stream().allMatch(name ->
                    stack.instance(name).map(p -> api.statusOf(p.managementUri().resolve("/q/health/ready")) == 200).orElse(false)
                            && probe(name).status() == 200));
            long lastIntakeBefore = intake.attempts().size();
            await("intake answering 201 again", () -> intake.attempts().stream().skip(lastIntakeBefore)
                    .anyMatch(a -> a.status() == 201));
            recoveredAfter = secondsSince(restarted);
            SystemTestStacks.pause(Duration.ofSeconds(3));
            answers = intake.stop();
            reads = probes.stop();
        }
        List<Attempt> all = new ArrayList<>(answers);
        all.addAll(reads);
        List<Attempt> wrong = all.stream().filter(a -> !(a.status() == 200 || a.status() == 201 || is503Problem(a))).toList();
        assertThat(wrong).as("only 2xx or 503 problem+json (never a 500, never no answer); these were not: %s", wrong).isEmpty();
        assertThat(all.stream().filter(FaultToleranceSystemTest::is503Problem).count())
                .as("the outage was seen: 503 answers (%s)", breakdown(all)).isPositive();
        System.out.printf("[faults] during the database outage: %s; recovered %d s after PostgreSQL was back%n", breakdown(all),
                recoveredAfter);
        assertNothingLostNothingDoubled("PostgreSQL stopped for " + DATABASE_OUTAGE.toSeconds() + " s");
        System.out.printf("[faults] case 3 (database outage) took %d s%n", secondsSince(started));
    }

    // ---------------------------------------------------------------------------------------------
    // 4. a second instance of each service joins mid-stream
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(4)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldLoseAndDoubleNothingWhenASecondInstanceOfEachServiceJoinsMidStream() throws Exception {
        long started = System.nanoTime();
        List<ServiceProcess> newcomers = new ArrayList<>();
        List<Attempt> answers;
        List<String> registeredThroughTheSecond = new ArrayList<>();
        List<CompletableFuture<ServiceProcess>> joining = new ArrayList<>();
        try {
            try (Intake intake = new Intake(4, Duration.ofMillis(200))) {
                SystemTestStacks.pause(Duration.ofSeconds(3));
                long joiningSince = System.nanoTime();
                SERVICES.forEach(name -> joining.add(CompletableFuture.supplyAsync(() -> stack.startAnotherInstance(name))));
                for (CompletableFuture<ServiceProcess> instance : joining) {
                    newcomers.add(instance.get(3, TimeUnit.MINUTES));
                }
                System.out.printf("[faults] a second instance of each service ready %d s after launch%n", secondsSince(joiningSince));
                // Half the intake goes to the newcomer from now on.
                intake.targets(List.of(stack.serviceUri("submissions-service"), secondOf(newcomers, "submissions-service").uri()));
                URI secondAccounts = secondOf(newcomers, "accounts-service").uri();
                for (int i = 1; i <= 3; i++) {
                    ApiClient.Response account = api.postJson(secondAccounts.resolve("/api/accounts"), cncs, Map.of(
                            "network", "X", "handle", "@Segunda%02d".formatted(i), "displayName", "Segunda instancia " + i,
                            "kind", "PROGRAMME", "areaCode", "JLE-CHIS", "administratorEmails", List.of(ADMINISTRATOR)));
                    assertThat(account.status()).as(account.toString()).isEqualTo(201);
                    registeredThroughTheSecond.add(account.json().path("id").asText());
                }
                SystemTestStacks.pause(Duration.ofSeconds(15));
                answers = intake.stop();
            }
            List<Attempt> refused = answers.stream().filter(a -> a.status() != 201).toList();
            assertThat(refused).as("every correction answered 201 while instances joined; these were not: %s", refused).isEmpty();
            assertThat(answers.stream().filter(a -> a.target().getPort() != stack.serviceUri("submissions-service").getPort()).count())
                    .as("the second submissions-service took its share").isPositive();
            // Checked while both instances of each service still run.
            assertNothingLostNothingDoubled("a second instance of each service joined mid-stream");
            for (String database : List.of("evaluation", "submissions", "reporting")) {
                String table = switch (database) {
                    case "evaluation" -> "reviewed_account";
                    case "submissions" -> "submitting_account";
                    default -> "inventory_account";
                };
                assertThat(count(database, "select count(*) from " + table + " where account_id::text = any (?)", registeredThroughTheSecond))
                        .as("the accounts registered through the second accounts-service, once each, in %s", database).isEqualTo(3);
            }
        } finally {
            for (CompletableFuture<ServiceProcess> instance : joining) {
                try {
                    stack.stopInstance(instance.get(3, TimeUnit.MINUTES));
                } catch (Exception notStarted) {
                    System.out.println("[faults] a second instance did not start: " + notStarted);
                }
            }
        }
        System.out.printf("[faults] case 4 (second instances) took %d s, %d corrections%n", secondsSince(started), answers.size());
    }

    // ---------------------------------------------------------------------------------------------
    // 5. kill -9 in the middle of a deadline sweep
    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(5)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldEscalateEveryMissingRequestExactlyOnceWhenEvaluationServiceIsKilledInTheMiddleOfTheDeadlineSweep() throws Exception {
        long started = System.nanoTime();
        Set<String> submittedRequests = rows("submissions", "select request_id::text from submission").stream()
                .map(row -> (String) row[0]).collect(Collectors.toSet());
        Map<String, String> statusByRequest = new TreeMap<>();
        rows("evaluation", "select id::text, status from submission_request where cycle_id = ?", CYCLE)
                .forEach(row -> statusByRequest.put((String) row[0], (String) row[1]));
        List<String> missing = statusByRequest.keySet().stream().filter(id -> !submittedRequests.contains(id)).toList();
        assertThat(submittedRequests).hasSize(ON_TIME);
        assertThat(missing).hasSize(OWN_ACCOUNTS - ON_TIME + DemoData.ACCOUNTS.size());
        assertThat(submittedRequests.stream().map(statusByRequest::get)).as("on time, as evaluation-service recorded them")
                .containsOnly("SUBMITTED");

        String dueFired = "select count(*) from timer where kind = 'REQUEST_DUE' and status = 'FIRED' and subject_id::text = any (?)";
        String landed;
        try (Connection evaluation = connect("evaluation")) {
            long before = count(evaluation, dueFired, missing);
            assertThat(before).as("no deadline fired before the sweep").isZero();
            advanceTo(AFTER_GRACE);
            long fired = pollUntil(() -> count(evaluation, dueFired, missing), n -> n > 0, Duration.ofSeconds(60));
            assertThat(fired).as("the REQUEST_DUE timers fire after %s", AFTER_GRACE).isPositive();
            if (fired < missing.size()) {
                stack.kill("evaluation-service");
            }
            landed = "killed with %d of %d REQUEST_DUE timers fired".formatted(fired, missing.size());
            assertThat(fired).as("a SIGKILL in the middle of the sweep (%s)", landed).isLessThan(missing.size());
        } finally {
            if (stack.instance("evaluation-service").isEmpty()) {
                stack.restart("evaluation-service");
            }
        }
        System.out.println("[faults] " + landed);
        await("every missing request's deadline fired after the restart", () -> count("evaluation", dueFired, missing) == missing.size()
                && count("evaluation", "select count(*) from timer where kind = 'REQUEST_DUE' and status = 'PENDING'") == 0);

        // The head's notice leaves at the next opening; the escalation is published when it leaves.
        advanceTo(NEXT_OPENING);
        await("every missing request escalated to its head", () -> count("evaluation",
                "select count(*) from submission_request where cycle_id = ? and status = 'ESCALATED' and head_notice_sent_at is not null",
                CYCLE) == missing.size());

        Map<String, Long> overdueEvents = outboxCount("evaluation", "SubmissionOverdue", "requestId");
        Map<String, Long> escalationEvents = outboxCount("evaluation", "EscalatedToAreaHead", "subjectId");
        Map<String, Long> overdueNotices = grouped("evaluation",
                "select subject_id::text, count(*) from notification where kind = 'REQUEST_OVERDUE' group by subject_id");
        Map<String, Long> headNotices = grouped("evaluation",
                "select subject_id::text, count(*) from notification where kind = 'ESCALATED_TO_AREA_HEAD' group by subject_id");
        Map<String, Long> overdueActs = grouped("evaluation",
                "select subject_id, count(*) from audited_act where action = 'REQUEST_OVERDUE' group by subject_id");
        Map<String, Long> escalationActs = grouped("evaluation",
                "select subject_id, count(*) from audited_act where action = 'ESCALATED_TO_AREA_HEAD' group by subject_id");
        Map<String, String> finalStatus = new TreeMap<>();
        rows("evaluation", "select id::text, status from submission_request where cycle_id = ?", CYCLE)
                .forEach(row -> finalStatus.put((String) row[0], (String) row[1]));
        List<String> wrong = new ArrayList<>();
        for (String request : missing) {
            List<Long> seen = List.of(overdueEvents.getOrDefault(request, 0L), escalationEvents.getOrDefault(request, 0L),
                    overdueNotices.getOrDefault(request, 0L), headNotices.getOrDefault(request, 0L),
                    overdueActs.getOrDefault(request, 0L), escalationActs.getOrDefault(request, 0L));
            if (!seen.equals(List.of(1L, 1L, 1L, 1L, 1L, 1L)) || !"ESCALATED".equals(finalStatus.get(request))) {
                wrong.add("missing " + request + ": " + seen + " " + finalStatus.get(request));
            }
        }
        for (String request : submittedRequests) {
            List<Long> seen = List.of(overdueEvents.getOrDefault(request, 0L), escalationEvents.getOrDefault(request, 0L),
                    overdueNotices.getOrDefault(request, 0L), headNotices.getOrDefault(request, 0L),
                    overdueActs.getOrDefault(request, 0L), escalationActs.getOrDefault(request, 0L));
            if (!seen.equals(List.of(0L, 0L, 0L, 0L, 0L, 0L)) || !"SUBMITTED".equals(finalStatus.get(request))) {
                wrong.add("on time " + request + ": " + seen + " " + finalStatus.get(request));
            }
        }
        assertThat(wrong).as("per request [SubmissionOverdue, EscalatedToAreaHead, REQUEST_OVERDUE notice, head notice, "
                + "REQUEST_OVERDUE act, ESCALATED_TO_AREA_HEAD act]: exactly once for a missing request, never for one "
                + "submitted on time; these differ").isEmpty();
        await("reporting-service has every overdue request once", () -> count("reporting",
                "select count(*) from report_request where cycle_id = ? and overdue", CYCLE) == missing.size());
        System.out.printf("[faults] case 5 (kill -9 mid-sweep) took %d s%n", secondsSince(started));
    }

    // ---------------------------------------------------------------------------------------------
    // Nothing lost, nothing doubled
    // ---------------------------------------------------------------------------------------------

    /**
     * Every version taken by submissions-service has its one {@code SubmissionReceived} in the
     * outbox, every version answered 201 is there, nothing is there that was not asked for; each
     * event is applied exactly once by evaluation-service (one receipt per version, one case per
     * request, at the latest version) and by reporting-service (inbox, the latest version and its
     * figures); the registry projections hold the registry, each account once.
     */
    private void assertNothingLostNothingDoubled(String situation) {
        await(situation + ": the submissions outbox drained", () -> count("submissions",
                "select count(*) from outbox_message where published_at is null") == 0);
        Set<String> versions = new HashSet<>();
        Map<String, Integer> currentVersion = new HashMap<>();
        Map<String, String> requestOfSubmission = new HashMap<>();
        for (Object[] row : rows("submissions", "select v.submission_id::text, v.version, s.request_id::text, s.current_version "
                + "from submission_version v join submission s on s.id = v.submission_id")) {
            versions.add(row[0] + "#" + row[1]);
            currentVersion.put((String) row[0], (Integer) row[3]);
            requestOfSubmission.put((String) row[0], (String) row[2]);
        }
        List<String> published = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (Object[] row : rows("submissions", "select envelope from outbox_message where event_type = 'SubmissionReceived'")) {
            JsonNode envelope = parse((String) row[0]);
            published.add(envelope.path("payload").path("submissionId").asText() + "#" + envelope.path("payload").path("version").asInt());
            eventIds.add(envelope.path("eventId").asText());
        }
        assertThat(published).as("%s: one SubmissionReceived per version, never two", situation).doesNotHaveDuplicates();
        assertThat(new HashSet<>(published)).as("%s: never a version without its event, never an event without its version",
                situation).isEqualTo(versions);
        Set<String> lost = new HashSet<>(ledger.confirmed());
        lost.removeAll(versions);
        assertThat(lost).as("%s: versions answered 201 but not stored", situation).isEmpty();
        Set<String> unasked = new HashSet<>(versions);
        unasked.removeAll(ledger.confirmed());
        unasked.removeAll(ledger.uncertain());
        assertThat(unasked).as("%s: versions stored that no request without a clear answer explains", situation).isEmpty();

        await(situation + ": evaluation-service and reporting-service applied all " + eventIds.size() + " events", () ->
                count("evaluation", "select count(*) from processed_event where consumer = 'evaluation-submissions' "
                        + "and event_id::text = any (?)", eventIds) == eventIds.size()
                        && count("reporting", "select count(*) from processed_event where consumer = 'reporting-submissions' "
                        + "and event_id::text = any (?)", eventIds) == eventIds.size());

        Set<String> receipts = new HashSet<>();
        List<String> receiptList = new ArrayList<>();
        for (Object[] row : rows("evaluation", "select submission_id::text, version from evaluation_case_receipt")) {
            receiptList.add(row[0] + "#" + row[1]);
            receipts.add(row[0] + "#" + row[1]);
        }
        assertThat(receiptList).as("%s: evaluation-service, one receipt per version", situation).doesNotHaveDuplicates();
        assertThat(receipts).as("%s: evaluation-service received every version", situation).isEqualTo(versions);
        List<String> cases = new ArrayList<>();
        for (Object[] row : rows("evaluation", "select submission_id::text, latest_version from evaluation_case")) {
            cases.add((String) row[0]);
            assertThat((Integer) row[1]).as("%s: evaluation case of %s at the latest version", situation, row[0])
                    .isEqualTo(currentVersion.get((String) row[0]));
        }
        assertThat(cases).as("%s: one evaluation case per submission", situation).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(currentVersion.keySet());

        Map<String, Object[]> reported = new HashMap<>();
        for (Object[] row : rows("reporting", "select request_id::text, version, (figures ->> 'impressions')::bigint from report_submission")) {
            reported.put((String) row[0], row);
        }
        assertThat(reported).as("%s: reporting-service, one row per submitted request", situation).hasSize(currentVersion.size());
        for (Map.Entry<String, Integer> submission : currentVersion.entrySet()) {
            Object[] row = reported.get(requestOfSubmission.get(submission.getKey()));
            assertThat(row).as("%s: reporting-service has submission %s", situation, submission.getKey()).isNotNull();
            assertThat(row[1]).as("%s: reporting-service at the latest version of %s", situation, submission.getKey())
                    .isEqualTo(submission.getValue());
            assertThat(row[2]).as("%s: reporting-service holds the latest figures of %s", situation, submission.getKey())
                    .isEqualTo(impressions(submission.getValue()));
        }

        long registered = count("accounts", "select count(*) from account");
        await(situation + ": every registry projection holds the " + registered + " accounts, once each", () ->
                count("evaluation", "select count(*) from reviewed_account") == registered
                        && count("submissions", "select count(*) from submitting_account") == registered
                        && count("reporting", "select count(*) from inventory_account") == registered);
        System.out.printf("[faults] %s: %d versions of %d submissions, each published once and applied once in evaluation and "
                + "reporting; %d accounts in every projection%n", situation, versions.size(), currentVersion.size(), registered);
    }

    // ---------------------------------------------------------------------------------------------
    // Steady intake: corrections of the on-time submissions, every answer recorded
    // ---------------------------------------------------------------------------------------------

    /** One request and what came back ({@code status} -1: no answer at all). */
    record Attempt(String what, URI target, int status, String contentType, String body, Instant at) {
        @Override
        public String toString() {
            String excerpt = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return "%s %s -> %d %s %s (%s)".formatted(what, target, status, contentType, excerpt, at);
        }
    }

    /**
     * What submissions-service was asked and answered: versions confirmed (201), versions whose fate
     * the client cannot know (5xx or no answer: they may or may not have been taken), and the
     * current version of each submission as the client last knew it.
     */
    static final class Ledger {
        private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
        private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
        private final Map<String, Integer> current = new ConcurrentHashMap<>();

        void confirm(String submissionId, int version) {
            confirmed.add(submissionId + "#" + version);
            current.merge(submissionId, version, Math::max);
        }

        void uncertain(String submissionId, int version) {
            uncertain.add(submissionId + "#" + version);
        }

        int current(String submissionId) {
            return current.getOrDefault(submissionId, 0);
        }

        void resync(String submissionId, int version) {
            current.put(submissionId, version);
        }

        Set<String> confirmed() {
            return Set.copyOf(confirmed);
        }

        Set<String> uncertain() {
            return Set.copyOf(uncertain);
        }

        int confirmedCount() {
            return confirmed.size();
        }
    }

    /** A correction of one submission, from the version the client knows; the ledger records the outcome. */
    private Attempt correct(URI submissionsService, String submissionId) {
        int from = ledger.current(submissionId);
        int version = from + 1;
        Instant at = Instant.now();
        String what = "correction " + submissionId + " v" + version;
        ApiClient.Response answer;
        try {
            answer = api.postJson(submissionsService.resolve("/api/submissions/" + submissionId + "/versions"), administrator,
                    Map.of("basedOnVersion", from, "figures", figures(version)));
        } catch (IllegalStateException noAnswer) {
            ledger.uncertain(submissionId, version);
            resync(submissionsService, submissionId);
            return new Attempt(what, submissionsService, -1, "", noAnswer.getMessage(), at);
        }
        if (answer.status() == 201) {
            ledger.confirm(submissionId, version);
        } else if (answer.status() >= 500) {
            ledger.uncertain(submissionId, version);
        } else if (answer.status() == 409) {
            // An earlier attempt without a clear answer was taken after all: continue from what is stored.
            resync(submissionsService, submissionId);
        }
        return new Attempt(what, submissionsService, answer.status(), answer.contentType(), answer.body(), at);
    }

    private void resync(URI submissionsService, String submissionId) {
        try {
            ApiClient.Response submission = api.get(submissionsService.resolve("/api/submissions/" + submissionId), administrator);
            if (submission.status() == 200) {
                ledger.resync(submissionId, submission.json().path("currentVersion").asInt());
            }
        } catch (IllegalStateException stillDown) {
            // the next attempt tries again
        }
    }

    /** Worker threads, each correcting its own share of the on-time submissions at a fixed pace. */
    private final class Intake implements AutoCloseable {
        private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> workers = new ArrayList<>();
        private volatile List<URI> targets = List.of(stack.serviceUri("submissions-service"));
        private volatile boolean running = true;

        Intake(int count, Duration pause) {
            for (int w = 0; w < count; w++) {
                int worker = w;
                List<String> mine = new ArrayList<>();
                for (int i = worker; i < onTimeSubmissions.size(); i += count) {
                    mine.add(onTimeSubmissions.get(i));
                }
                Thread thread = new Thread(() -> {
                    for (int i = 0; running; i++) {
                        List<URI> now = targets;
                        attempts.add(correct(now.get(worker % now.size()), mine.get(i % mine.size())));
                        SystemTestStacks.pause(pause);
                    }
                }, "intake-" + worker);
                thread.setDaemon(true);
                workers.add(thread);
                thread.start();
            }
        }

        void targets(List<URI> uris) {
            targets = List.copyOf(uris);
        }

        List<Attempt> attempts() {
            synchronized (attempts) {
                return List.copyOf(attempts);
            }
        }

        List<Attempt> stop() {
            running = false;
            for (Thread worker : workers) {
                try {
                    worker.join(Duration.ofSeconds(40));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return attempts();
        }

        @Override
        public void close() {
            stop();
        }
    }

    /** A reader of each service's main list, round after round, every answer recorded. */
    private final class Reads implements AutoCloseable {
        private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean running = true;

        Reads(Duration pause) {
            thread = new Thread(() -> {
                while (running) {
                    for (String name : SERVICES) {
                        attempts.add(probe(name));
                    }
                    SystemTestStacks.pause(pause);
                }
            }, "reads");
            thread.setDaemon(true);
            thread.start();
        }

        List<Attempt> stop() {
            running = false;
            try {
                thread.join(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (attempts) {
                return List.copyOf(attempts);
            }
        }

        @Override
        public void close() {
            stop();
        }
    }

    private static final Map<String, String> LISTS = Map.of(
            "accounts-service", "/api/accounts?size=1",
            "submissions-service", "/api/submissions?size=1",
            "evaluation-service", "/api/evaluations?size=1",
            "reporting-service", "/api/registry/accounts?size=1");

    private Attempt probe(String name) {
        URI uri = service(name, LISTS.get(name));
        Instant at = Instant.now();
        try {
            ApiClient.Response answer = api.get(uri, cncs);
            return new Attempt("GET " + name, uri, answer.status(), answer.contentType(), answer.body(), at);
        } catch (IllegalStateException noAnswer) {
            return new Attempt("GET " + name, uri, -1, "", noAnswer.getMessage(), at);
        }
    }

    private static boolean is503Problem(Attempt attempt) {
        if (attempt.status() != 503 || !attempt.contentType().startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = parse(attempt.body());
        return problem.path("status").asInt() == 503 && !problem.path("title").asText().isBlank();
    }

    private static String breakdown(List<Attempt> attempts) {
        return attempts.stream().collect(Collectors.groupingBy(a -> a.what().startsWith("GET") ? a.what() + " " + a.status()
                : "correction " + a.status(), TreeMap::new, Collectors.counting())).toString();
    }

    // ---------------------------------------------------------------------------------------------

    private static Map<String, Object> figures(int version) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("posts", 2345);
        figures.put("ownPosts", 1900);
        figures.put("cncsPosts", 400);
        figures.put("impressions", impressions(version));
        figures.put("profileVisits", 61_204);
        figures.put("mentions", 9871);
        figures.put("followers", 245_112);
        figures.put("multimediaPosts", 327);
        return figures;
    }

    /** Each version declares its own impressions, so the figures a read model holds tell which version it applied. */
    private static long impressions(int version) {
        return 4_000_000L + version;
    }

    private URI service(String name, String pathAndQuery) {
        return stack.serviceUri(name).resolve(pathAndQuery);
    }

    /** Moves the clock of the four services (their usual instances) to {@code target}. */
    private void advanceTo(Instant target) {
        Instant now = Instant.parse(api.get(service("evaluation-service", "/api/simulation/clock"), cncs).json().path("now").asText());
        assertThat(target).as("the simulated now is %s", now).isAfter(now);
        Duration left = Duration.between(now, target);
        for (String name : SERVICES) {
            ApiClient.Response advanced = api.postJson(service(name, "/api/simulation/clock/advance"), cncs,
                    Map.of("duration", left.toString()));
            assertThat(advanced.status()).as(name + ": " + advanced).isEqualTo(200);
        }
    }

    private static ServiceProcess secondOf(List<ServiceProcess> instances, String name) {
        return instances.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The last value of each count read while awaiting, printed when the wait fails. */
    private static final Map<String, Long> lastCounts = new ConcurrentHashMap<>();

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        RuntimeException lastFailure = null;
        lastCounts.clear();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                lastFailure = null;
            } catch (RuntimeException notYet) {
                lastFailure = notYet;
            }
            SystemTestStacks.pause(Duration.ofMillis(250));
        }
        throw new AssertionError("Not within " + SETTLE.toSeconds() + " s: " + what + "; last seen " + lastCounts
                + (lastFailure == null ? "" : "; last failure " + lastFailure));
    }

    /** Polls {@code value} every 10 ms until it meets {@code done}; returns the last value seen (also at the time limit). */
    private static long pollUntil(LongSupplier value, java.util.function.LongPredicate done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        long seen = value.getAsLong();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            SystemTestStacks.pause(Duration.ofMillis(10));
            seen = value.getAsLong();
        }
        return seen;
    }

    private long elapsedSeconds() {
        return secondsSince(classStarted);
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }

    // --- the services' databases, read directly (user = password = database) ----------------------

    private Connection connect(String database) {
        try {
            return DriverManager.getConnection(stack.jdbcUrl(database), database, database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + database + ": " + e, e);
        }
    }

    private long count(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database)) {
            long value = count(connection, sql, parameters);
            lastCounts.put(database + ": " + sql, value);
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Connection connection, String sql, Object... parameters) {
        return ((Number) query(connection, sql, parameters).getFirst()[0]).longValue();
    }

    private List<Object[]> rows(String database, String sql, Object... parameters) {
        try (Connection connection = connect(database)) {
            return query(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> grouped(String database, String sql) {
        Map<String, Long> counts = new HashMap<>();
        rows(database, sql).forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** How many distinct events of {@code type} each subject has in the service's outbox (its event journal). */
    private Map<String, Long> outboxCount(String database, String type, String subjectField) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows(database, "select envelope from outbox_message where event_type = ?", type)) {
            counts.merge(parse((String) row[0]).path("payload").path(subjectField).asText(), 1L, Long::sum);
        }
        return counts;
    }

    private static List<Object[]> query(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            List<Object[]> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    result.add(row);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
