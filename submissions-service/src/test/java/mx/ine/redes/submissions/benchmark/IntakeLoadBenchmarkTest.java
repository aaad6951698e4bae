package mx.ine.redes.submissions.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.BenchmarkFigures;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.HdrHistogram.Histogram;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 "Performance": the intake ({@code POST /api/submissions}: a signed JWT, the request's
 * lock, visibility, the form's validation, warnings, the outbox, the response read back) against a
 * bare endpoint of the same service that inserts the same two rows and nothing else (b), and (b)
 * against the database alone (c): the same rows by a plain JDBC loop in the test, as many threads as
 * requests in flight, through the service's own connection pool. Prints the maximum throughput of
 * each (closed loop, {@value #IN_FLIGHT} requests in flight over as many HTTP/1.1 keep-alive
 * connections) and the intake's latency at a fixed arrival rate of half its maximum, measured from
 * each request's intended send time (HdrHistogram; no coordinated omission), and records them
 * ({@code BenchmarkFigures}). Asserts only that every request was answered 201, every insert
 * committed, and that the outbox holds one event per intake.
 *
 * <p>The load client is Vert.x core's {@link HttpClient} (already on the classpath through Quarkus,
 * the same engine as {@code vertx-web-client}): one event-loop thread drives every connection
 * without a thread per request in flight, which matters on a machine whose few cores the service
 * and PostgreSQL also use, and its timer lets the fixed-rate phase send on schedule.
 *
 * <p>{@code mvn -B -ntp verify -Pbenchmark -pl submissions-service -am -Dtest=IntakeLoadBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class IntakeLoadBenchmarkTest {

    static final int IN_FLIGHT = Integer.getInteger("benchmark.in-flight", 32);
    static final long WARM_UP_SECONDS = Long.getLong("benchmark.warm-up-seconds", 6);
    static final long MEASURED_SECONDS = Long.getLong("benchmark.measured-seconds", 12);
    /** Requests (and accounts) prepared for each closed-loop phase: more than it can use at this machine's pace. */
    static final int CLOSED_LOOP_POOL = Integer.getInteger("benchmark.pool", 50_000);
    static final int STATEMENT_SAMPLE = 100;
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
    /** Diagnosis: sample what PostgreSQL's backends are doing during the intake windows ({@code pg_stat_activity}). */
    static final boolean SAMPLE_DATABASE = Boolean.getBoolean("benchmark.sample-database");

    /**
     * Administrators of the prepared accounts, each signed into its own token; every account has
     * one of them (as in the registry, where a person administers a handful of accounts, not all).
     */
    static final int ADMINISTRATORS = Integer.getInteger("benchmark.administrators", 1_000);
    static final String CYCLE = "2026-S2";
    static final String INTAKE_AREA = "BENCH-INTAKE";
    static final String BARE_AREA = "BENCH-BARE";
    static final String JDBC_AREA = "BENCH-JDBC";
    /** The X figures of the Institute's report of seed 000, valid for the X form. */
    static final String FIGURES = """
            {"posts": 2345, "ownPosts": 1900, "cncsPosts": 400, "impressions": 4812330, "profileVisits": 61204, \
            "mentions": 9871, "followers": 2450112, "multimediaPosts": 327}""";

    /** What the bare endpoint is told: everything the intake would look up, so that it only inserts. */
    public record BareSubmission(UUID requestId, UUID accountId, String cycleId, String network, Instant dueAt,
                                 String enteredBy, Map<String, Long> figures) {
    }

    public record BareCreated(UUID id) {
    }

    /** (b): the same rows as the intake's (submission and its version 1, same columns and values), and nothing else. */
    @Path("/api/test/benchmark/bare-submissions")
    public static class BareInsert {

        @Inject
        DataSource dataSource;

        @Inject
        ObjectMapper json;

        @POST
        @PermitAll
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        @Operation(hidden = true)
        public RestResponse<BareCreated> insertBareSubmission(BareSubmission body) throws Exception {
            UUID id = insertRows(dataSource, body, json.writeValueAsString(body.figures()));
            return RestResponse.ResponseBuilder.<BareCreated>created(URI.create("/api/test/benchmark/bare-submissions/" + id))
                    .entity(new BareCreated(id)).build();
        }
    }

    /**
     * The submission and its version 1, same columns and values as the intake writes, in one transaction: what (b)
     * does behind HTTP and (c) does alone.
     */
    static UUID insertRows(DataSource dataSource, BareSubmission body, String figuresJson) throws SQLException {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Timestamp received = Timestamp.from(now);
        boolean late = now.isAfter(body.dueAt());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement submission = connection.prepareStatement("""
                    insert into submission (id, request_id, account_id, cycle_id, network, current_version,
                                            first_received_at, last_received_at, late, has_warnings)
                    values (?, ?, ?, ?, ?, 1, ?, ?, ?, false)""");
                 PreparedStatement version = connection.prepareStatement("""
                    insert into submission_version (submission_id, version, received_at, entered_at, due_at, late, figures,
                                                    audience, campaigns, last_publication_on, warnings,
                                                    answers_observation_id, evidence, entered_by, on_behalf, channel,
                                                    document_reference)
                    values (?, 1, ?, ?, ?, ?, cast(? as jsonb), null, '[]', null, '[]', null, '[]', ?, false, null, null)""")) {
                submission.setObject(1, id);
                submission.setObject(2, body.requestId());
                submission.setObject(3, body.accountId());
                submission.setString(4, body.cycleId());
                submission.setString(5, body.network());
                submission.setTimestamp(6, received);
                submission.setTimestamp(7, received);
                submission.setBoolean(8, late);
                submission.executeUpdate();
                version.setObject(1, id);
                version.setTimestamp(2, received);
                version.setTimestamp(3, received);
                version.setTimestamp(4, Timestamp.from(body.dueAt()));
                version.setBoolean(5, late);
                version.setString(6, figuresJson);
                version.setString(7, body.enteredBy());
                version.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return id;
    }

    /** One prepared request per submission, with its account. */
    record Target(UUID requestId, UUID accountId, Instant dueAt, int administrator) {
    }

    /** What one phase saw. */
    record Outcome(long answered, long created, long measured, double seconds, List<String> refusals, String load) {
        double throughput() {
            return measured / seconds;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    org.hibernate.SessionFactory sessionFactory;

    @TestHTTPResource("/")
    URI base;

    private final String[] tokens = java.util.stream.IntStream.range(0, ADMINISTRATORS)
            .mapToObj(i -> TestTokens.forPerson(administrator(i), Set.of(Roles.ACCOUNT_ADMIN), Map.of())).toArray(String[]::new);

    private final AtomicInteger nextAdministrator = new AtomicInteger();

    static String administrator(int i) {
        return "admin.carga." + i + "@ine.mx";
    }

    @Test
    void measureIntakeAgainstBareInsert() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClient http = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true).setPipelining(false)
                        .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()),
                new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        try {
            // (c), (b) then (a), twice: the machine is shared, so each is measured in two windows apart and its best
            // window is its maximum; each window on its own fresh requests and accounts.
            StatementCounts statements = countStatements(vertx, http);
            List<Outcome> database = new ArrayList<>();
            List<Outcome> bare = new ArrayList<>();
            List<Outcome> intake = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                // The database alone goes several times as fast as the endpoints: more requests, so that it does not run out.
                database.add(jdbcLoop(prepare(3 * CLOSED_LOOP_POOL, JDBC_AREA)));
                bare.add(closedLoop(vertx, http, prepare(CLOSED_LOOP_POOL, BARE_AREA), this::sendBare));
                List<Target> intakeTargets = prepare(CLOSED_LOOP_POOL, INTAKE_AREA);
                DatabaseActivity activity = SAMPLE_DATABASE ? DatabaseActivity.start(dataSource) : null;
                intake.add(closedLoop(vertx, http, intakeTargets, this::sendIntake));
                if (activity != null) {
                    activity.stopAndPrint();
                }
            }
            Outcome bestIntake = best(intake);

            double rate = Math.max(1, bestIntake.throughput() / 2);
            long fixedWarmUp = 2;
            int fixedCount = (int) Math.ceil(rate * (fixedWarmUp + MEASURED_SECONDS));
            List<Target> fixedTargets = prepare(fixedCount, INTAKE_AREA);
            Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
            Outcome fixed = fixedRate(vertx, http, fixedTargets, rate, (long) (rate * fixedWarmUp), latency);

            report(statements, database, bare, intake, rate, fixed, latency);

            long intakes = fixed.created() + STATEMENT_SAMPLE;
            long bareInserts = 0;
            long jdbcInserts = 0;
            for (Outcome outcome : database) {
                assertThat(outcome.refusals()).as("JDBC inserts that failed").isEmpty();
                jdbcInserts += outcome.created();
            }
            for (Outcome outcome : bare) {
                assertThat(outcome.refusals()).as("bare inserts not answered 201").isEmpty();
                bareInserts += outcome.created();
            }
            for (Outcome outcome : intake) {
                assertThat(outcome.refusals()).as("intakes not answered 201").isEmpty();
                intakes += outcome.created();
            }
            assertThat(fixed.refusals()).as("intakes at the fixed rate not answered 201").isEmpty();
            assertThat(count("""
                    select count(*) from outbox_message o
                    where o.message_key in (select a.account_id::text from submitting_account a where a.area_code = ?)""",
                    INTAKE_AREA)).as("one outbox event per intake").isEqualTo(intakes);
            assertThat(count("""
                    select count(*) from submission s
                    where s.account_id in (select a.account_id from submitting_account a where a.area_code = ?)""",
                    INTAKE_AREA)).as("one submission per intake").isEqualTo(intakes);
            assertThat(count("""
                    select count(*) from submission s
                    where s.account_id in (select a.account_id from submitting_account a where a.area_code = ?)""",
                    BARE_AREA)).as("one submission per bare insert").isEqualTo(bareInserts);
            assertThat(count("""
                    select count(*) from submission s
                    where s.account_id in (select a.account_id from submitting_account a where a.area_code = ?)""",
                    JDBC_AREA)).as("one submission per JDBC insert").isEqualTo(jdbcInserts);
        } finally {
            http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    // --- setup (not measured) -------------------------------------------------------------------

    /** {@code count} X accounts, each administered by one of the administrators, with an open cycle request whose window is open. */
    private List<Target> prepare(int count, String area) throws SQLException {
        List<Target> targets = new ArrayList<>(count);
        Instant due = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        UUID[] accounts = new UUID[count];
        UUID[] requests = new UUID[count];
        String[] administrators = new String[count];
        for (int i = 0; i < count; i++) {
            accounts[i] = UUID.randomUUID();
            requests[i] = UUID.randomUUID();
            int administrator = nextAdministrator.getAndIncrement() % ADMINISTRATORS;
            administrators[i] = administrator(administrator);
            targets.add(new Target(requests[i], accounts[i], due, administrator));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insertAccounts = connection.prepareStatement("""
                    insert into submitting_account (account_id, network, handle, display_name, area_code, administrator_emails,
                                                    status, updated_at, last_sequence, area_level, head_email, ancestors)
                    select a, 'X', 'bench_' || replace(a::text, '-', ''), 'Cuenta de carga', ?, jsonb_build_array(e),
                           'ACTIVE', now(), 1, 'DISTRICT', 'titular.benchmark@ine.mx', '[]'
                    from unnest(?::uuid[], ?::text[]) as t(a, e)""");
                 PreparedStatement insertRequests = connection.prepareStatement("""
                    insert into statistics_request (request_id, account_id, cycle_id, kind, requested_fields, window_opens_at,
                                                    effective_at, due_at, status, last_sequence, updated_at)
                    select r, a, ?, 'CYCLE', '[]', now() - interval '1 hour', now() - interval '1 hour', ?, 'OPEN', 1, now()
                    from unnest(?::uuid[], ?::uuid[]) as t(r, a)""")) {
                insertAccounts.setString(1, area);
                insertAccounts.setArray(2, connection.createArrayOf("uuid", accounts));
                insertAccounts.setArray(3, connection.createArrayOf("text", administrators));
                insertAccounts.executeUpdate();
                insertRequests.setString(1, CYCLE);
                insertRequests.setTimestamp(2, Timestamp.from(due));
                insertRequests.setArray(3, connection.createArrayOf("uuid", requests));
                insertRequests.setArray(4, connection.createArrayOf("uuid", accounts));
                insertRequests.executeUpdate();
            }
            connection.commit();
            try (PreparedStatement analyze = connection.prepareStatement("analyze submitting_account, statistics_request")) {
                connection.setAutoCommit(true);
                analyze.execute();
            }
        }
        return targets;
    }

    private long count(String sql, String area) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, area);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** JDBC statements Hibernate prepared per request, one request at a time, statistics on only meanwhile. */
    record StatementCounts(double intake, double intakeTransactions, double readBack) {
    }

    private StatementCounts countStatements(Vertx vertx, HttpClient http) throws Exception {
        List<Target> targets = prepare(STATEMENT_SAMPLE, INTAKE_AREA);
        org.hibernate.stat.Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            List<String> ids = new ArrayList<>();
            for (Target target : targets) {
                Answer answer = sendIntake(http, target).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(answer.status()).as("intake answered 201").isEqualTo(201);
                ids.add(answer.id());
            }
            double intake = (double) statistics.getPrepareStatementCount() / targets.size();
            double transactions = (double) statistics.getTransactionCount() / targets.size();
            statistics.clear();
            for (int i = 0; i < ids.size(); i++) {
                String path = "/api/submissions/" + ids.get(i);
                String token = tokens[targets.get(i).administrator()];
                Answer answer = http.request(HttpMethod.GET, path).compose(request -> request.putHeader("Authorization", "Bearer " + token)
                                .send().compose(response -> response.body().map(body -> new Answer(response.statusCode(), null, null))))
                        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertThat(answer.status()).as("submission read back").isEqualTo(200);
            }
            double readBack = (double) statistics.getPrepareStatementCount() / targets.size();
            return new StatementCounts(intake, transactions, readBack);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    // --- the two endpoints ----------------------------------------------------------------------

    /** Sends one request; completes with its status, or the status and body when it is not 201. */
    interface Sender {
        Future<Answer> send(HttpClient http, Target target);
    }

    /** The status; the body when it is not 201; the id of what was created (from its Location) when it is. */
    record Answer(int status, String body, String id) {
    }

    private Future<Answer> sendIntake(HttpClient http, Target target) {
        Buffer body = Buffer.buffer("{\"requestId\": \"" + target.requestId() + "\", \"figures\": " + FIGURES + "}");
        return post(http, "/api/submissions", body, tokens[target.administrator()]);
    }

    private Future<Answer> sendBare(HttpClient http, Target target) {
        Buffer body = Buffer.buffer("{\"requestId\": \"" + target.requestId() + "\", \"accountId\": \"" + target.accountId()
                + "\", \"cycleId\": \"" + CYCLE + "\", \"network\": \"X\", \"dueAt\": \"" + target.dueAt()
                + "\", \"enteredBy\": \"" + administrator(target.administrator()) + "\", \"figures\": " + FIGURES + "}");
        return post(http, "/api/test/benchmark/bare-submissions", body, null);
    }

    private Future<Answer> post(HttpClient http, String path, Buffer body, String token) {
        return http.request(HttpMethod.POST, path).compose(request -> {
            request.putHeader("Content-Type", "application/json");
            if (token != null) {
                request.putHeader("Authorization", "Bearer " + token);
            }
            return request.send(body).compose(response -> response.body().map(content -> response.statusCode() == 201
                    ? new Answer(201, null, response.getHeader("Location").substring(response.getHeader("Location").lastIndexOf('/') + 1))
                    : new Answer(response.statusCode(), content.toString(), null)));
        });
    }

    // --- load -----------------------------------------------------------------------------------

    /**
     * {@value #IN_FLIGHT} requests in flight, each answer sending the next, for the warm-up and then
     * the measured window; counts the answers that arrive within the window.
     */
    private Outcome closedLoop(Vertx vertx, HttpClient http, List<Target> targets, Sender sender) throws Exception {
        AtomicInteger next = new AtomicInteger();
        String load = loadAverage();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(MEASURED_SECONDS);
        long[] answered = {0};
        long[] created = {0};
        long[] measured = {0};
        long[] lastMeasured = {measureFrom};
        List<String> refusals = new ArrayList<>();
        Promise<Void> done = Promise.promise();
        int[] running = {IN_FLIGHT};
        vertx.runOnContext(ignored -> {
            for (int lane = 0; lane < IN_FLIGHT; lane++) {
                new Object() {
                    void go() {
                        int index = next.getAndIncrement();
                        if (System.nanoTime() >= measureUntil || index >= targets.size()) {
                            if (--running[0] == 0) {
                                done.complete();
                            }
                            return;
                        }
                        sender.send(http, targets.get(index)).onComplete(result -> {
                            long now = System.nanoTime();
                            answered[0]++;
                            if (result.succeeded() && result.result().status() == 201) {
                                created[0]++;
                            } else if (refusals.size() < 5) {
                                refusals.add(result.succeeded() ? result.result().status() + " " + result.result().body()
                                        : result.cause().toString());
                            }
                            if (now >= measureFrom && now < measureUntil) {
                                measured[0]++;
                                lastMeasured[0] = now;
                            }
                            go();
                        });
                    }
                }.go();
            }
        });
        done.future().toCompletionStage().toCompletableFuture().get(WARM_UP_SECONDS + MEASURED_SECONDS + 120, TimeUnit.SECONDS);
        long answeredAll = answered[0];
        if (next.get() >= targets.size()) {
            System.out.printf("INTAKE BENCHMARK warning: the %d prepared requests ran out before the window ended%n",
                    targets.size());
        }
        double seconds = Math.max(1, lastMeasured[0] - measureFrom) / 1e9;
        return new Outcome(answeredAll, created[0], measured[0], seconds, refusals, load);
    }

    /**
     * (c) the database alone: {@value #IN_FLIGHT} threads, each inserting the bare endpoint's rows through the
     * service's own connection pool in a loop (no HTTP, no JSON), for the warm-up and then the measured window;
     * counts the commits that end within the window.
     */
    private Outcome jdbcLoop(List<Target> targets) throws Exception {
        String figuresJson = new ObjectMapper().writeValueAsString(new ObjectMapper().readValue(FIGURES, Map.class));
        AtomicInteger next = new AtomicInteger();
        String load = loadAverage();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(MEASURED_SECONDS);
        java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong created = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong measured = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong lastMeasured = new java.util.concurrent.atomic.AtomicLong(measureFrom);
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService lanes = java.util.concurrent.Executors.newFixedThreadPool(IN_FLIGHT);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < IN_FLIGHT; lane++) {
                running.add(lanes.submit(() -> {
                    while (true) {
                        int index = next.getAndIncrement();
                        if (System.nanoTime() >= measureUntil || index >= targets.size()) {
                            return null;
                        }
                        Target target = targets.get(index);
                        try {
                            insertRows(dataSource, new BareSubmission(target.requestId(), target.accountId(), CYCLE, "X",
                                    target.dueAt(), administrator(target.administrator()), null), figuresJson);
                            created.incrementAndGet();
                        } catch (SQLException | RuntimeException e) {
                            if (refusals.size() < 5) {
                                refusals.add(e.toString());
                            }
                        }
                        long now = System.nanoTime();
                        answered.incrementAndGet();
                        if (now >= measureFrom && now < measureUntil) {
                            measured.incrementAndGet();
                            lastMeasured.accumulateAndGet(now, Math::max);
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> lane : running) {
                lane.get(WARM_UP_SECONDS + MEASURED_SECONDS + 120, TimeUnit.SECONDS);
            }
        } finally {
            lanes.shutdownNow();
        }
        if (next.get() >= targets.size()) {
            System.out.printf("INTAKE BENCHMARK warning: the %d prepared requests ran out before the window ended%n", targets.size());
        }
        double seconds = Math.max(1, lastMeasured.get() - measureFrom) / 1e9;
        return new Outcome(answered.get(), created.get(), measured.get(), seconds, refusals, load);
    }

    /**
     * Request {@code i} is due at {@code start + i / rate}; its latency runs from that instant to
     * its answer, however late the client managed to send it (no coordinated omission). The first
     * {@code warmUp} requests are sent but not recorded.
     */
    private Outcome fixedRate(Vertx vertx, HttpClient http, List<Target> targets, double rate, long warmUp, Histogram latency)
            throws Exception {
        double intervalNanos = 1e9 / rate;
        String load = loadAverage();
        long[] answered = {0};
        long[] created = {0};
        long[] measured = {0};
        List<String> refusals = new ArrayList<>();
        Promise<Void> done = Promise.promise();
        int[] sent = {0};
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        vertx.runOnContext(ignored -> vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (sent[0] < targets.size()) {
                int index = sent[0];
                long intended = start + (long) (index * intervalNanos);
                if (intended > now) {
                    break;
                }
                sent[0]++;
                if (sent[0] == targets.size()) {
                    vertx.cancelTimer(timer);
                }
                sendIntake(http, targets.get(index)).onComplete(result -> {
                    long answeredAt = System.nanoTime();
                    answered[0]++;
                    if (result.succeeded() && result.result().status() == 201) {
                        created[0]++;
                    } else if (refusals.size() < 5) {
                        refusals.add(result.succeeded() ? result.result().status() + " " + result.result().body()
                                : result.cause().toString());
                    }
                    if (index >= warmUp) {
                        latency.recordValue(Math.min(latency.getHighestTrackableValue(),
                                TimeUnit.NANOSECONDS.toMicros(answeredAt - intended)));
                        measured[0]++;
                    }
                    if (answered[0] == targets.size()) {
                        done.complete();
                    }
                });
            }
        }));
        done.future().toCompletionStage().toCompletableFuture().get(targets.size() / (long) rate + 180, TimeUnit.SECONDS);
        return new Outcome(answered[0], created[0], measured[0], (targets.size() - warmUp) / rate, refusals, load);
    }

    /** Samples {@code pg_stat_activity} every 20 ms: which statements the backends are running or waiting in. */
    static final class DatabaseActivity implements Runnable {
        private final DataSource dataSource;
        private final Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean running = true;
        private final Thread thread;

        private DatabaseActivity(DataSource dataSource) {
            this.dataSource = dataSource;
            this.thread = Thread.ofPlatform().name("benchmark-database-activity").daemon().start(this);
        }

        static DatabaseActivity start(DataSource dataSource) {
            return new DatabaseActivity(dataSource);
        }

        @Override
        public void run() {
            try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                    select coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' | ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                    from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'""")) {
                while (running) {
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            seen.merge(rows.getString(1), 1, Integer::sum);
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                System.out.println("INTAKE BENCHMARK database sampling stopped: " + e);
            }
        }

        void stopAndPrint() throws InterruptedException {
            running = false;
            thread.join();
            seen.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(entry -> System.out.printf("INTAKE BENCHMARK database %6d %s%n", entry.getValue(), entry.getKey()));
        }
    }

    // --- the figures ----------------------------------------------------------------------------

    private static Outcome best(List<Outcome> outcomes) {
        return outcomes.stream().max(java.util.Comparator.comparingDouble(Outcome::throughput)).orElseThrow();
    }

    private static void report(StatementCounts statements, List<Outcome> database, List<Outcome> bare, List<Outcome> intake,
                               double rate, Outcome fixed, Histogram latency) {
        Outcome bestDatabase = best(database);
        Outcome bestBare = best(bare);
        Outcome bestIntake = best(intake);
        System.out.println("INTAKE BENCHMARK ------------------------------------------------------------");
        System.out.printf("INTAKE BENCHMARK machine: %d cores (%s), %s, JVM %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("INTAKE BENCHMARK setup: X accounts with an open cycle request each, %d administrators in all%n",
                ADMINISTRATORS);
        System.out.printf("INTAKE BENCHMARK closed loop: %d in flight over %d HTTP/1.1 keep-alive connections, warm-up %d s, "
                + "measured %d s, %d rounds of (c) then (b) then (a)%n", IN_FLIGHT, IN_FLIGHT, WARM_UP_SECONDS, MEASURED_SECONDS, ROUNDS);
        System.out.printf("INTAKE BENCHMARK SQL statements per request (Hibernate statistics, %d sequential requests each): "
                + "(a) intake %.1f in %.1f transactions, of which reading the answer back (as GET /api/submissions/{id}) %.1f; "
                + "(b) bare 2 in 1 transaction (plain JDBC)%n", STATEMENT_SAMPLE, statements.intake(), statements.intakeTransactions(),
                statements.readBack());
        for (int round = 0; round < bare.size(); round++) {
            System.out.printf("INTAKE BENCHMARK round %d: (c) %6.0f inserts/s [load average %s], (b) %6.0f req/s [load average %s],"
                            + " (a) %6.0f submissions/s [load average %s]%n", round + 1, database.get(round).throughput(),
                    database.get(round).load(), bare.get(round).throughput(), bare.get(round).load(), intake.get(round).throughput(),
                    intake.get(round).load());
        }
        System.out.printf("INTAKE BENCHMARK (c) database alone : %8.0f inserts/s (best window: %d committed in %.1f s)%n",
                bestDatabase.throughput(), bestDatabase.measured(), bestDatabase.seconds());
        System.out.printf("INTAKE BENCHMARK (b) bare insert    : %8.0f req/s (best window: %d answered in %.1f s)%n",
                bestBare.throughput(), bestBare.measured(), bestBare.seconds());
        System.out.printf("INTAKE BENCHMARK (a) intake         : %8.0f submissions/s (best window: %d answered in %.1f s)%n",
                bestIntake.throughput(), bestIntake.measured(), bestIntake.seconds());
        System.out.printf("INTAKE BENCHMARK ratio a/b          : %8.1f %%%n", 100 * bestIntake.throughput() / bestBare.throughput());
        System.out.printf("INTAKE BENCHMARK ratio b/c          : %8.1f %%%n", 100 * bestBare.throughput() / bestDatabase.throughput());
        System.out.printf("INTAKE BENCHMARK (a) at a fixed %.0f submissions/s for %.1f s (%d recorded, from intended send time, "
                        + "load average %s): p50 %.2f ms, p99 %.2f ms, p999 %.2f ms, max %.2f ms%n",
                rate, fixed.seconds(), fixed.measured(), fixed.load(), latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3, latency.getMaxValue() / 1e3);
        System.out.println("INTAKE BENCHMARK ------------------------------------------------------------");

        String section = "Submission intake (submissions-service)";
        String closed = String.format(Locale.ROOT, "closed loop, %d in flight, best of %d × %d s", IN_FLIGHT, ROUNDS, MEASURED_SECONDS);
        double a = bestIntake.throughput();
        double b = bestBare.throughput();
        BenchmarkFigures.recordAgainst(section, "(a) intake: token, validation, outbox (" + closed + ")", a, "submissions/s", b,
                "(b) bare endpoint", "≥ 70 % of (b) and ≥ 1,000/s", a >= 0.7 * b && a >= 1_000);
        BenchmarkFigures.recordAgainst(section, "(b) bare endpoint: the same two rows over HTTP (" + closed + ")", b,
                "submissions/s", bestDatabase.throughput(), "(c) database alone", "", null);
        BenchmarkFigures.record(section, "(c) database alone: the same rows, plain JDBC loop, same pool (" + closed + ")",
                bestDatabase.throughput(), "submissions/s", "", null);
        String fixedRate = String.format(Locale.ROOT, "(a) at a fixed %,.0f/s (half its maximum) for %.0f s, from intended send time",
                rate, fixed.seconds());
        BenchmarkFigures.record(section, fixedRate + ": p50", latency.getValueAtPercentile(50) / 1e3, "ms", "", null);
        BenchmarkFigures.record(section, fixedRate + ": p99", latency.getValueAtPercentile(99) / 1e3, "ms", "", null);
        BenchmarkFigures.record(section, fixedRate + ": p999", latency.getValueAtPercentile(99.9) / 1e3, "ms", "", null);
    }

    /** The 1-minute load average when a phase starts: other work on a shared machine shows here. */
    private static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (java.io.IOException e) {
            return "unknown CPU";
        }
    }
}
