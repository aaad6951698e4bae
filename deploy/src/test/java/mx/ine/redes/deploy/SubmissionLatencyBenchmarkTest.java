package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import mx.ine.redes.support.testing.BenchmarkFigures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14: how long after a submission's HTTP 201 reaches the client its {@code SubmissionReceived} is applied in
 * evaluation-service and in reporting-service, at a steady {@value #DEFAULT_RATE} submissions per second, on a local
 * stack as a user gets it (the four services as processes, the durable PostgreSQL, the broker).
 *
 * <p>Setup, not measured: administrators registered, accounts imported by CSV in accounts-service (which announces
 * them to the others), the last semester's cycle opened in evaluation-service (a request per account, announced to
 * submissions-service), and the request notices that are due sent. Then one submission per request, request
 * {@code i} sent at {@code start + i / rate} from a scheduling thread whatever the earlier ones are doing; the first
 * {@code warm-up} seconds' are not recorded.
 *
 * <p>When a service applied the event: the commit time of the transaction that recorded it in the service's inbox
 * ({@code processed_event}, written in the same transaction as the effect), which PostgreSQL keeps with
 * {@code track_commit_timestamp = on} (the embedded server sets it); read afterwards, so the measurement polls
 * nothing while it runs. The answer's instant is the commit of the submission's first version in submissions-service
 * (the 201 is sent right after it), on the same server clock; the load client's own instant, taken when the status
 * line arrives, is reported too, with how far it lags the commit: the client shares the saturated cores, so it may
 * see an answer seconds late. Without commit timestamps the inbox's {@code processed_at} is used (the service's clock
 * when it began applying the event, corrected by the simulation offset) from the client's instant, and the figures
 * say so.
 *
 * <p>Where the CPU went is measured too ({@link CpuShares}): the machine's busy share while the load is sent and each
 * process's CPU time per submission until both consumers are done.
 *
 * <p>Asserts only correctness: every submission answered 201 (the latencies are those of the ones that were, and how
 * many were not is a figure too) and applied exactly once in each service.
 * {@code mvn -B -ntp verify -Pbenchmark -pl deploy -am -Dtest=SubmissionLatencyBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (shorter: {@code -Dbenchmark.measured-seconds=10}).
 */
@Tag("benchmark")
class SubmissionLatencyBenchmarkTest {

    static final int DEFAULT_RATE = 200;
    static final int RATE = Integer.getInteger("benchmark.submission-rate", DEFAULT_RATE);
    static final long WARM_UP_SECONDS = Long.getLong("benchmark.warm-up-seconds", 5);
    static final long MEASURED_SECONDS = Long.getLong("benchmark.measured-seconds", 25);
    static final int ADMINISTRATORS = 50;
    // Small: an import is one transaction, and a slow machine must not run it past the transaction timeout.
    static final int IMPORT_CHUNK = 100;
    static final String AREA = "JDE-CHIS-03";
    static final String HANDLE_PREFIX = "benchlat";
    static final String SECTION = "Submission to applied";
    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FIGURES = """
            {"posts": 2345, "ownPosts": 1900, "cncsPosts": 400, "impressions": 4812330, "profileVisits": 61204, \
            "mentions": 9871, "followers": 2450112, "multimediaPosts": 327}""";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ApiClient api = new ApiClient();
    private LocalStack stack;

    /** A prepared request and the token of its account's administrator. */
    record Target(String requestId, String token) {
    }

    /** What the client saw of one submission: when its 201 arrived (µs since the epoch) and what it created. */
    record Sent(int index, long answeredAtMicros, int status, String submissionId, String body) {
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void measureFromTheAnswerToTheEventAppliedInEvaluationAndReporting() throws Exception {
        int count = (int) (RATE * (WARM_UP_SECONDS + MEASURED_SECONDS));
        stack = SystemTestStacks.start("submission-latency-benchmark").stack();
        try {
            String cycle = lastSemester(LocalDate.now(MEXICO_CITY));
            long setupStart = System.nanoTime();
            List<Target> targets = prepare(count, cycle);
            System.out.printf("SUBMISSION LATENCY BENCHMARK setup: %,d accounts and their %s requests ready in %.0f s%n", count,
                    cycle, (System.nanoTime() - setupStart) / 1e9);

            CpuShares.Reading beforeLoad = CpuShares.read();
            List<Sent> sent = sendAtFixedRate(targets);
            CpuShares.Reading afterLoad = CpuShares.read();
            List<Sent> created = sent.stream().filter(s -> s.status() == 201).toList();
            List<Sent> refused = sent.stream().filter(s -> s.status() != 201).toList();
            BenchmarkFigures.record(SECTION, String.format(Locale.ROOT, "submissions answered other than 201 (of %,d sent at %d/s)",
                    sent.size(), RATE), refused.size(), "", "0", refused.isEmpty());

            Map<String, String> eventBySubmission = awaitEvents(created);
            boolean commitTimes = commitTimestampsTracked();
            Duration offset = simulationOffset();
            Map<String, Long> evaluation = awaitApplied("evaluation", "evaluation-submissions", eventBySubmission.values(),
                    commitTimes, offset);
            Map<String, Long> reporting = awaitApplied("reporting", "reporting-submissions", eventBySubmission.values(),
                    commitTimes, offset);

            reportCpu(CpuShares.between(beforeLoad, afterLoad), CpuShares.between(beforeLoad, CpuShares.read()), sent.size());

            long warmUp = (long) RATE * WARM_UP_SECONDS;
            List<Sent> measured = created.stream().filter(s -> s.index() >= warmUp).toList();
            Map<String, Long> answered = new HashMap<>();
            measured.forEach(s -> answered.put(s.submissionId(), s.answeredAtMicros()));
            if (commitTimes) {
                // The client's instant lags the answer when the machine is saturated (it shares the cores): the
                // submission's commit, which its 201 follows, is the answer's instant on the same clock as the inbox's.
                Map<String, Long> committed = submissionCommits(measured);
                report("submission's commit (its 201 follows)", measured.size(),
                        latencies(measured, eventBySubmission, committed, evaluation),
                        latencies(measured, eventBySubmission, committed, reporting), true);
                long[] clientLag = measured.stream().mapToLong(s -> s.answeredAtMicros() - committed.get(s.submissionId()))
                        .sorted().toArray();
                System.out.printf("SUBMISSION LATENCY BENCHMARK the client saw each 201 after the submission's commit by: p50 %.1f ms"
                        + "  p99 %.1f ms%n", percentileMillis(clientLag, 50), percentileMillis(clientLag, 99));
                BenchmarkFigures.record(SECTION, "submission's commit → its 201 seen by the load client: p99",
                        percentileMillis(clientLag, 99), "ms", "", null);
            }
            String appliedAt = commitTimes ? "" : " (inbox row's processed_at, simulation offset " + offset + " taken off)";
            report("201 at the client" + appliedAt, measured.size(), latencies(measured, eventBySubmission, answered, evaluation),
                    latencies(measured, eventBySubmission, answered, reporting), !commitTimes);
            reportSustainedRate("evaluation-service", evaluation);
            reportSustainedRate("reporting-service", reporting);
            assertThat(refused.stream().limit(5).toList()).as("submissions not answered 201 (of %d)", refused.size()).isEmpty();
        } finally {
            stack.close();
        }
    }

    // --- setup (not measured) -------------------------------------------------------------------------

    /** The semester whose window is open today: the one that ended last (S1 from July, S2 of last year until June). */
    static String lastSemester(LocalDate today) {
        return today.getMonthValue() >= 7 ? today.getYear() + "-S1" : (today.getYear() - 1) + "-S2";
    }

    private List<Target> prepare(int count, String cycle) throws Exception {
        String cncs = stack.tokens().forRole("cncs");
        SigningKeys keys = SigningKeys.loadOrCreate(stack.options().dataDirectory().resolve("jwt"));
        JwtSigner signer = new JwtSigner(keys.keyPair().getPrivate(), DemoTokens.KEY_ID);
        Map<String, String> tokens = new HashMap<>();
        for (int a = 0; a < ADMINISTRATORS; a++) {
            String email = administrator(a);
            ApiClient.Response person = api.postJson(service("accounts-service", "/api/people"), cncs,
                    Map.of("name", "Administración de carga " + a, "email", email, "areaCode", AREA));
            assertThat(person.status()).as(person.toString()).isEqualTo(201);
            tokens.put(email, signer.sign(DemoTokens.claims(new DemoTokens.DemoPerson("account-admin", "BENCH_" + a,
                    "Administración de carga " + a, email, AREA, "benchmark"), Instant.now())));
        }
        for (int first = 0; first < count; first += IMPORT_CHUNK) {
            StringBuilder csv = new StringBuilder("url,network,handle,displayName,kind,areaCode,platformAccountId,lastPublicationOn,"
                    + "administratorEmails\n");
            for (int i = first; i < Math.min(count, first + IMPORT_CHUNK); i++) {
                csv.append(",X,@").append(handle(i)).append(",Cuenta de carga ").append(i).append(",INSTITUTIONAL,").append(AREA)
                        .append(",,,").append(administrator(i % ADMINISTRATORS)).append('\n');
            }
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(service("accounts-service", "/api/accounts/import"))
                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + cncs).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        }
        awaitCount("evaluation", "select count(*) from reviewed_account where status = 'ACTIVE' and handle ilike ?", count,
                Duration.ofMinutes(5));
        ApiClient.Response opened = api.postJson(service("evaluation-service", "/api/cycles"), cncs, Map.of("id", cycle));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        awaitCount("submissions", """
                select count(*) from statistics_request r join submitting_account a on a.account_id = r.account_id
                where r.status = 'OPEN' and a.handle ilike ? and a.administrator_emails <> '[]'::jsonb""", count,
                Duration.ofMinutes(5));
        awaitDueNoticesSent(Duration.ofMinutes(6));

        List<Target> targets = new ArrayList<>(count);
        try (Connection connection = connect("submissions"); PreparedStatement query = connection.prepareStatement("""
                select r.request_id, a.administrator_emails ->> 0 from statistics_request r
                join submitting_account a on a.account_id = r.account_id
                where r.status = 'OPEN' and r.cycle_id = ? and a.handle ilike ? order by a.handle""")) {
            query.setString(1, cycle);
            query.setString(2, "%" + HANDLE_PREFIX + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    targets.add(new Target(rows.getString(1), tokens.get(rows.getString(2))));
                }
            }
        }
        assertThat(targets).hasSize(count).allSatisfy(target -> assertThat(target.token()).isNotNull());
        return targets;
    }

    static String administrator(int a) {
        return "carga.latencia." + a + "@ine.mx";
    }

    static String handle(int i) {
        return String.format(Locale.ROOT, "%s%05d", HANDLE_PREFIX, i);
    }

    /** Waits until {@code sql} (its one parameter the benchmark's handles) counts at least {@code expected}. */
    private void awaitCount(String database, String sql, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long found = -1;
        try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, "%" + HANDLE_PREFIX + "%");
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    found = rows.getLong(1);
                }
                if (found >= expected) {
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("Within " + timeout + " only " + found + " of " + expected + " in " + database + ": " + sql);
    }

    /**
     * The request notices leave within business hours only; those due now are sent before the measurement, so that
     * thousands of e-mails do not leave during it. Outside business hours they wait for the next opening, and the
     * measurement does not wait for them.
     */
    private void awaitDueNoticesSent(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long due = -1;
        try (Connection connection = connect("evaluation"); PreparedStatement query = connection.prepareStatement(
                "select count(*) from notification where status = 'QUEUED' and not_before <= now()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    due = rows.getLong(1);
                }
                if (due == 0) {
                    return;
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf("SUBMISSION LATENCY BENCHMARK warning: %,d notices still due after %s; measuring while they leave%n", due,
                timeout);
    }

    // --- the load ---------------------------------------------------------------------------------------

    /**
     * Submission {@code i} is sent at {@code start + i / rate} by one scheduling thread that never waits for an
     * answer; each answer's instant is taken when its status line arrives.
     */
    private List<Sent> sendAtFixedRate(List<Target> targets) throws Exception {
        Map<Integer, Sent> sent = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> answers = new ArrayList<>(targets.size());
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
        URI intake = service("submissions-service", "/api/submissions");
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long lateSends = 0;
        for (int i = 0; i < targets.size(); i++) {
            long intended = start + i * intervalNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - intended > TimeUnit.MILLISECONDS.toNanos(5)) {
                lateSends++;
            }
            Target target = targets.get(i);
            int index = i;
            long[] answeredAt = {0};
            HttpRequest request = HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + target.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"requestId\": \"" + target.requestId() + "\", \"figures\": "
                            + FIGURES + "}")).build();
            answers.add(http.sendAsync(request, info -> {
                answeredAt[0] = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
            }).handle((response, failure) -> {
                if (failure != null) {
                    sent.put(index, new Sent(index, 0, -1, null, failure.toString()));
                } else {
                    String id = response.statusCode() == 201 ? idOf(response.body()) : null;
                    sent.put(index, new Sent(index, answeredAt[0], response.statusCode(), id, response.body()));
                }
                return null;
            }));
        }
        double sendingSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        System.out.printf("SUBMISSION LATENCY BENCHMARK sent %,d submissions in %.1f s (%.0f/s), %,d of them more than 5 ms"
                + " after their intended instant%n", targets.size(), sendingSeconds, targets.size() / sendingSeconds, lateSends);
        return sent.values().stream().sorted(java.util.Comparator.comparingInt(Sent::index)).toList();
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    // --- when each service applied each event (read afterwards) ------------------------------------------

    /** The id of each submission's SubmissionReceived, from submissions-service's outbox. */
    private Map<String, String> awaitEvents(List<Sent> sent) throws Exception {
        Map<String, String> eventBySubmission = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            eventBySubmission.clear();
            try (Connection connection = connect("submissions"); PreparedStatement query = connection.prepareStatement("""
                    select envelope::jsonb #>> '{payload,submissionId}', event_id::text from outbox_message
                    where event_type = 'SubmissionReceived'""");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    eventBySubmission.put(rows.getString(1), rows.getString(2));
                }
            }
            long missing = sent.stream().filter(s -> !eventBySubmission.containsKey(s.submissionId())).count();
            if (missing == 0) {
                return eventBySubmission;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missing + " submissions without their SubmissionReceived in the outbox");
            }
            Thread.sleep(500);
        }
    }

    private boolean commitTimestampsTracked() throws SQLException {
        try (Connection connection = connect("evaluation"); PreparedStatement query = connection.prepareStatement(
                "select current_setting('track_commit_timestamp')"); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1).equals("on");
        }
    }

    /** The services' simulation offset (zero unless someone moved their clock), which their {@code processed_at} carries. */
    private Duration simulationOffset() {
        JsonNode clock = api.get(service("evaluation-service", "/api/simulation/clock"), stack.tokens().forRole("cncs")).json();
        return Duration.parse(clock.path("offset").asText());
    }

    /**
     * When {@code consumer} applied each of the events (µs since the epoch), waiting until it has applied all of them;
     * each applied exactly once (the inbox's primary key is event and consumer).
     */
    private Map<String, Long> awaitApplied(String database, String consumer, java.util.Collection<String> eventIds,
            boolean commitTimes, Duration offset) throws Exception {
        String instant = commitTimes ? "pg_xact_commit_timestamp(xmin)" : "processed_at";
        Map<String, Long> applied = new HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(eventIds);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            applied.clear();
            try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(
                    "select event_id::text, " + instant + " from processed_event where consumer = ? and event_type = 'SubmissionReceived'")) {
                query.setString(1, consumer);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (wanted.contains(rows.getString(1))) {
                            Instant at = rows.getObject(2, java.time.OffsetDateTime.class).toInstant();
                            applied.put(rows.getString(1), ChronoUnit.MICROS.between(Instant.EPOCH, commitTimes ? at : at.minus(offset)));
                        }
                    }
                }
            }
            if (applied.size() == wanted.size()) {
                return applied;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(consumer + " applied " + applied.size() + " of " + wanted.size() + " SubmissionReceived");
            }
            Thread.sleep(500);
        }
    }

    /** When each submission's first version committed in submissions-service (µs since the epoch); its row is immutable. */
    private Map<String, Long> submissionCommits(List<Sent> measured) throws SQLException {
        Map<String, Long> committed = new HashMap<>();
        try (Connection connection = connect("submissions"); PreparedStatement query = connection.prepareStatement(
                "select submission_id::text, pg_xact_commit_timestamp(xmin) from submission_version where version = 1");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                committed.put(rows.getString(1), ChronoUnit.MICROS.between(Instant.EPOCH,
                        rows.getObject(2, java.time.OffsetDateTime.class).toInstant()));
            }
        }
        List<String> missing = measured.stream().map(Sent::submissionId).filter(id -> !committed.containsKey(id)).limit(3).toList();
        assertThat(missing).as("submissions without their version 1 row").isEmpty();
        return committed;
    }

    /** From each measured submission's {@code from} instant to its event applied, in µs, sorted. */
    private static long[] latencies(List<Sent> measured, Map<String, String> eventBySubmission, Map<String, Long> from,
            Map<String, Long> applied) {
        long[] latencies = measured.stream()
                .mapToLong(s -> applied.get(eventBySubmission.get(s.submissionId())) - from.get(s.submissionId())).toArray();
        Arrays.sort(latencies);
        return latencies;
    }

    /** Nearest rank: the smallest value with at least {@code percent} % of the values at or below it. */
    static double percentileMillis(long[] sortedMicros, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sortedMicros.length);
        return sortedMicros[Math.max(0, rank - 1)] / 1000.0;
    }

    private void report(String from, int measured, long[] toEvaluation, long[] toReporting, boolean targeted) {
        System.out.println("SUBMISSION LATENCY BENCHMARK ------------------------------------------------------------");
        System.out.printf("SUBMISSION LATENCY BENCHMARK %,d submissions at %d/s measured over %d s after %d s of warm-up; from the %s"
                + " to the commit of its inbox row%n", measured, RATE, MEASURED_SECONDS, WARM_UP_SECONDS, from);
        for (Object[] service : new Object[][] {{"evaluation-service", toEvaluation}, {"reporting-service", toReporting}}) {
            long[] latencies = (long[]) service[1];
            System.out.printf("SUBMISSION LATENCY BENCHMARK -> applied in %-18s: p50 %7.1f ms  p99 %7.1f ms  p999 %7.1f ms"
                            + "  min %7.1f ms  max %7.1f ms%n", service[0], percentileMillis(latencies, 50),
                    percentileMillis(latencies, 99), percentileMillis(latencies, 99.9), latencies[0] / 1000.0,
                    latencies[latencies.length - 1] / 1000.0);
            String what = String.format(Locale.ROOT, "%s → SubmissionReceived applied in %s, steady %d/s for %d s", from,
                    service[0], RATE, MEASURED_SECONDS);
            double p99 = percentileMillis(latencies, 99);
            BenchmarkFigures.record(SECTION, what + ": p50", percentileMillis(latencies, 50), "ms", "", null);
            BenchmarkFigures.record(SECTION, what + ": p99", p99, "ms", targeted ? "< 250 ms" : "", targeted ? p99 < 250 : null);
        }
        System.out.println("SUBMISSION LATENCY BENCHMARK ------------------------------------------------------------");
    }

    /**
     * How fast a consumer applied the whole run's events (first to last inbox commit): below the arrival rate, its
     * backlog, and so its latency, grows for as long as the load lasts, whatever else is fast.
     */
    private static void reportSustainedRate(String service, Map<String, Long> appliedMicros) {
        long first = appliedMicros.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long last = appliedMicros.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double perSecond = last > first ? (appliedMicros.size() - 1) * 1e6 / (last - first) : 0;
        System.out.printf("SUBMISSION LATENCY BENCHMARK %s applied %,d events in %.1f s: %.0f events/s sustained%n", service,
                appliedMicros.size(), (last - first) / 1e6, perSecond);
        BenchmarkFigures.recordAgainst(SECTION, String.format(Locale.ROOT,
                "%s: SubmissionReceived applied per second, first to last of the run", service), perSecond, "events/s", RATE,
                "arrival rate", "≥ arrival rate (else the backlog grows)", perSecond >= RATE);
    }

    /**
     * Where the CPU went: the machine's busy share while the load was sent and answered, and each process's CPU time from the
     * first submission until both consumers had applied the last one, per submission. A machine busy all the time
     * means the consumers' rate is bounded by the CPU left to them, not by waiting.
     */
    private static void reportCpu(CpuShares.Shares load, CpuShares.Shares whole, int submissions) {
        System.out.printf("SUBMISSION LATENCY BENCHMARK machine CPU busy %.0f %% of %d cores while the load was sent and answered (%.1f s);"
                + " CPU per submission until both consumers were done (%.1f s):%n", load.machineBusy() * 100,
                Runtime.getRuntime().availableProcessors(), load.wallSeconds(), whole.wallSeconds());
        BenchmarkFigures.record(SECTION, String.format(Locale.ROOT, "machine CPU busy while %d submissions/s were sent and answered (all %d cores)",
                RATE, Runtime.getRuntime().availableProcessors()), load.machineBusy() * 100, "%", "", null);
        whole.cpuSecondsByRole().forEach((role, seconds) -> {
            double millisPerSubmission = seconds * 1000 / submissions;
            System.out.printf("SUBMISSION LATENCY BENCHMARK   %-40s %7.1f s CPU  %6.2f ms per submission%n", role, seconds,
                    millisPerSubmission);
            BenchmarkFigures.record(SECTION, "CPU per submission, first sent to last applied: " + role, millisPerSubmission,
                    "ms", "", null);
        });
        int cores = Runtime.getRuntime().availableProcessors();
        double totalMillis = whole.totalCpuSeconds() * 1000 / submissions;
        double available = cores * 1000.0 / RATE;
        System.out.printf("SUBMISSION LATENCY BENCHMARK   all processes: %.1f ms CPU per submission; %d cores give %.1f ms per submission"
                + " at %d/s, enough for %.0f submissions/s%n", totalMillis, cores, available, RATE, cores * 1000.0 / totalMillis);
        BenchmarkFigures.recordAgainst(SECTION, "CPU per submission, first sent to last applied: all processes", totalMillis, "ms",
                available, String.format(Locale.ROOT, "CPU the %d cores have per submission at %d/s", cores, RATE),
                "≤ the CPU there is (else the consumers fall behind)", totalMillis <= available);
    }

    // ---------------------------------------------------------------------------------------------------

    private URI service(String name, String pathAndQuery) {
        return stack.serviceUri(name).resolve(pathAndQuery);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), database, database);
    }
}
