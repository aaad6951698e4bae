package mx.ine.redes.deploy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the local stack. {@link #fromEnvironment} reads the variables that
 * {@code deploy/local-stack.sh} documents; tests build their own with free ports and a temp dir.
 *
 * @param repository        the project's root folder (holds {@code <service>/target/quarkus-app})
 * @param dataDirectory     PostgreSQL cluster, Kafka log, keys, tokens, logs; kept across runs
 * @param postgresPort      embedded PostgreSQL's port
 * @param kafkaPort         embedded Kafka's client port
 * @param basePort          accounts-service's HTTP port; the others get base + 1, + 2, + 3; their
 *                          management ports (health, metrics) are base + 1000 + the same offset
 * @param healthTimeout     how long the services may take to answer {@code /q/health/ready} with 200
 * @param serviceJvmOptions JVM options of every service process (heap and GC flags)
 * @param loadDemoData      whether to register the demo areas and accounts
 * @param out               where the progress lines and the summary go
 */
public record LocalStackOptions(
        Path repository,
        Path dataDirectory,
        int postgresPort,
        int kafkaPort,
        int basePort,
        Duration healthTimeout,
        List<String> serviceJvmOptions,
        boolean loadDemoData,
        PrintStream out) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_BASE_PORT = 8081;
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Small heaps and the serial collector: four JVMs share two cores here; C1 only
     * ({@code TieredStopAtLevel=1}) makes them start faster, at a cost in peak throughput that a
     * local demo does not notice. Override with {@code LOCAL_SERVICE_JAVA_OPTS}. On JDK 25+ each service
     * also starts from its ahead-of-time cache ({@link ServiceProcess}: trained on the first start of a
     * build); {@code -XX:AOTMode=off} among these options turns that off.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    public LocalStackOptions {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        repository = repository.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        healthTimeout = healthTimeout == null ? DEFAULT_HEALTH_TIMEOUT : healthTimeout;
        out = out == null ? System.out : out;
    }

    /** Defaults for this repository: data in {@code <repo>/.local-stack}, the usual ports. */
    public static LocalStackOptions defaults(Path repository) {
        return new LocalStackOptions(repository, repository.resolve(".local-stack"), DEFAULT_POSTGRES_PORT,
                DEFAULT_KAFKA_PORT, DEFAULT_BASE_PORT, DEFAULT_HEALTH_TIMEOUT, DEFAULT_SERVICE_JVM_OPTIONS, true,
                System.out);
    }

    /**
     * From the environment: {@code LOCAL_STACK_REPO}, {@code LOCAL_STACK_DIR}, {@code LOCAL_PG_PORT},
     * {@code LOCAL_KAFKA_PORT}, {@code LOCAL_BASE_PORT}, {@code LOCAL_HEALTH_TIMEOUT_SECONDS},
     * {@code LOCAL_SERVICE_JAVA_OPTS}.
     */
    public static LocalStackOptions fromEnvironment(Map<String, String> env) {
        Path repository = env.containsKey("LOCAL_STACK_REPO")
                ? Path.of(env.get("LOCAL_STACK_REPO"))
                : findRepository(Path.of("").toAbsolutePath());
        LocalStackOptions options = defaults(repository);
        Path dataDirectory = blank(env.get("LOCAL_STACK_DIR")) ? options.dataDirectory() : Path.of(env.get("LOCAL_STACK_DIR"));
        List<String> jvmOptions = serviceJvmOptions(env);
        Duration timeout = blank(env.get("LOCAL_HEALTH_TIMEOUT_SECONDS"))
                ? DEFAULT_HEALTH_TIMEOUT
                : Duration.ofSeconds(Long.parseLong(env.get("LOCAL_HEALTH_TIMEOUT_SECONDS").trim()));
        return new LocalStackOptions(repository, dataDirectory,
                port(env, "LOCAL_PG_PORT", DEFAULT_POSTGRES_PORT),
                port(env, "LOCAL_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(env, "LOCAL_BASE_PORT", DEFAULT_BASE_PORT),
                timeout, jvmOptions, true, System.out);
    }

    /** {@code LOCAL_SERVICE_JAVA_OPTS} (split at white space), else {@link #DEFAULT_SERVICE_JVM_OPTIONS}. */
    public static List<String> serviceJvmOptions(Map<String, String> env) {
        return blank(env.get("LOCAL_SERVICE_JAVA_OPTS"))
                ? DEFAULT_SERVICE_JVM_OPTIONS
                : Arrays.stream(env.get("LOCAL_SERVICE_JAVA_OPTS").trim().split("\\s+")).toList();
    }

    public LocalStackOptions withDataDirectory(Path directory) {
        return new LocalStackOptions(repository, directory, postgresPort, kafkaPort, basePort, healthTimeout,
                serviceJvmOptions, loadDemoData, out);
    }

    public LocalStackOptions withPorts(int postgres, int kafka, int base) {
        return new LocalStackOptions(repository, dataDirectory, postgres, kafka, base, healthTimeout,
                serviceJvmOptions, loadDemoData, out);
    }

    public LocalStackOptions withOut(PrintStream stream) {
        return new LocalStackOptions(repository, dataDirectory, postgresPort, kafkaPort, basePort, healthTimeout,
                serviceJvmOptions, loadDemoData, stream);
    }

    /** Where a service's health and metrics answer: {@code basePort + 1000 + offset} (9081..9084 by default). */
    public int managementPort(ServiceProcess.Service service) {
        return basePort + ServiceProcess.MANAGEMENT_PORT_DISTANCE + service.portOffset();
    }

    public Path logsDirectory() {
        return dataDirectory.resolve("logs");
    }

    /**
     * The project root: the nearest folder, from {@code start} upwards, that holds both
     * {@code deploy/} and {@code accounts-service/} next to a {@code pom.xml}.
     */
    public static Path findRepository(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy"))
                    && Files.isDirectory(dir.resolve("accounts-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root above " + start
                + ": run from inside the repository or set LOCAL_STACK_REPO.");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (blank(value)) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
