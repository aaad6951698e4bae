package mx.ine.redes.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Starts a local stack for a system test, as a user gets it (embedded PostgreSQL and Kafka, the four
 * packaged services as real processes, demo data), in its own data directory under
 * {@code deploy/target/} and on free ports, so that its logs and mailbox are there to read.
 */
final class SystemTestStacks {

    private SystemTestStacks() {
    }

    /** A started stack and every port it took (the services', their management ports, PostgreSQL, Kafka). */
    record Started(LocalStack stack, List<Integer> ports) {
    }

    static Started start(String name) throws IOException {
        return start(name, java.util.Map.of());
    }

    /** @param serviceEnvironment extra environment per service name (LocalStack.start) */
    static Started start(String name, java.util.Map<String, java.util.Map<String, String>> serviceEnvironment) throws IOException {
        Path repository = LocalStackOptions.findRepository(Path.of(""));
        Path data = repository.resolve("deploy/target/" + name);
        deleteRecursively(data);
        LocalStack.logInfrastructureTo(data.resolve("logs/infrastructure.log"));

        int postgresPort = freePort();
        int kafkaPort = freePort();
        int basePort = freePortBlock(4);
        LocalStackOptions options = new LocalStackOptions(repository, data, postgresPort, kafkaPort, basePort,
                Duration.ofSeconds(150), LocalStackOptions.serviceJvmOptions(System.getenv()), true, System.out);
        List<Integer> ports = new ArrayList<>(List.of(postgresPort, kafkaPort, basePort, basePort + 1, basePort + 2, basePort + 3));
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            ports.add(options.managementPort(service));
        }
        LocalStack stack = LocalStack.start(options, java.time.Instant.now(), serviceEnvironment);
        System.out.println(stack.summary());
        return new Started(stack, List.copyOf(ports));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of {@code count} consecutive free ports, below Linux's ephemeral range (32768+). */
    static int freePortBlock(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 31_000 - count);
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                // the management ports, LOCAL_BASE_PORT + 1000 + offset, too
                free = LocalStack.isFree(port) && LocalStack.isFree(port + ServiceProcess.MANAGEMENT_PORT_DISTANCE);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No block of " + count + " free ports");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
