package mx.ine.redes.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.embedded.EmbeddedKafkaBroker;
import mx.ine.redes.support.embedded.EmbeddedPostgresServer;

/**
 * The whole system on one machine: an embedded PostgreSQL (one database and role per service), an
 * embedded Kafka broker, a token signing key with demo tokens, the four services as separate
 * {@code java -jar} processes, and the demo registry.
 *
 * <pre>
 *   try (LocalStack stack = LocalStack.start(options)) { ... stack.serviceUri("accounts-service") ... }
 * </pre>
 *
 * {@link #main} is what {@code deploy/local-stack.sh} runs: it starts, prints where everything is and
 * waits; Ctrl-C (SIGINT) or SIGTERM stops the services, then Kafka, then PostgreSQL.
 */
public final class LocalStack implements AutoCloseable {

    static final int TOPIC_PARTITIONS = 3;
    /** The service that serves the operations dashboard ({@code /operations}). */
    static final String DASHBOARD_SERVICE = "reporting-service";
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final String PIDS_FILE = "pids";
    private static final String LOCK_FILE = "launcher.lock";

    private final LocalStackOptions options;
    private final Instant startedAt;
    private final PrintStream out;
    private final ApiClient api = new ApiClient();
    private final Object lifecycle = new Object();
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();

    private volatile boolean closing;
    private boolean closed;
    private volatile FileChannel lockChannel;
    private volatile FileLock lock;
    private volatile EmbeddedPostgresServer postgres;
    private volatile EmbeddedKafkaBroker broker;
    private volatile SigningKeys keys;
    private volatile DemoTokens tokens;
    private volatile DemoData.Result demoData;
    private volatile LocalMailServer mailServer;
    private volatile StartupReport report;
    /** Extra environment of a service's processes, by service name, over the defaults (fault tests). */
    private final Map<String, Map<String, String>> serviceEnvironment;
    private volatile String javaCommand;
    private volatile Map<ServiceProcess.Service, Path> jars;

    private LocalStack(LocalStackOptions options, Instant startedAt) {
        this(options, startedAt, Map.of());
    }

    private LocalStack(LocalStackOptions options, Instant startedAt, Map<String, Map<String, String>> serviceEnvironment) {
        this.options = options;
        this.startedAt = startedAt;
        this.out = options.out();
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** Starts everything; on failure stops what it had started and throws {@link LocalStackException}. */
    public static LocalStack start(LocalStackOptions options) {
        return start(options, Instant.now());
    }

    /**
     * @param startedAt when the launcher started; the "time to all ready" is measured from it
     */
    public static LocalStack start(LocalStackOptions options, Instant startedAt) {
        return start(options, startedAt, Map.of());
    }

    /**
     * @param serviceEnvironment extra environment variables per service name, e.g. a smaller
     *                           {@code TIMERS_BATCH_SIZE} for evaluation-service in a fault test
     */
    public static LocalStack start(LocalStackOptions options, Instant startedAt, Map<String, Map<String, String>> serviceEnvironment) {
        LocalStack stack = new LocalStack(options, startedAt, serviceEnvironment);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e instanceof LocalStackException ? e : new LocalStackException("The local stack did not start: " + e, e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Start
    // ------------------------------------------------------------------------------------------

    private void startAll() {
        Path dir = options.dataDirectory();
        try {
            Files.createDirectories(options.logsDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + options.logsDirectory(), e);
        }
        lockDataDirectory(dir);
        stopLeftovers(dir);
        requireFreePorts();
        jars = requireJars();

        out.printf("Data directory %s%n", dir);
        CompletableFuture<Duration> postgresStarted = CompletableFuture.supplyAsync(this::startPostgres);
        Duration kafkaTook;
        Duration postgresTook;
        try {
            kafkaTook = startKafka();
        } finally {
            postgresTook = join(postgresStarted);
        }
        out.printf("PostgreSQL %s on port %d (%s), Kafka %s (%s)%n", postgresVersion(), postgres.port(),
                seconds(postgresTook), broker.bootstrapServers(), seconds(kafkaTook));

        mailServer = LocalMailServer.start(dir.resolve("mailbox"));
        out.printf("SMTP server on port %d; every mail sent is written to %s%n", mailServer.port(), mailServer.mailbox());

        keys = SigningKeys.loadOrCreate(dir.resolve("jwt"));
        tokens = DemoTokens.issue(keys, dir, Instant.now());
        out.printf("Signing key %s (%s), demo tokens in %s%n", keys.publicKeyFile().getParent(),
                keys.created() ? "new" : "reused", tokens.envFile());

        launchServices(jars);
        waitUntilReady();
        Duration toAllReady = Duration.between(startedAt, Instant.now());

        Duration demoTook = Duration.ZERO;
        if (options.loadDemoData()) {
            long d = System.nanoTime();
            demoData = DemoData.load(api, serviceUri("accounts-service"), tokens.forRole("cncs"));
            demoTook = Duration.ofNanos(System.nanoTime() - d);
            out.printf("Demo data: %s (%s)%n", demoData, seconds(demoTook));
        }
        restartTrainedServices();
        List<StartupReport.ServiceFigures> figures = services.stream()
                .map(s -> new StartupReport.ServiceFigures(s.name(), s.pid(), Duration.ofMillis(s.readyAfterMillis()),
                        s.residentKiB()))
                .toList();
        report = new StartupReport(toAllReady, postgresTook, kafkaTook, figures, demoTook,
                ProcessTools.residentKiB(ProcessHandle.current().pid()).orElse(0), postgresResidentKiB());
        if (closing) {
            throw new LocalStackException("Stopped while starting");
        }
    }

    private Duration startPostgres() {
        long t = System.nanoTime();
        // Durable: a submission or event answered 201 survives a crash of the machine (fsync and
        // synchronous_commit on, unlike the embedded library's defaults for tests).
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(options.dataDirectory().resolve("postgres"),
                options.postgresPort());
        synchronized (lifecycle) {
            if (closing) {
                server.close();
                throw new LocalStackException("Stopped while starting");
            }
            postgres = server;
        }
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            server.ensureDatabase(service.database(), service.database(), service.database());
        }
        return Duration.ofNanos(System.nanoTime() - t);
    }

    private Duration startKafka() {
        long t = System.nanoTime();
        EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start(options.dataDirectory().resolve("kafka"),
                options.kafkaPort());
        synchronized (lifecycle) {
            if (closing) {
                started.close();
                throw new LocalStackException("Stopped while starting");
            }
            broker = started;
        }
        started.createTopics(Topics.ALL, TOPIC_PARTITIONS);
        try {
            List<String> cleaned = StaleConsumers.forget(started.bootstrapServers());
            if (!cleaned.isEmpty()) {
                out.println("Removed the previous run's consumer-group members: " + String.join(", ", cleaned));
            }
        } catch (RuntimeException e) {
            out.println("Warning: " + e.getMessage() + " (events may reach the services only after 45 s)");
        }
        return Duration.ofNanos(System.nanoTime() - t);
    }

    private void launchServices(Map<ServiceProcess.Service, Path> jars) {
        javaCommand = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            int port = options.basePort() + service.portOffset();
            Path log = options.logsDirectory().resolve(service.name() + ".log");
            synchronized (lifecycle) {
                if (closing) {
                    throw new LocalStackException("Stopped while starting");
                }
                services.add(launch(service, port, options.managementPort(service), log));
                writePids();
            }
        }
        out.printf("Started %s (logs in %s); waiting for /q/health/ready on their management ports …%n",
                String.join(", ", services.stream().map(s -> s.name() + " :" + s.port() + " pid " + s.pid()).toList()),
                options.logsDirectory());
    }

    /** First start of a build: the services ran as AOT-cache training runs; a restart writes and uses the caches. */
    private void restartTrainedServices() {
        if (services.stream().noneMatch(ServiceProcess::trainsAotCache)) {
            return;
        }
        out.println("Writing the services' ahead-of-time caches (first start of this build) and restarting from them …");
        services.parallelStream().filter(ServiceProcess::trainsAotCache).forEach(s -> s.stop(Duration.ofMinutes(3)));
        synchronized (lifecycle) {
            if (closing) {
                throw new LocalStackException("Stopped while starting");
            }
            services.replaceAll(s -> s.isAlive() ? s : s.relaunch());
            writePids();
        }
        waitUntilReady();
    }

    private ServiceProcess launch(ServiceProcess.Service service, int port, int managementPort, Path log) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("DATABASE_URL", postgres.jdbcUrl(service.database()));
        env.put("DATABASE_USER", service.database());
        env.put("DATABASE_PASSWORD", service.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKeyFile().toString());
        env.put("JWT_ISSUER", DemoTokens.ISSUER);
        env.put("JWT_AUDIENCE", DemoTokens.AUDIENCE);
        env.put("LOG_JSON", "false");
        // A service restarted on its own comes back at the simulated time of the others.
        env.put("SIMULATION_OFFSET_FILE", options.dataDirectory().resolve("simulation-offset").toString());
        env.put("MAIL_HOST", "127.0.0.1");
        env.put("MAIL_PORT", Integer.toString(mailServer.port()));
        // The local profile (on top of prod) enables the simulation clock; prod alone never does.
        env.put("QUARKUS_PROFILE", "prod,local");
        if (service.name().equals(DASHBOARD_SERVICE)) {
            // The operations dashboard's demo sign-in lists these people and signs a browser in as one of them.
            env.put("DEMO_TOKENS_FILE", tokens.jsonFile().toString());
        }
        env.putAll(serviceEnvironment.getOrDefault(service.name(), Map.of()));
        return ServiceProcess.launch(service, port, managementPort, javaCommand, jars.get(service), options.serviceJvmOptions(), env, log);
    }

    private void waitUntilReady() {
        long deadline = System.nanoTime() + options.healthTimeout().toNanos();
        while (true) {
            boolean allReady = true;
            for (ServiceProcess service : services) {
                if (service.readyAfterMillis() >= 0) {
                    continue;
                }
                if (service.checkReady(api)) {
                    out.printf("  %-20s ready after %s%n", service.name(), seconds(Duration.ofMillis(service.readyAfterMillis())));
                    continue;
                }
                allReady = false;
                if (!service.isAlive()) {
                    throw new LocalStackException("%s exited with code %d before it was ready. Last lines of %s:%n%s"
                            .formatted(service.name(), service.exitCode(), service.log(), service.tailOfLog(40)));
                }
            }
            if (allReady) {
                return;
            }
            if (closing) {
                throw new LocalStackException("Stopped while starting");
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("Not ready after ")
                        .append(options.healthTimeout().toSeconds()).append(" s:");
                for (ServiceProcess service : services) {
                    if (service.readyAfterMillis() < 0) {
                        message.append("%n%n%s (health %s/q/health/ready). Last lines of %s:%n%s"
                                .formatted(service.name(), service.managementUri(), service.log(), service.tailOfLog(40)));
                    }
                }
                throw new LocalStackException(message.toString());
            }
            sleep(Duration.ofMillis(200));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Guards: one launcher per data directory, leftovers of a crashed run, busy ports, missing jars
    // ------------------------------------------------------------------------------------------

    private void lockDataDirectory(Path dir) {
        try {
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + dir.resolve(LOCK_FILE), e);
        }
        if (lock == null) {
            throw new LocalStackException("Another local stack is running on " + dir
                    + " (it holds " + LOCK_FILE + "). Stop it first, or set LOCAL_STACK_DIR to another folder.");
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its service processes and the PostgreSQL server running.
     * The lock above proves that no launcher owns them now, so they are stopped here: the services
     * listed in {@code <dir>/pids} (only if their command line is a {@code quarkus-run.jar}), then a
     * postmaster whose {@code postmaster.pid} names this data directory.
     */
    private void stopLeftovers(Path dir) {
        List<ProcessHandle> leftovers = new ArrayList<>();
        Path pids = dir.resolve(PIDS_FILE);
        if (Files.isRegularFile(pids)) {
            try {
                for (String line : Files.readAllLines(pids)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length == 0 || parts[0].isEmpty()) {
                        continue;
                    }
                    long pid = Long.parseLong(parts[0]);
                    ProcessHandle.of(pid)
                            .filter(ProcessHandle::isAlive)
                            .filter(handle -> ProcessTools.commandLine(pid).contains("quarkus-run.jar"))
                            .ifPresent(leftovers::add);
                }
            } catch (IOException | NumberFormatException e) {
                out.println("Ignoring unreadable " + pids + ": " + e);
            }
        }
        if (!leftovers.isEmpty()) {
            out.printf("Stopping %d service process(es) left by a previous run: %s%n", leftovers.size(),
                    leftovers.stream().map(ProcessHandle::pid).toList());
            ProcessTools.stopAll(leftovers, STOP_GRACE);
        }
        try {
            Files.deleteIfExists(pids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Path postmasterPid = dir.resolve("postgres").resolve("postmaster.pid");
        if (Files.isRegularFile(postmasterPid)) {
            try {
                List<String> lines = Files.readAllLines(postmasterPid);
                long pid = Long.parseLong(lines.get(0).trim());
                boolean ours = lines.size() > 1
                        && Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(dir.resolve("postgres"));
                ProcessHandle.of(pid)
                        .filter(ProcessHandle::isAlive)
                        .filter(handle -> ours && ProcessTools.commandLine(pid).contains("postgres"))
                        .ifPresent(handle -> {
                            out.printf("Stopping the PostgreSQL server (pid %d) left by a previous run%n", pid);
                            ProcessTools.stopAll(List.of(handle), STOP_GRACE);
                        });
            } catch (IOException | RuntimeException e) {
                out.println("Ignoring unreadable " + postmasterPid + ": " + e);
            }
        }
    }

    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (LOCAL_PG_PORT)", options.postgresPort());
        ports.put("Kafka (LOCAL_KAFKA_PORT)", options.kafkaPort());
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            ports.put(service.name() + " (LOCAL_BASE_PORT + " + service.portOffset() + ")",
                    options.basePort() + service.portOffset());
            ports.put(service.name() + " management (LOCAL_BASE_PORT + " + (ServiceProcess.MANAGEMENT_PORT_DISTANCE
                    + service.portOffset()) + ")", options.managementPort(service));
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!isFree(port)) {
                busy.add(what + ": " + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new LocalStackException("Ports in use: " + String.join(", ", busy)
                    + ". Stop whatever uses them, or choose others with the variables named.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Map<ServiceProcess.Service, Path> requireJars() {
        Map<ServiceProcess.Service, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            Path jar = service.jar(options.repository());
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
            jars.put(service, jar);
        }
        if (!missing.isEmpty()) {
            throw new LocalStackException("Not built: " + String.join(", ", missing)
                    + ". Run `mvn -B install -DskipTests` in " + options.repository()
                    + " (bash deploy/local-stack.sh does, unless --no-build).");
        }
        return jars;
    }

    private void writePids() {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess service : services) {
            text.append(service.pid()).append(' ').append(service.name()).append('\n');
        }
        try {
            Files.writeString(options.dataDirectory().resolve(PIDS_FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Stop
    // ------------------------------------------------------------------------------------------

    /**
     * Stops the services (SIGTERM, up to 15 s, then SIGKILL), then Kafka, then PostgreSQL. Idempotent;
     * a second caller waits for the first to finish.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        synchronized (lifecycle) {
            closing = true;
        }
        long t = System.nanoTime();
        List<ProcessHandle> children = new ArrayList<>();
        for (ServiceProcess service : services) {
            ProcessHandle handle = service.handle();
            children.add(handle);
            handle.descendants().forEach(children::add);
        }
        if (!children.isEmpty()) {
            List<ProcessHandle> killed = ProcessTools.stopAll(children, STOP_GRACE);
            if (!killed.isEmpty()) {
                out.printf("Killed (SIGKILL) after %d s: %s%n", STOP_GRACE.toSeconds(),
                        killed.stream().map(ProcessHandle::pid).toList());
            }
        }
        if (lock != null) {
            // Only the launcher that holds the directory's lock owns its pids file.
            try {
                Files.deleteIfExists(options.dataDirectory().resolve(PIDS_FILE));
            } catch (IOException ignored) {
                // the next start checks the command lines anyway
            }
        }
        long servicesStopped = System.nanoTime();
        EmbeddedKafkaBroker kafkaBroker = broker;
        if (kafkaBroker != null) {
            try {
                kafkaBroker.close();
            } catch (RuntimeException e) {
                out.println("Kafka did not stop cleanly: " + e);
            }
        }
        long kafkaStopped = System.nanoTime();
        LocalMailServer smtp = mailServer;
        if (smtp != null) {
            smtp.close();
        }
        EmbeddedPostgresServer server = postgres;
        if (server != null) {
            java.util.Optional<ProcessHandle> postmaster = postmaster();
            try {
                server.close();
            } catch (RuntimeException e) {
                out.println("PostgreSQL did not stop cleanly: " + e);
            }
            // pg_ctl returns once the pid file is gone; wait for the process itself, too.
            postmaster.ifPresent(process -> {
                if (!ProcessTools.stopAll(List.of(process), Duration.ofSeconds(10)).isEmpty()) {
                    out.println("Killed (SIGKILL) the PostgreSQL server " + process.pid());
                }
            });
        }
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // released with the process anyway
        }
        closed = true;
        if (!services.isEmpty() || server != null) {
            long end = System.nanoTime();
            out.printf("Local stack stopped in %s (services %s, Kafka %s, PostgreSQL %s).%n",
                    seconds(Duration.ofNanos(end - t)), seconds(Duration.ofNanos(servicesStopped - t)),
                    seconds(Duration.ofNanos(kafkaStopped - servicesStopped)), seconds(Duration.ofNanos(end - kafkaStopped)));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Faults, for the fault tests: the broker or the database stopped and started again, a service
    // killed (SIGKILL) and restarted, a second instance of a service
    // ------------------------------------------------------------------------------------------

    /** Stops the Kafka broker, keeping its ports and log for {@link #restartBroker()}. */
    public void stopBroker() {
        broker.stop();
    }

    public void restartBroker() {
        broker.restart();
    }

    /** Stops PostgreSQL (a fast shutdown: sessions are ended), keeping its port and data for {@link #restartDatabase()}. */
    public void stopDatabase() {
        postgres.stop();
    }

    public void restartDatabase() {
        postgres.restart();
    }

    /** The instance of {@code name} on its usual port (not a second instance), if it runs. */
    public java.util.Optional<ServiceProcess> instance(String name) {
        int port = serviceUri(name).getPort();
        return services.stream().filter(s -> s.name().equals(name) && s.port() == port).findFirst();
    }

    /** SIGKILL to the instance of {@code name} on its usual port; returns once it has exited. */
    public void kill(String name) {
        ServiceProcess victim = instance(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        victim.handle().destroyForcibly();
        try {
            victim.handle().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new LocalStackException(name + " (pid " + victim.pid() + ") did not exit after SIGKILL", e);
        }
        synchronized (lifecycle) {
            services.remove(victim);
            writePids();
        }
        out.printf("Killed (SIGKILL) %s, pid %d%n", name, victim.pid());
    }

    /**
     * Starts {@code name} again on its usual ports (after {@link #kill}) and waits until it is ready.
     * Its consumer group's members are forgotten first when no other instance of it runs: the killed
     * one never left, and the broker would keep its partitions for the session timeout (45 s).
     */
    public ServiceProcess restart(String name) {
        return awaitReady(relaunch(name));
    }

    /** {@link #restart} without waiting for readiness: the process has just been launched. */
    public ServiceProcess relaunch(String name) {
        ServiceProcess.Service service = service(name);
        if (instance(name).isPresent()) {
            throw new IllegalStateException(name + " is running already");
        }
        if (services.stream().noneMatch(s -> s.name().equals(name))) {
            try {
                StaleConsumers.forgetGroup(broker.bootstrapServers(), name);
            } catch (RuntimeException e) {
                out.println("Warning: " + e.getMessage());
            }
        }
        return launchInstance(service, serviceUri(name).getPort(), options.managementPort(service),
                options.logsDirectory().resolve(name + ".log"));
    }

    /** Starts one more instance of {@code name} on free ports, with the same database and broker, and waits until it is ready. */
    public ServiceProcess startAnotherInstance(String name) {
        ServiceProcess.Service service = service(name);
        int port = freePort();
        int managementPort = freePort();
        long instances = services.stream().filter(s -> s.name().equals(name)).count();
        return launchAndAwait(service, port, managementPort,
                options.logsDirectory().resolve(name + "-" + (instances + 1) + ".log"));
    }

    /** Stops one instance the way an orchestrator does (SIGTERM, then SIGKILL after the grace). */
    public void stopInstance(ServiceProcess instance) {
        ProcessTools.stopAll(List.of(instance.handle()), STOP_GRACE);
        synchronized (lifecycle) {
            services.remove(instance);
            writePids();
        }
    }

    private ServiceProcess launchAndAwait(ServiceProcess.Service service, int port, int managementPort, Path log) {
        return awaitReady(launchInstance(service, port, managementPort, log));
    }

    private ServiceProcess launchInstance(ServiceProcess.Service service, int port, int managementPort, Path log) {
        synchronized (lifecycle) {
            if (closing) {
                throw new LocalStackException("Stopping");
            }
            ServiceProcess started = launch(service, port, managementPort, log);
            services.add(started);
            writePids();
            return started;
        }
    }

    /** Waits (up to the health timeout) until {@code instance} answers {@code /q/health/ready} with 200. */
    public ServiceProcess awaitReady(ServiceProcess instance) {
        long deadline = System.nanoTime() + options.healthTimeout().toNanos();
        while (!instance.checkReady(api)) {
            if (!instance.isAlive()) {
                throw new LocalStackException("%s exited with code %d before it was ready. Last lines of %s:%n%s"
                        .formatted(instance.name(), instance.exitCode(), instance.log(), instance.tailOfLog(40)));
            }
            if (System.nanoTime() > deadline) {
                throw new LocalStackException("%s on port %d not ready after %d s. Last lines of %s:%n%s".formatted(instance.name(),
                        instance.port(), options.healthTimeout().toSeconds(), instance.log(), instance.tailOfLog(40)));
            }
            sleep(Duration.ofMillis(100));
        }
        out.printf("  %-20s on port %d ready after %s (pid %d)%n", instance.name(), instance.port(),
                seconds(Duration.ofMillis(instance.readyAfterMillis())), instance.pid());
        return instance;
    }

    private static ServiceProcess.Service service(String name) {
        return ServiceProcess.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // What callers see
    // ------------------------------------------------------------------------------------------

    public LocalStackOptions options() {
        return options;
    }

    /** {@code http://127.0.0.1:<port>} of a service, e.g. {@code serviceUri("accounts-service")}. */
    public URI serviceUri(String name) {
        return ServiceProcess.SERVICES.stream()
                .filter(service -> service.name().equals(name))
                .findFirst()
                .map(service -> URI.create("http://127.0.0.1:" + (options.basePort() + service.portOffset())))
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public DemoTokens tokens() {
        return tokens;
    }

    public StartupReport report() {
        return report;
    }

    /** Where the local SMTP server writes every mail it receives. */
    public Path mailbox() {
        return options.dataDirectory().resolve("mailbox");
    }

    public DemoData.Result demoData() {
        return demoData;
    }

    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The summary printed after a start. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        String host = "http://localhost:";
        s.append("\n=== INE redes sociales: local stack ready in ").append(seconds(report.toAllReady()))
                .append(" (launcher start → all four services ready) ===\n\n");
        String row = "  %-20s %-24s %-8s %-12s %s%n";
        s.append(String.format(Locale.ROOT, row, "process", "URL", "pid", "ready after", "RSS"));
        for (StartupReport.ServiceFigures figures : report.services()) {
            int port = serviceUri(figures.name()).getPort();
            s.append(String.format(Locale.ROOT, row, figures.name(), host + port, figures.pid(),
                    seconds(figures.toReady()), ProcessTools.formatMiB(figures.residentKiB())));
        }
        s.append(String.format(Locale.ROOT, row, "PostgreSQL", "127.0.0.1:" + postgres.port(), "-",
                seconds(report.postgres()), ProcessTools.formatMiB(report.postgresKiB()) + " (PSS, all backends)"));
        s.append(String.format(Locale.ROOT, row, "launcher + Kafka", broker.bootstrapServers(),
                ProcessHandle.current().pid(), seconds(report.kafka()), ProcessTools.formatMiB(report.launcherKiB())));
        s.append(String.format(Locale.ROOT, "  services' RSS together: %s%n%n", ProcessTools.formatMiB(report.totalServicesKiB())));
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            String base = host + (options.basePort() + service.portOffset());
            String management = host + options.managementPort(service);
            s.append("  ").append(service.name()).append(":\n")
                    .append("      Swagger UI ").append(base).append("/q/swagger-ui\n")
                    .append("      OpenAPI    ").append(base).append("/q/openapi\n")
                    .append("      health     ").append(management).append("/q/health  (/q/health/ready, /q/health/live)\n")
                    .append("      metrics    ").append(management).append("/q/metrics\n");
        }
        s.append('\n');
        s.append("  Tokens      ").append(tokens.envFile()).append("  (and ").append(tokens.jsonFile().getFileName())
                .append("; roles: ").append(String.join(", ", tokens.byRole().keySet())).append(")\n");
        s.append("  Data        ").append(options.dataDirectory()).append('\n');
        s.append("  Logs        ").append(options.logsDirectory()).append('\n');
        s.append("  Databases   ").append(postgres.jdbcUrl("<accounts|submissions|evaluation|reporting>"))
                .append("  (user = password = database)\n");
        if (demoData != null) {
            s.append("  Demo data   ").append(demoData).append("; who administers what: ")
                    .append(tokens.jsonFile().getFileName()).append('\n');
        }
        s.append("  Dashboard   ").append(serviceUri(DASHBOARD_SERVICE)).append("/operations")
                .append("  (in a browser; sign in as a demo identity, e.g. the cncs one)\n");
        s.append("  Mailbox     ").append(mailbox()).append("  (every e-mail the services send, one .eml each)\n");
        s.append("  Simulation  bash deploy/local-stack.sh advance PT48H  (moves the clock of all four services)\n");
        s.append("\n  Try:  source ").append(tokens.envFile()).append('\n')
                .append("        curl -s -H \"Authorization: Bearer $CNCS_TOKEN\" '")
                .append(host).append(options.basePort()).append("/api/accounts?size=20'\n");
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------
    // main
    // ------------------------------------------------------------------------------------------

    public static void main(String[] args) {
        // The JVM's start, not the process's: local-stack.sh exec's java in the process that built.
        Instant launcherStart = Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        boolean smoke = "true".equalsIgnoreCase(System.getenv("LOCAL_STACK_SMOKE"));
        for (String arg : args) {
            switch (arg) {
                case "--smoke" -> smoke = true;
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("Unknown argument " + arg + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        LocalStackOptions options;
        try {
            options = LocalStackOptions.fromEnvironment(System.getenv());
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        logInfrastructureTo(options.logsDirectory().resolve("infrastructure.log"));

        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack[] current = new LocalStack[1];
        Runnable stopAll = () -> {
            LocalStack stack;
            synchronized (current) {
                stack = current[0];
            }
            if (stack != null) {
                stack.close();
            }
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopAll, "local-stack-shutdown"));
        // Our own handlers, so that the order is kept (services, Kafka, PostgreSQL) instead of all
        // shutdown hooks (the embedded PostgreSQL has its own) running at once.
        Signals.onTermination(signal -> {
            System.out.printf("%nSIG%s: stopping the local stack …%n", signal);
            stopAll.run();
            System.exit(signalExitCode(signal));
        });

        LocalStack stack;
        try {
            stack = new LocalStack(options, launcherStart);
            synchronized (current) {
                current[0] = stack;
            }
            try {
                stack.startAll();
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The local stack did not start: " + e.getMessage());
            if (!(e instanceof LocalStackException)) {
                e.printStackTrace();
            }
            System.exit(1);
            return;
        }
        System.out.println(stack.summary());

        if (smoke) {
            CrossServiceCheck.Result result = CrossServiceCheck.run(stack, Duration.ofSeconds(10));
            System.out.println(result);
            stack.close();
            System.exit(result.ok() ? 0 : 1);
            return;
        }

        System.out.println("  Press Ctrl-C to stop everything.\n");
        watch(stack, stopped);
    }

    private static int signalExitCode(String signal) {
        return "TERM".equals(signal) ? 143 : 130;
    }

    /** Until stopped: reports a service that exits on its own (it is not restarted). */
    private static void watch(LocalStack stack, CountDownLatch stopped) {
        List<String> reported = new ArrayList<>();
        try {
            while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                for (ServiceProcess service : stack.services()) {
                    if (!service.isAlive() && !stack.closing && !reported.contains(service.name())) {
                        reported.add(service.name());
                        System.out.printf("%n%s stopped on its own (exit code %d). Last lines of %s:%n%s%n",
                                service.name(), service.exitCode(), service.log(), service.tailOfLog(30));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends the launcher's own logging (Kafka, PostgreSQL, via slf4j-simple) to a file instead of the
     * terminal. Effective only before the first logger is made; a value set already is kept.
     */
    public static void logInfrastructureTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return;
        }
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
    }

    private static String usage() {
        return """
                Usage: bash deploy/local-stack.sh [--no-build] [--smoke]
                  --no-build  start what was built last (the script's option)
                  --smoke     start, check that a new account reaches every service, stop; exit 0 or 1
                Environment: LOCAL_STACK_DIR, LOCAL_PG_PORT (15432), LOCAL_KAFKA_PORT (19092),
                  LOCAL_BASE_PORT (8081), LOCAL_HEALTH_TIMEOUT_SECONDS (180), LOCAL_SERVICE_JAVA_OPTS""";
    }

    // ------------------------------------------------------------------------------------------

    private long postgresResidentKiB() {
        return postmaster().map(process -> ProcessTools.memoryKiBWithDescendants(process.pid())).orElse(0L);
    }

    /** The running PostgreSQL server, from its {@code postmaster.pid}. */
    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(options.dataDirectory().resolve("postgres").resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private String postgresVersion() {
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
             var statement = connection.createStatement();
             var rows = statement.executeQuery("show server_version")) {
            return rows.next() ? rows.getString(1) : "";
        } catch (java.sql.SQLException e) {
            return "";
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new LocalStackException(cause.toString(), cause);
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("Interrupted", e);
        }
    }

    /** A start that failed, with a message meant for the person who ran it. */
    public static final class LocalStackException extends RuntimeException {
        public LocalStackException(String message) {
            super(message);
        }

        public LocalStackException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
