package mx.ine.redes.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service running as a child process: {@code java -jar <service>/target/quarkus-app/quarkus-run.jar}. */
public final class ServiceProcess {

    /** A service of the system and where it runs relative to the base port. */
    public record Service(String name, String database, int portOffset) {
        public Path jar(Path repository) {
            return repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    /** A service's management port (health, metrics) is its HTTP port plus this: 8081 -> 9081. */
    public static final int MANAGEMENT_PORT_DISTANCE = 1000;

    public static final List<Service> SERVICES = List.of(
            new Service("accounts-service", "accounts", 0),
            new Service("submissions-service", "submissions", 1),
            new Service("evaluation-service", "evaluation", 2),
            new Service("reporting-service", "reporting", 3));

    private final Service service;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path log;
    private final long launchedNanos;
    private volatile long readyAfterMillis = -1;

    private ServiceProcess(Service service, int port, int managementPort, Process process, Path log, long launchedNanos) {
        this.service = service;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /** Starts the service with this environment; its output (stdout and stderr) goes to {@code log}. */
    static ServiceProcess launch(Service service, int port, int managementPort, String java, Path jar, List<String> jvmOptions,
                                 Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            rotate(log);
            long launched = System.nanoTime();
            return new ServiceProcess(service, port, managementPort, builder.start(), log, launched);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.name() + " (" + String.join(" ", command) + ")", e);
        }
    }

    /** Keeps the previous run's log as {@code <service>.log.1}. */
    private static void rotate(Path log) throws IOException {
        if (Files.exists(log) && Files.size(log) > 0) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public Service service() {
        return service;
    }

    public String name() {
        return service.name();
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Health and metrics: {@code http://127.0.0.1:<management port>}. */
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public int managementPort() {
        return managementPort;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, if the process has ended. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Milliseconds from launch until {@code /q/health/ready} first answered 200; -1 if not (yet). */
    public long readyAfterMillis() {
        return readyAfterMillis;
    }

    /** Checks readiness once; records the time of the first 200. */
    boolean checkReady(ApiClient api) {
        if (readyAfterMillis >= 0) {
            return true;
        }
        if (api.statusOf(managementUri().resolve("/q/health/ready")) == 200) {
            readyAfterMillis = Duration.ofNanos(System.nanoTime() - launchedNanos).toMillis();
            return true;
        }
        return false;
    }

    public long residentKiB() {
        return ProcessTools.residentKiB(process.pid()).orElse(0);
    }

    String tailOfLog(int lines) {
        return ProcessTools.tail(log, lines);
    }
}
