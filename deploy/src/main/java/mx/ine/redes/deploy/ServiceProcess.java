package mx.ine.redes.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One service running as a child process: {@code java -jar <service>/target/quarkus-app/quarkus-run.jar}.
 *
 * <p>On JDK 25 or newer it starts from an ahead-of-time cache of the service's classes (JEP 483, 514,
 * 515: classes loaded and linked, method profiles) kept next to the jar as
 * {@code local-stack-<fingerprint>.aot}. The fingerprint covers every file of the packaged application,
 * the JDK and the JVM options, so a rebuild or other options make a new cache and the old one is never
 * offered to a JVM that would refuse it. Without a cache the process is a training run
 * ({@code -XX:AOTCacheOutput}): the JVM writes the cache when it exits, and {@link #stop} moves it into
 * place once the process ended on its own. A cache that cannot be used is only a slower start
 * ({@code AOTMode} stays {@code auto}): never a failed one. JVM options that name their own
 * {@code -XX:AOTCache}, {@code -XX:AOTMode} or class-data-sharing archive turn all this off.
 */
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

    /** What the process was started with, to start it again ({@link #relaunch}). */
    private record Launch(Service service, int port, int managementPort, String java, Path jar, List<String> jvmOptions,
                          Map<String, String> environment, Path log) {
    }

    private final Launch launch;
    private final Process process;
    private final long launchedNanos;
    private final AotCache.Use aot;
    private volatile long readyAfterMillis = -1;

    private ServiceProcess(Launch launch, Process process, long launchedNanos, AotCache.Use aot) {
        this.launch = launch;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.aot = aot;
    }

    /** Starts the service with this environment; its output (stdout and stderr) goes to {@code log}. */
    static ServiceProcess launch(Service service, int port, int managementPort, String java, Path jar, List<String> jvmOptions,
                                 Map<String, String> environment, Path log) {
        return launch(new Launch(service, port, managementPort, java, jar, List.copyOf(jvmOptions),
                Map.copyOf(environment), log));
    }

    private static ServiceProcess launch(Launch launch) {
        Service service = launch.service();
        Path jar = launch.jar();
        Path log = launch.log();
        AotCache.Use aot = AotCache.forLaunch(launch.java(), jar, launch.jvmOptions());
        List<String> command = new ArrayList<>();
        command.add(launch.java());
        command.addAll(launch.jvmOptions());
        command.addAll(aot.options());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(launch.environment());
        try {
            rotate(log);
            long launched = System.nanoTime();
            return new ServiceProcess(launch, builder.start(), launched, aot);
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

    /**
     * The same service started again, as it was the first time (port, environment, JVM options, log,
     * whose previous content becomes {@code <service>.log.1}); from the AOT cache if there is one now.
     * This process must have ended ({@link #stop}).
     */
    public ServiceProcess relaunch() {
        return relaunch(launch.jvmOptions());
    }

    /** {@link #relaunch()} with other JVM options (e.g. {@code -XX:AOTMode=off}: without the cache). */
    public ServiceProcess relaunch(List<String> jvmOptions) {
        if (process.isAlive()) {
            throw new IllegalStateException(name() + " (pid " + pid() + ") is still running");
        }
        return launch(new Launch(launch.service(), launch.port(), launch.managementPort(), launch.java(), launch.jar(),
                List.copyOf(jvmOptions), launch.environment(), launch.log()));
    }

    /** The JVM options it was started with (without those of the AOT cache). */
    public List<String> jvmOptions() {
        return launch.jvmOptions();
    }

    /**
     * Stops the process (SIGTERM; SIGKILL for it and its children after {@code grace}). A training run
     * that ended by itself leaves its AOT cache, which is moved into place here for the next start.
     *
     * @return whether it ended within {@code grace}
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        boolean ended;
        try {
            ended = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            // the AOT cache is assembled by a child JVM that the exiting one waits for
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        aot.finish(ended);
        return ended;
    }

    /** Whether this run trains the AOT cache (there was none for this build, JDK and options). */
    public boolean trainsAotCache() {
        return aot.training();
    }

    /** Whether this run started from an AOT cache. */
    public boolean usesAotCache() {
        return aot.using();
    }

    public Service service() {
        return launch.service();
    }

    public String name() {
        return launch.service().name();
    }

    public int port() {
        return launch.port();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + launch.port());
    }

    /** Health and metrics: {@code http://127.0.0.1:<management port>}. */
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + launch.managementPort());
    }

    public int managementPort() {
        return launch.managementPort();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return launch.log();
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
        return ProcessTools.tail(launch.log(), lines);
    }

    /**
     * The JDK's ahead-of-time cache of one packaged service. The services are packaged as
     * {@code aot-jar} (each service's {@code quarkus.package.jar.type}): every class on the class path,
     * loaded by the JVM's own loader, which is what the cache can hold.
     */
    static final class AotCache {

        /** The first JDK with {@code -XX:AOTCacheOutput} (one training run writes the cache; JEP 514). */
        static final int FIRST_JDK = 25;
        private static final String PREFIX = "local-stack-";
        private static final String SUFFIX = ".aot";
        /** A training file this old belongs to no run that can still finish it. */
        private static final Duration ABANDONED = Duration.ofHours(1);

        private AotCache() {
        }

        /** How one launch uses the cache: the JVM options it adds, and what to do when it stops. */
        record Use(List<String> options, Path cache, Path trainingOutput) {
            static final Use NONE = new Use(List.of(), null, null);

            boolean training() {
                return trainingOutput != null;
            }

            boolean using() {
                return cache != null && trainingOutput == null;
            }

            /** After the process ended: keeps a complete training output as the cache, drops anything else. */
            void finish(boolean endedByItself) {
                if (trainingOutput == null) {
                    return;
                }
                try {
                    if (endedByItself && Files.isRegularFile(trainingOutput) && Files.size(trainingOutput) > 0) {
                        Files.move(trainingOutput, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        removeOthers(cache);
                    } else {
                        Files.deleteIfExists(trainingOutput);
                    }
                    Files.deleteIfExists(trainingOutput.resolveSibling(trainingOutput.getFileName() + ".config"));
                } catch (IOException e) {
                    // no cache: the next start trains again
                }
            }
        }

        static Use forLaunch(String java, Path jar, List<String> jvmOptions) {
            if (!supported(java) || choosesItsOwn(jvmOptions)) {
                return Use.NONE;
            }
            Path directory = jar.getParent();
            String fingerprint;
            try {
                fingerprint = fingerprint(java, directory, jvmOptions);
            } catch (IOException | UncheckedIOException e) {
                return Use.NONE;
            }
            Path cache = directory.resolve(PREFIX + fingerprint + SUFFIX);
            if (Files.isRegularFile(cache)) {
                return new Use(List.of("-XX:AOTCache=" + cache), cache, null);
            }
            removeAbandonedTraining(directory);
            Path output = directory.resolve(PREFIX + fingerprint + SUFFIX + "." + ProcessHandle.current().pid()
                    + "-" + System.nanoTime() + ".training");
            return new Use(List.of("-XX:AOTCacheOutput=" + output), cache, output);
        }

        /** Only the JDK this launcher runs on is known to understand the options (feature version 25+). */
        static boolean supported(String java) {
            if (Runtime.version().feature() < FIRST_JDK) {
                return false;
            }
            Path own = Path.of(System.getProperty("java.home"), "bin", "java");
            String current = ProcessHandle.current().info().command().orElse(own.toString());
            return java.equals(current) || java.equals(own.toString());
        }

        static boolean choosesItsOwn(List<String> jvmOptions) {
            return jvmOptions.stream().anyMatch(option -> option.startsWith("-XX:AOTCache")
                    || option.startsWith("-XX:AOTMode") || option.startsWith("-XX:AOTConfiguration")
                    || option.startsWith("-XX:SharedArchiveFile") || option.startsWith("-XX:ArchiveClassesAtExit")
                    || option.equals("-Xshare:off") || option.contains("AutoCreateSharedArchive"));
        }

        /** Every file of the packaged application (path, size, time), the JDK and the options. */
        static String fingerprint(String java, Path applicationDirectory, List<String> jvmOptions) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            List<String> lines = new ArrayList<>();
            lines.add(java);
            lines.add(Runtime.version().toString());
            lines.add(String.join(" ", jvmOptions));
            try (Stream<Path> files = Files.walk(applicationDirectory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = applicationDirectory.relativize(file).toString();
                    if (name.startsWith(PREFIX)) {
                        continue;
                    }
                    lines.add(name + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
                }
            }
            byte[] hash = digest.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        }

        /** Caches of earlier builds or options: the JVM would refuse them anyway. */
        private static void removeOthers(Path cache) throws IOException {
            try (Stream<Path> files = Files.list(cache.getParent())) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && !file.equals(cache)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }

        private static void removeAbandonedTraining(Path directory) {
            Instant before = Instant.now().minus(ABANDONED);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(PREFIX) && name.contains(".training")
                            && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException e) {
                // left for a later start
            }
        }
    }
}
