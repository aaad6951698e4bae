package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The local stack as a user gets it: embedded PostgreSQL and Kafka, the four packaged services as
 * real {@code java -jar} processes on free ports, demo data; then an account registered in
 * accounts-service followed into the three other services, the refusals, and a stop that leaves no
 * process behind. The services' {@code quarkus-run.jar}s must be built (the reactor builds them
 * before this module).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackSystemTest {

    private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(10);

    private final ApiClient api = new ApiClient();
    private LocalStack stack;
    private String cncs;
    private final List<ProcessHandle> startedProcesses = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    @Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
    void startTheStack() throws IOException {
        SystemTestStacks.Started started = SystemTestStacks.start("local-stack-system-test");
        stack = started.stack();
        ports.addAll(started.ports());
        Path data = stack.options().dataDirectory();
        cncs = stack.tokens().forRole("cncs");
        stack.services().forEach(service -> startedProcesses.add(service.handle()));
        List<String> postmaster = Files.readAllLines(data.resolve("postgres/postmaster.pid"));
        ProcessHandle.of(Long.parseLong(postmaster.get(0).trim())).ifPresent(startedProcesses::add);
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsReadyAndDocumented() {
        assertThat(stack.services()).hasSize(4);
        for (ServiceProcess service : stack.services()) {
            assertThat(service.isAlive()).as(service.name() + " alive").isTrue();
            assertThat(api.statusOf(service.managementUri().resolve("/q/health/ready"))).as(service.name() + " ready").isEqualTo(200);
            assertThat(api.statusOf(service.managementUri().resolve("/q/health/live"))).as(service.name() + " live").isEqualTo(200);
            ApiClient.Response metrics = api.getText(service.managementUri().resolve("/q/metrics"));
            assertThat(metrics.status()).as(service.name() + " metrics").isEqualTo(200);
            assertThat(metrics.body()).as(service.name() + " metrics").contains("outbox_oldest_unpublished_age_seconds");
            assertThat(api.statusOf(service.uri().resolve("/q/health/ready"))).as(service.name() + " health not on the API port")
                    .isEqualTo(404);
            assertThat(api.statusOf(service.uri().resolve("/q/openapi"))).as(service.name() + " OpenAPI").isEqualTo(200);
        }
        StartupReport report = stack.report();
        assertThat(report.services()).allSatisfy(figures -> {
            assertThat(figures.toReady()).isPositive();
            assertThat(figures.residentKiB()).isPositive();
        });
        assertThat(stack.tokens().envFile()).content()
                .contains("CNCS_TOKEN=ey", "ACCOUNT_ADMIN_TOKEN=ey", "AREA_HEAD_TOKEN=ey", "COMMITTEE_TOKEN=ey",
                        "TRANSPARENCY_TOKEN=ey", "INTEGRATION_TOKEN=ey");
        assertThat(stack.options().dataDirectory().resolve("jwt/public-key.pem")).content()
                .startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    @Order(1)
    void theDashboardSignsABrowserInAsADemoIdentity() throws Exception {
        // As a browser would: no session → the sign-in page, which lists the demo people of tokens.json; choosing
        // the cncs one sets the session cookie and opens the dashboard.
        java.net.URI reporting = stack.serviceUri("reporting-service");
        var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var anonymous = http.send(java.net.http.HttpRequest.newBuilder(reporting.resolve("/operations")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/operations/sign-in"));
        var signInPage = http.send(java.net.http.HttpRequest.newBuilder(reporting.resolve("/operations/sign-in")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(signInPage.body()).contains("medios.alternativos@ine.mx", "comite.gestion@ine.mx");
        var signedIn = http.send(java.net.http.HttpRequest.newBuilder(reporting.resolve("/operations/sign-in/demo"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("person=medios.alternativos%40ine.mx")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        var dashboard = http.send(java.net.http.HttpRequest.newBuilder(reporting.resolve("/operations")).header("Cookie", cookie).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Tablero de operación de la CNCS", "medios.alternativos@ine.mx");
    }

    @Test
    @Order(1)
    void theDatabaseCommitsDurably() throws java.sql.SQLException {
        // The first command is a real way to run the system: an answered 201 survives a crash.
        try (var connection = java.sql.DriverManager.getConnection(stack.jdbcUrl("accounts"), "accounts", "accounts");
             var statement = connection.createStatement()) {
            for (String setting : List.of("synchronous_commit", "fsync")) {
                try (var rows = statement.executeQuery("show " + setting)) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    @Order(1)
    void productionRefusesToStartWithoutDatabaseCredentials() throws Exception {
        ServiceProcess.Service accounts = ServiceProcess.SERVICES.getFirst();
        Path jar = accounts.jar(stack.options().repository());
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(stack.options().logsDirectory().resolve("prod-without-database.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("QUARKUS_"));
        // Everything else a production start needs, so that only the database is missing.
        env.put("QUARKUS_PROFILE", "prod");
        env.put("HTTP_PORT", Integer.toString(SystemTestStacks.freePort()));
        env.put("MANAGEMENT_PORT", Integer.toString(SystemTestStacks.freePort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", stack.options().dataDirectory().resolve("jwt/public-key.pem").toString());
        env.put("LOG_JSON", "false");
        Process process = builder.start();
        boolean ended;
        try {
            ended = process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(stack.options().logsDirectory().resolve("prod-without-database.log"));
        assertThat(ended).as("a start without a database ends by itself; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isNotZero();
        // ${DATABASE_URL} has no default in the prod profile: the datasource has no URL, the start fails.
        assertThat(output).contains("Failed to start", "quarkus.datasource.jdbc.url");
    }

    @Test
    @Order(2)
    void demoDataIsLoaded() {
        ApiClient.Response accounts = api.get(accountsService().resolve("/api/accounts?size=500"), cncs);
        assertThat(accounts.status()).as(accounts.toString()).isEqualTo(200);
        assertThat(accounts.json().path("items")).anySatisfy(account -> {
            assertThat(account.path("network").asText()).isEqualTo("X");
            assertThat(account.path("handle").asText().replaceFirst("^@", "")).isEqualToIgnoringCase("INEMexico");
            assertThat(account.path("areaCode").asText()).isEqualTo("CNCS");
        });
        assertThat(accounts.json().path("total").asInt()).isGreaterThanOrEqualTo(DemoData.ACCOUNTS.size());

        ApiClient.Response district = api.get(accountsService().resolve("/api/areas/JDE-CHIS-03"), cncs);
        assertThat(district.status()).as(district.toString()).isEqualTo(200);
        assertThat(district.json().path("parentCode").asText()).isEqualTo("JLE-CHIS");
        assertThat(district.json().path("level").asText()).isEqualTo("DISTRICT");
    }

    @Test
    @Order(3)
    void anAccountRegisteredOverRestReachesTheOtherThreeServices() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String areaCode = "JDE-CHIS-" + suffix;
        ApiClient.Response area = api.postJson(accountsService().resolve("/api/areas"), cncs, Map.of(
                "code", areaCode, "name", "Junta Distrital de prueba " + suffix, "level", "DISTRICT",
                "state", 7, "district", 12, "parentCode", "JLE-CHIS"));
        assertThat(area.status()).as(area.toString()).isEqualTo(201);

        String handle = "ine_" + suffix.toLowerCase(Locale.ROOT);
        ApiClient.Response account = api.postJson(accountsService().resolve("/api/accounts"), cncs, Map.of(
                "network", "X", "handle", "@" + handle, "displayName", "INE prueba " + suffix,
                "kind", "INSTITUTIONAL", "areaCode", areaCode));
        long registered = System.nanoTime();
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        String id = account.json().path("id").asText();

        Map<String, JsonNode> projections = new ConcurrentHashMap<>();
        Map<String, Long> latency = new ConcurrentHashMap<>();
        Map<String, String> lastAnswer = new ConcurrentHashMap<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture.allOf(Stream.of("submissions-service", "evaluation-service", "reporting-service")
                    .map(service -> CompletableFuture.runAsync(() -> {
                        URI uri = stack.serviceUri(service).resolve("/api/registry/accounts/" + id);
                        long deadline = registered + PROPAGATION_TIMEOUT.toNanos();
                        while (System.nanoTime() < deadline) {
                            ApiClient.Response response = api.get(uri, cncs);
                            lastAnswer.put(service, response.toString());
                            if (response.status() == 200) {
                                latency.put(service, Duration.ofNanos(System.nanoTime() - registered).toMillis());
                                projections.put(service, response.json());
                                return;
                            }
                            SystemTestStacks.pause(Duration.ofMillis(20));
                        }
                    }, threads))
                    .toArray(CompletableFuture[]::new)).join();
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        latency.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> ordered.put(e.getKey(), e.getValue()));
        System.out.println("Account " + id + " seen after the 201 (ms): " + ordered);

        assertThat(projections).as("services that show account %s within %s s; last answers %s", id,
                PROPAGATION_TIMEOUT.toSeconds(), lastAnswer)
                .containsOnlyKeys("submissions-service", "evaluation-service", "reporting-service");
        projections.forEach((service, json) -> {
            assertThat(json.path("accountId").asText()).as(service).isEqualTo(id);
            assertThat(json.path("network").asText()).as(service).isEqualTo("X");
            assertThat(json.path("handle").asText().replaceFirst("^@", "")).as(service).isEqualToIgnoringCase(handle);
            assertThat(json.path("areaCode").asText()).as(service).isEqualTo(areaCode);
        });
    }

    @Test
    @Order(4)
    void aNewUserFindsDecommissionsVerifiesAndIsRefusedByRoleAndObject() {
        URI accounts = accountsService();
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        ApiClient.Response registered = api.postJson(accounts.resolve("/api/accounts"), cncs, Map.of(
                "url", "https://www.instagram.com/ine_chis_" + suffix + "/?hl=es", "displayName", "INE Chiapas " + suffix,
                "kind", "INSTITUTIONAL", "areaCode", "JDE-CHIS-03"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().path("id").asText();

        for (String filter : List.of("network=INSTAGRAM", "area=JLE-CHIS", "level=DISTRICT", "state=7", "status=ACTIVE",
                "kind=INSTITUTIONAL", "withoutAdministrator=true", "q=chiapas%20" + suffix)) {
            ApiClient.Response found = api.get(accounts.resolve("/api/accounts?size=500&" + filter), cncs);
            assertThat(found.json().path("items").findValuesAsText("id")).as(filter).contains(id);
        }

        ApiClient.Response baja = api.postJson(accounts.resolve("/api/accounts/" + id + "/decommission"), cncs, Map.of(
                "decommissionedOn", java.time.LocalDate.now(java.time.ZoneId.of("America/Mexico_City")).toString(),
                "reason", "Cuenta duplicada"));
        assertThat(baja.status()).as(baja.toString()).isEqualTo(200);
        ApiClient.Response verify = api.get(accounts.resolve("/api/public/verify?url=instagram.com/INE_CHIS_" + suffix), null);
        assertThat(verify.json().path("verdict").asText()).as(verify.toString()).isEqualTo("FORMER");
        ApiClient.Response official = api.get(accounts.resolve("/api/public/verify?url=https://twitter.com/INEMexico"), null);
        assertThat(official.json().path("verdict").asText()).as(official.toString()).isEqualTo("OFFICIAL");

        ApiClient.Response history = api.get(accounts.resolve("/api/accounts/" + id + "/history"), cncs);
        assertThat(history.json().path("changes").findValuesAsText("change")).containsExactly("REGISTERED", "DECOMMISSIONED");

        String admin = stack.tokens().forRole("account-admin");
        ApiClient.Response mine = api.get(accounts.resolve("/api/accounts?size=500"), admin);
        assertThat(mine.json().path("items").findValuesAsText("areaCode")).isNotEmpty().containsOnly("JLE-CHIS");
        assertThat(api.get(accounts.resolve("/api/accounts/" + id), admin).status()).isEqualTo(404);
        ApiClient.Response head = api.get(accounts.resolve("/api/accounts?size=500"), stack.tokens().forRole("area-head"));
        assertThat(head.json().path("items").findValuesAsText("areaCode")).contains("JLE-CHIS", "JDE-CHIS-03")
                .doesNotContain("CNCS");
        assertThat(api.postJson(accounts.resolve("/api/accounts/" + id + "/decommission"), admin,
                Map.of("decommissionedOn", "2026-01-01", "reason", "x")).status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void theSimulationClockMovesEveryServiceAndMailReachesTheMailbox() throws Exception {
        for (String service : List.of("accounts-service", "submissions-service", "evaluation-service", "reporting-service")) {
            ApiClient.Response advanced = api.postJson(stack.serviceUri(service).resolve("/api/simulation/clock/advance"), cncs,
                    Map.of("duration", "PT1H"));
            assertThat(advanced.status()).as(service + ": " + advanced).isEqualTo(200);
            assertThat(Duration.parse(advanced.json().path("offset").asText())).as(service).isGreaterThanOrEqualTo(Duration.ofHours(1));
        }
        // Kept for a service restarted on its own, so that it rejoins the others' simulated time.
        Path offsetFile = stack.options().dataDirectory().resolve("simulation-offset");
        assertThat(Duration.parse(Files.readString(offsetFile).strip())).isGreaterThanOrEqualTo(Duration.ofHours(1));
        // Opening a cycle sends each administrator a notice: in business time at once, else the next morning.
        ApiClient.Response cycle = api.postJson(stack.serviceUri("evaluation-service").resolve("/api/cycles"), cncs,
                Map.of("id", "2025-S1"));
        // The data directory is deleted before the stack starts and nothing else opens cycles, so this
        // request is the first for 2025-S1: a 409 would mean a cycle was opened behind the test's back.
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(201);
        assertThat(cycle.json().path("id").asText()).isEqualTo("2025-S1");
        URI evaluation = stack.serviceUri("evaluation-service");
        ApiClient.Response notifications = api.get(evaluation.resolve("/api/notifications"), cncs);
        assertThat(notifications.json().findValuesAsText("kind")).as(notifications.toString()).contains("REQUEST_ISSUED");
        // Move the evaluation-service's clock to when the first notice may leave (business time).
        // A list is a page ({items, page, size, total}); a bare array before every list was paged.
        JsonNode notices = notifications.json().isArray() ? notifications.json() : notifications.json().path("items");
        java.time.Instant notBefore = java.time.Instant.parse(notices.get(0).path("notBefore").asText());
        java.time.Instant now = java.time.Instant.parse(api.get(evaluation.resolve("/api/simulation/clock"), cncs).json().path("now").asText());
        if (notBefore.isAfter(now)) {
            ApiClient.Response advanced = api.postJson(evaluation.resolve("/api/simulation/clock/advance"), cncs,
                    Map.of("duration", Duration.between(now, notBefore).plusSeconds(1).toString()));
            assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !hasMail(stack.mailbox())) {
            SystemTestStacks.pause(Duration.ofMillis(250));
        }
        assertThat(hasMail(stack.mailbox())).as("a notice in %s", stack.mailbox()).isTrue();
    }

    private static boolean hasMail(Path mailbox) throws IOException {
        if (!Files.isDirectory(mailbox)) {
            return false;
        }
        try (Stream<Path> files = Files.list(mailbox)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".eml"));
        }
    }

    @Test
    @Order(6)
    void refusalsAreProblemJson() {
        ApiClient.Response anonymous = api.get(accountsService().resolve("/api/accounts"), null);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);

        ApiClient.Response integration = api.postJson(accountsService().resolve("/api/accounts"),
                stack.tokens().forRole("integration"), Map.of("network", "X", "handle", "@intruso",
                        "displayName", "Intruso", "kind", "INSTITUTIONAL", "areaCode", "CNCS"));
        assertThat(integration.status()).as(integration.toString()).isEqualTo(403);
        assertThat(integration.contentType()).startsWith("application/problem+json");

        for (String service : List.of("submissions-service", "evaluation-service", "reporting-service")) {
            ApiClient.Response response = api.get(
                    stack.serviceUri(service).resolve("/api/registry/accounts/" + UUID.randomUUID()), null);
            assertThat(response.status()).as(service + ": " + response).isEqualTo(401);
        }
    }

    /**
     * The README's "Try it" block, run as written (ReadmeWalkThrough), and what each of its comments
     * claims. Last before the stop: it moves every clock 19 days forward.
     */
    @Test
    @Order(7)
    void theReadmeWalkThroughRunsAsWrittenAndDoesWhatItsCommentsSay() throws Exception {
        List<String> commands = ReadmeWalkThrough.commands(stack.options().repository().resolve("README.md"));
        List<ReadmeWalkThrough.Step> steps = ReadmeWalkThrough.run(commands, stack.options().repository(),
                stack.options().dataDirectory(), stack.options().basePort());
        steps.forEach(step -> assertThat(step.status()).as("%s", step).isZero());

        // The registry; every list is a page.
        ReadmeWalkThrough.Step areas = ReadmeWalkThrough.step(steps, "/api/areas");
        assertThat(areas.items()).as("%s", areas).extracting(area -> area.path("code").asText())
                .contains("CNCS", "JLE-CHIS", "JDE-CHIS-03");
        ReadmeWalkThrough.Step demoAccounts = ReadmeWalkThrough.step(steps, "/api/accounts?size=20");
        assertThat(demoAccounts.json().path("total").asInt()).as("%s", demoAccounts)
                .isGreaterThanOrEqualTo(DemoData.ACCOUNTS.size());
        assertThat(demoAccounts.items()).as("%s", demoAccounts).hasSizeGreaterThanOrEqualTo(DemoData.ACCOUNTS.size());

        // Register an account; it reaches the three other services within a second.
        ReadmeWalkThrough.Step threads = ReadmeWalkThrough.step(steps, "\"network\":\"THREADS\"", "/api/accounts");
        String threadsId = threads.id();
        assertThat(threadsId).as("%s", threads).matches("[0-9a-f-]{36}");
        ReadmeWalkThrough.Step projections = ReadmeWalkThrough.step(steps, "for port in");
        List<JsonNode> seen = new ArrayList<>();
        for (String line : projections.output().strip().split("\n")) {
            seen.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
        }
        assertThat(seen).as("%s", projections).hasSize(3).allSatisfy(account -> {
            assertThat(account.path("accountId").asText()).isEqualTo(threadsId);
            assertThat(account.path("network").asText()).isEqualTo("THREADS");
        });

        // Another account by URL: found by filters, decommissioned today, FORMER in the public check.
        ReadmeWalkThrough.Step pasted = ReadmeWalkThrough.step(steps, "\"url\":\"https://www.threads.net/");
        String pastedId = pasted.id();
        assertThat(pastedId).as("%s", pasted).matches("[0-9a-f-]{36}").isNotEqualTo(threadsId);
        ReadmeWalkThrough.Step found = ReadmeWalkThrough.step(steps, "network=THREADS&area=CNCS&status=ACTIVE");
        assertThat(found.items()).as("%s", found).extracting(account -> account.path("id").asText()).containsExactly(pastedId);
        ReadmeWalkThrough.Step baja = ReadmeWalkThrough.step(steps, "/decommission");
        assertThat(baja.json().path("status").asText()).as("%s", baja).isEqualTo("DECOMMISSIONED");
        ReadmeWalkThrough.Step verify = ReadmeWalkThrough.step(steps, "/api/public/verify");
        assertThat(verify.json().path("verdict").asText()).as("%s", verify).isEqualTo("FORMER");
        ReadmeWalkThrough.Step history = ReadmeWalkThrough.step(steps, "/history");
        assertThat(history.json().path("changes").findValuesAsText("change")).as("%s", history)
                .containsExactly("REGISTERED", "DECOMMISSIONED");
        ReadmeWalkThrough.Step mine = ReadmeWalkThrough.step(steps, "$ACCOUNT_ADMIN_TOKEN\" 'localhost:8081");
        assertThat(mine.items()).as("%s", mine).hasSize(2)
                .allSatisfy(account -> assertThat(account.path("areaCode").asText()).isEqualTo("JLE-CHIS"));
        ReadmeWalkThrough.Step notMine = ReadmeWalkThrough.step(steps, "$ACCOUNT_ADMIN_TOKEN\" localhost:8081");
        assertThat(notMine.json().path("status").asInt()).as("%s", notMine).isEqualTo(404);

        // The calendar.
        ReadmeWalkThrough.Step holiday = ReadmeWalkThrough.step(steps, "/api/calendar/non-working-days");
        assertThat(holiday.json().path("day").asText()).as("%s", holiday).isEqualTo("2026-12-11");
        ReadmeWalkThrough.Step process = ReadmeWalkThrough.step(steps, "/api/calendar/electoral-processes");
        assertThat(process.json().path("id").asText()).as("%s", process).isNotBlank();
        ReadmeWalkThrough.Step deadline = ReadmeWalkThrough.step(steps, "/api/calendar/deadline");
        assertThat(deadline.json().path("dueAtLocal").asText()).as("%s", deadline).isEqualTo("2026-12-20T23:59:59-06:00");
        assertThat(deadline.json().path("days")).as("%s", deadline).anySatisfy(day -> {
            assertThat(day.path("date").asText()).isEqualTo("2026-12-11");
            assertThat(day.path("counted").asBoolean()).isTrue();
        });

        // The cycle: notices leave at once inside the electoral process, terms start then.
        ReadmeWalkThrough.Step cycle = ReadmeWalkThrough.step(steps, "{\"id\":\"2026-S1\"}");
        assertThat(cycle.json().path("id").asText()).as("%s", cycle).isEqualTo("2026-S1");
        ReadmeWalkThrough.Step progress = ReadmeWalkThrough.step(steps, "/progress", "every request missing");
        JsonNode total = progress.json().path("total");
        assertThat(total.path("requested").asInt()).as("%s", progress).isPositive();
        assertThat(total.path("missing").asInt()).as("%s", progress).isEqualTo(total.path("requested").asInt());
        assertThat(total.path("overdue").asInt()).as("%s", progress).isZero();
        ReadmeWalkThrough.Step requests = ReadmeWalkThrough.step(steps, "localhost:8083/api/requests?cycle=2026-S1");
        // Besides the THREADS account, the accounts earlier tests registered have no administrator either.
        assertThat(requests.items()).as("%s", requests).isNotEmpty().allSatisfy(request ->
                assertThat(request.path("noticeSentAt").isNull()).as("noticeSentAt unless awaiting: %s", request)
                        .isEqualTo(request.path("awaitingAdministrator").asBoolean()));
        assertThat(requests.items()).as("%s", requests).filteredOn(request -> request.path("accountId").asText().equals(threadsId))
                .singleElement().satisfies(request -> assertThat(request.path("awaitingAdministrator").asBoolean()).isTrue());
        long notified = requests.items().stream().filter(request -> !request.path("noticeSentAt").isNull()).count();
        assertThat(notified).as("the demo accounts' requests, notified").isGreaterThanOrEqualTo(DemoData.ACCOUNTS.size());
        ReadmeWalkThrough.Step escalated = ReadmeWalkThrough.step(steps, "status=ESCALATED");
        List<JsonNode> escalatedNow = escalated.items().stream()
                .filter(request -> request.path("cycleId").asText().equals("2026-S1")).toList();
        assertThat(escalatedNow).as("%s", escalated).hasSize((int) notified).allSatisfy(request -> {
            assertThat(request.path("headNoticeSentAt").isNull()).as("head's notice: %s", request).isFalse();
            java.time.Instant sent = java.time.Instant.parse(request.path("headNoticeSentAt").asText());
            java.time.Instant attendBy = java.time.Instant.parse(request.path("attendBy").asText());
            assertThat(Duration.between(sent, attendBy)).as("2 business days: %s", request)
                    .isBetween(Duration.ofDays(2), Duration.ofDays(3));
        });
        ReadmeWalkThrough.Step reported = ReadmeWalkThrough.step(steps, "status=REPORTED");
        assertThat(reported.items().stream().filter(request -> request.path("cycleId").asText().equals("2026-S1"))
                .map(request -> request.path("id").asText()).toList())
                .as("%s", reported)
                .containsExactlyInAnyOrderElementsOf(escalatedNow.stream().map(request -> request.path("id").asText()).toList());
        ReadmeWalkThrough.Step mailbox = ReadmeWalkThrough.step(steps, "ls .local-stack/mailbox");
        assertThat(mailbox.output()).as("%s", mailbox)
                .contains("Requerimiento_de_estad", "Cuenta_sin_administrador", "Plazo_vencido", "Requerimiento_no_atendido")
                .doesNotContain("Recordatorio");
        ReadmeWalkThrough.Step timers = ReadmeWalkThrough.step(steps, "/api/operations/timers");
        assertThat(timers.json().isContainerNode()).as("%s", timers).isTrue();

        // Submissions: the X form, its warning, a correction and its difference, a Facebook screenshot, an oficio.
        ReadmeWalkThrough.Step xRequest = ReadmeWalkThrough.step(steps, "one request: form X");
        assertThat(xRequest.items()).as("%s", xRequest).singleElement().satisfies(request -> {
            assertThat(request.path("form").asText()).isEqualTo("X");
            assertThat(request.path("handle").asText()).isEqualToIgnoringCase("INEMexico");
            assertThat(request.path("fields").findValuesAsText("letter")).contains("A", "B", "C", "D", "E", "F", "G", "H");
            assertThat(request.path("overdue").asBoolean()).isTrue();
        });
        ReadmeWalkThrough.Step submitted = ReadmeWalkThrough.step(steps, "impressions\\\":1200");
        assertThat(submitted.json().path("currentVersion").asInt()).as("%s", submitted).isEqualTo(1);
        assertThat(submitted.json().path("late").asBoolean()).as("%s", submitted).isTrue();
        assertThat(submitted.json().path("versions").get(0).path("warnings").findValuesAsText("code"))
                .as("%s", submitted).containsExactly("IMPRESSIONS_BELOW_POSTS");
        // The evaluation: its provisional score, the suggested observation issued, its notice and term.
        ReadmeWalkThrough.Step score = ReadmeWalkThrough.step(steps, "/score");
        assertThat(score.json().path("provisional").asBoolean()).as("%s", score).isTrue();
        assertThat(score.json().path("subScores").size()).as("%s", score).isPositive();
        ReadmeWalkThrough.Step issued = ReadmeWalkThrough.step(steps, "localhost:8083/api/observations/$OBS ");
        assertThat(issued.json().path("status").asText()).as("%s", issued).isEqualTo("ISSUED");
        assertThat(issued.json().path("noticeSentAt").isNull()).as("the notice left: %s", issued).isFalse();
        assertThat(issued.json().path("fields").toString()).as("%s", issued).contains("impressions", "posts");
        java.time.Instant observationNotice = java.time.Instant.parse(issued.json().path("noticeSentAt").asText());
        // Inside the electoral process: 2 days from the notice, to 23:59:59 of the second (Mexico City).
        java.time.LocalDate noticeDay = observationNotice.atZone(java.time.ZoneId.of("America/Mexico_City")).toLocalDate();
        assertThat(issued.json().path("dueAtLocal").asText()).as("%s", issued)
                .isEqualTo(noticeDay.plusDays(2) + "T23:59:59-06:00");
        String observationId = issued.json().path("id").asText();
        ReadmeWalkThrough.Step corrected = ReadmeWalkThrough.step(steps, "/versions");
        assertThat(corrected.json().path("versions").get(1).path("answersObservationId").asText()).as("%s", corrected)
                .isEqualTo(observationId);
        assertThat(corrected.json().path("currentVersion").asInt()).as("%s", corrected).isEqualTo(2);
        assertThat(corrected.json().path("versions").get(1).path("warnings").isEmpty()).as("%s", corrected).isTrue();
        ReadmeWalkThrough.Step both = ReadmeWalkThrough.step(steps, "INEMEXICO_ADMIN_TOKEN\" localhost:8082/api/submissions/$SUB");
        JsonNode change = both.json().path("versions").get(1).path("changes").get(0);
        assertThat(change.path("field").asText()).as("%s", both).isEqualTo("figures.impressions");
        assertThat(change.path("from").asLong()).as("%s", both).isEqualTo(1200);
        assertThat(change.path("to").asLong()).as("%s", both).isEqualTo(4_812_330);
        ReadmeWalkThrough.Step foreign = ReadmeWalkThrough.step(steps, "ACCOUNT_ADMIN_TOKEN\" localhost:8082/api/submissions/$SUB");
        assertThat(foreign.json().path("status").asInt()).as("%s", foreign).isEqualTo(404);
        ReadmeWalkThrough.Step resolved = ReadmeWalkThrough.step(steps, "$OBS/resolution");
        assertThat(resolved.json().path("status").asText()).as("%s", resolved).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("answer").path("onTime").asBoolean()).as("%s", resolved).isTrue();
        ReadmeWalkThrough.Step recommended = ReadmeWalkThrough.step(steps, "/recommendations");
        assertThat(recommended.json().path("status").asText()).as("%s", recommended).isEqualTo("PENDING");
        ReadmeWalkThrough.Step completed = ReadmeWalkThrough.step(steps, "/completion");
        assertThat(completed.json().path("status").asText()).as("%s", completed).isEqualTo("COMPLETED");
        assertThat(completed.json().path("score").path("provisional").asBoolean()).as("%s", completed).isFalse();
        ReadmeWalkThrough.Step upload = ReadmeWalkThrough.step(steps, "-F file=@deploy/demo/");
        assertThat(upload.items()).as("%s", upload).singleElement().satisfies(file -> {
            assertThat(file.path("contentType").asText()).isEqualTo("image/png");
            assertThat(file.path("sha256").asText()).hasSize(64);
        });
        ReadmeWalkThrough.Step facebook = ReadmeWalkThrough.step(steps, "\\\"evidence\\\":[");
        assertThat(facebook.json().path("versions").get(0).path("evidence").findValuesAsText("contentType"))
                .as("%s", facebook).containsExactly("image/png");
        ReadmeWalkThrough.Step oficio = ReadmeWalkThrough.step(steps, "OFICIO");
        JsonNode enteredBy = oficio.json().path("versions").get(0).path("enteredBy");
        assertThat(enteredBy.path("onBehalf").asBoolean()).as("%s", oficio).isTrue();
        assertThat(enteredBy.path("documentReference").asText()).as("%s", oficio).isEqualTo("INE/CNCS/0123/2026");
        ReadmeWalkThrough.Step moved = ReadmeWalkThrough.step(steps, "/progress", "submitted 3");
        assertThat(moved.json().path("total").path("submitted").asInt()).as("%s", moved).isEqualTo(3);
        assertThat(moved.json().path("total").path("late").asInt()).as("%s", moved).isEqualTo(3);

        // The chain of an observation nobody attends, the Committee's item and resolution, the audit trail.
        ReadmeWalkThrough.Step escalatedObservation = ReadmeWalkThrough.step(steps, "localhost:8083/api/observations/$OBS2");
        assertThat(escalatedObservation.json().path("status").asText()).as("%s", escalatedObservation).isEqualTo("ESCALATED");
        assertThat(escalatedObservation.json().path("headNoticeSentAt").isNull()).as("%s", escalatedObservation).isFalse();
        assertThat(escalatedObservation.json().path("escalatedToEmail").asText()).as("%s", escalatedObservation)
                .isEqualTo("titular.jle.chis@ine.mx");
        String escalatedId = escalatedObservation.json().path("id").asText();
        ReadmeWalkThrough.Step items = ReadmeWalkThrough.step(steps, "/api/committee/items");
        assertThat(items.items()).as("%s", items).filteredOn(item -> item.path("subjectId").asText().equals(escalatedId))
                .singleElement().satisfies(item -> assertThat(item.path("subjectKind").asText()).isEqualTo("OBSERVATION"));
        ReadmeWalkThrough.Step resolution = ReadmeWalkThrough.step(steps, "/api/committee/resolutions");
        assertThat(resolution.json().path("resolution").asText()).as("%s", resolution).isEqualTo("INSTRUCTED");
        ReadmeWalkThrough.Step audit = ReadmeWalkThrough.step(steps, "/api/audit?subject=");
        assertThat(audit.items()).as("%s", audit).extracting(act -> act.path("action").asText())
                .contains("OBSERVATION_ISSUED", "OBSERVATION_ESCALATED", "OBSERVATION_REPORTED");
        ReadmeWalkThrough.Step observationMails = ReadmeWalkThrough.step(steps, "-name '*Observaci*'");
        assertThat(observationMails.output()).as("%s", observationMails)
                .contains("Observación_a_la_información_estadística", "Observación_no_atendida_en_su_área");

        // The reports, from the events alone: each format downloaded under its name, the same bytes after a rebuild.
        ReadmeWalkThrough.Step semiannual = ReadmeWalkThrough.step(steps, "localhost:8084/api/reports/semiannual/2026-S1 | head");
        assertThat(semiannual.output()).as("%s", semiannual).contains("\"reference\":\"INE/CNCS/RS/2026-S1\"")
                .contains("\"periodStart\":\"2026-01-01\"");
        ReadmeWalkThrough.Step downloads = ReadmeWalkThrough.step(steps, "ls .local-stack/reports");
        assertThat(downloads.output().strip().split("\\s+")).as("%s", downloads)
                .containsExactlyInAnyOrder("informe-semestral-2026-S1.pdf", "informe-semestral-2026-S1.xlsx",
                        "informe-semestral-2026-S1-csv.zip");
        Path reports = stack.options().dataDirectory().resolve("reports");
        assertThat(new String(Files.readAllBytes(reports.resolve("informe-semestral-2026-S1.pdf")), 0, 5,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.readAllBytes(reports.resolve("informe-semestral-2026-S1-csv.zip"))).startsWith('P', 'K');
        assertThat(Files.readAllBytes(reports.resolve("informe-semestral-2026-S1.xlsx"))).startsWith('P', 'K');
        assertThat(new String(Files.readAllBytes(reports.resolve("informe-anual-2026.pdf")), 0, 5,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        ReadmeWalkThrough.Step trends = ReadmeWalkThrough.step(steps, "/api/reports/trends?by=network");
        assertThat(trends.output()).as("%s", trends).contains("2026-S1");
        ReadmeWalkThrough.Step adminRefused = ReadmeWalkThrough.step(steps, "-w '%{http_code}\\n' localhost:8084");
        assertThat(adminRefused.output().strip()).as("%s", adminRefused).isEqualTo("403");
        ReadmeWalkThrough.Step rebuilt = ReadmeWalkThrough.step(steps, "localhost:8084/api/operations/rebuilds/$REB   #");
        assertThat(rebuilt.json().path("state").asText()).as("%s", rebuilt).isEqualTo("SUCCEEDED");
        ReadmeWalkThrough.Step same = ReadmeWalkThrough.step(steps, "cmp ");
        assertThat(same.output().strip()).as("%s", same).isEqualTo("idénticos");
        ReadmeWalkThrough.Step openData = ReadmeWalkThrough.step(steps, "/api/public/accounts?status=ACTIVE");
        assertThat(openData.items()).as("%s", openData).hasSize(3).allSatisfy(account -> {
            assertThat(account.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(account.has("administrators")).isFalse();
        });

        // Refusals.
        assertThat(ReadmeWalkThrough.step(steps, "curl -si localhost").output()).startsWith("HTTP/1.1 401");
        assertThat(ReadmeWalkThrough.step(steps, "$INTEGRATION_TOKEN").output()).startsWith("HTTP/1.1 403");
        ReadmeWalkThrough.Step malformed = ReadmeWalkThrough.step(steps, "{\"network\":'");
        assertThat(malformed.json().path("status").asInt()).as("%s", malformed).isEqualTo(400);
        assertThat(malformed.json().path("title").asText()).as("%s", malformed).isNotBlank();
    }

    @Test
    @Order(8)
    void closingLeavesNoProcessBehind() {
        assertThat(startedProcesses).hasSize(5).allMatch(ProcessHandle::isAlive);
        long t = System.nanoTime();
        stack.close();
        System.out.printf("Stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - t).toMillis());
        for (ProcessHandle process : startedProcesses) {
            assertThat(process.isAlive()).as("pid %d (%s) alive after close", process.pid(),
                    process.info().commandLine().orElse("?")).isFalse();
        }
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(child -> child.info().commandLine().orElse("").contains("quarkus-run.jar")))
                .isEmpty();
        assertThat(ports).allMatch(LocalStack::isFree, "port free again");
        assertThat(stack.options().dataDirectory().resolve("pids")).doesNotExist();
    }

    // ---------------------------------------------------------------------------------------------

    private URI accountsService() {
        return stack.serviceUri("accounts-service");
    }
}
