package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.ine.redes.support.testing.BenchmarkFigures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each service's time to ready (process spawned until {@code /q/health/ready} on its management port
 * answers 200) and resident memory (VmRSS after its first real API request): each ALONE, with the
 * embedded PostgreSQL and Kafka of a local stack running, then all four TOGETHER. Alone, each is also
 * started without its AOT cache ({@code -XX:AOTMode=off}), the reference of its ratio.
 *
 * <p>The stack's own start comes first: on the first start of a build it is the training run of the
 * caches (see {@link ServiceProcess}). Asserts only that every service became ready and answered 200;
 * the figures are printed and recorded ({@link BenchmarkFigures}), never asserted.
 *
 * <pre>
 *   mvn -B -ntp verify -Pbenchmark -pl deploy -am -Dtest=StartupBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class StartupBenchmarkTest {

    private static final String SECTION = "Startup";
    private static final long READY_TARGET_MILLIS = 1_500;
    private static final long RESIDENT_TARGET_MIB = 200;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofMinutes(3);

    private final ApiClient api = new ApiClient();

    /** One start: how long to ready, what the first request answered, the resident memory after it. */
    record Start(String service, long readyMillis, int firstStatus, long residentKiB, boolean fromCache) {
        double residentMiB() {
            return residentKiB / 1024.0;
        }
    }

    @Test
    @Timeout(value = 40, unit = java.util.concurrent.TimeUnit.MINUTES)
    void shouldStartEachServiceAloneAndAllFourTogether() throws Exception {
        SystemTestStacks.Started started = SystemTestStacks.start("startup-benchmark");
        List<ServiceProcess> running = new ArrayList<>();
        try (LocalStack stack = started.stack()) {
            String token = stack.tokens().forRole("cncs");
            List<ServiceProcess> stopped = new ArrayList<>();
            for (ServiceProcess service : stack.services()) {
                service.stop(STOP_GRACE);
                stopped.add(service);
            }

            Map<String, Start> alone = new LinkedHashMap<>();
            Map<String, Start> aloneWithoutCache = new LinkedHashMap<>();
            for (int i = 0; i < stopped.size(); i++) {
                ServiceProcess previous = stopped.get(i);
                List<String> withoutCache = new ArrayList<>(previous.jvmOptions());
                withoutCache.add("-XX:AOTMode=off");
                ServiceProcess reference = previous.relaunch(withoutCache);
                running.add(reference);
                aloneWithoutCache.put(previous.name(), measure(List.of(reference), token).getFirst());
                reference.stop(STOP_GRACE);

                ServiceProcess cached = reference.relaunch(previous.jvmOptions());
                running.add(cached);
                alone.put(previous.name(), measure(List.of(cached), token).getFirst());
                cached.stop(STOP_GRACE);
                stopped.set(i, cached);
            }

            List<ServiceProcess> together = new ArrayList<>();
            for (ServiceProcess service : stopped) {
                together.add(service.relaunch());
            }
            running.addAll(together);
            List<Start> allFour = measure(together, token);
            for (ServiceProcess service : together) {
                service.stop(STOP_GRACE);
            }

            print(alone, aloneWithoutCache, allFour);
            record(alone, aloneWithoutCache, allFour);

            for (Start start : concat(alone.values(), aloneWithoutCache.values(), allFour)) {
                assertThat(start.firstStatus()).as("%s: first request", start.service()).isEqualTo(200);
            }
        } finally {
            for (ServiceProcess service : running) {
                if (service.isAlive()) {
                    service.stop(Duration.ofSeconds(15));
                }
            }
        }
    }

    /** Waits until every one of these (just launched) is ready, then sends each its first request. */
    private List<Start> measure(List<ServiceProcess> services, String token) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!services.stream().allMatch(service -> service.checkReady(api))) {
            for (ServiceProcess service : services) {
                assertThat(service.isAlive()).as("%s is running; last lines of its log:%n%s", service.name(),
                        service.tailOfLog(40)).isTrue();
            }
            assertThat(System.nanoTime()).as("all ready within %s", READY_TIMEOUT).isLessThan(deadline);
            SystemTestStacks.pause(Duration.ofMillis(10));
        }
        List<Start> starts = new ArrayList<>();
        for (ServiceProcess service : services) {
            int status = api.get(firstRequest(service), token).status();
            starts.add(new Start(service.name(), service.readyAfterMillis(), status, service.residentKiB(),
                    service.usesAotCache()));
        }
        return starts;
    }

    /** A real read of the service's own data: the registry (accounts-service) or its copy of it (the others). */
    private static URI firstRequest(ServiceProcess service) {
        String path = service.name().equals("accounts-service") ? "/api/accounts?size=20" : "/api/registry/accounts?size=20";
        return service.uri().resolve(path);
    }

    private static void print(Map<String, Start> alone, Map<String, Start> withoutCache, List<Start> together) {
        String row = "  %-20s %12s %10s %14s %10s %16s %11s%n";
        StringBuilder table = new StringBuilder("\n=== Startup: time to ready (spawn -> /q/health/ready 200) and RSS after the first request ===\n");
        table.append(String.format(Locale.ROOT, row, "service", "alone ready", "alone RSS", "no-cache ready",
                "no-cache RSS", "together ready", "together RSS"));
        for (Start start : together) {
            Start single = alone.get(start.service());
            Start reference = withoutCache.get(start.service());
            table.append(String.format(Locale.ROOT, row, start.service(), single.readyMillis() + " ms",
                    mib(single), reference.readyMillis() + " ms", mib(reference), start.readyMillis() + " ms", mib(start)));
        }
        table.append(String.format(Locale.ROOT, "  AOT cache used: %s; targets: ready < %,d ms, RSS < %d MiB; load average %s%n",
                alone.values().stream().allMatch(Start::fromCache) ? "yes" : "NO (JDK < 25 or options chose their own)",
                READY_TARGET_MILLIS, RESIDENT_TARGET_MIB, ProcessTools.tail(java.nio.file.Path.of("/proc/loadavg"), 1).trim()));
        System.out.println(table);
    }

    private static void record(Map<String, Start> alone, Map<String, Start> withoutCache, List<Start> together) {
        for (Start start : alone.values()) {
            Start reference = withoutCache.get(start.service());
            BenchmarkFigures.recordAgainst(SECTION, start.service() + " ready alone", start.readyMillis(), "ms",
                    reference.readyMillis(), "the same without its AOT cache", "< 1,500 ms",
                    start.readyMillis() < READY_TARGET_MILLIS);
            BenchmarkFigures.recordAgainst(SECTION, start.service() + " RSS alone", round(start.residentMiB()), "MiB",
                    round(reference.residentMiB()), "the same without its AOT cache", "< 200 MiB",
                    start.residentMiB() < RESIDENT_TARGET_MIB);
        }
        for (Start start : together) {
            BenchmarkFigures.record(SECTION, start.service() + " ready with all four", start.readyMillis(), "ms",
                    "< 1,500 ms", start.readyMillis() < READY_TARGET_MILLIS);
            BenchmarkFigures.record(SECTION, start.service() + " RSS with all four", round(start.residentMiB()), "MiB",
                    "< 200 MiB", start.residentMiB() < RESIDENT_TARGET_MIB);
        }
    }

    private static String mib(Start start) {
        return String.format(Locale.ROOT, "%.0f MiB", start.residentMiB());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @SafeVarargs
    private static List<Start> concat(java.util.Collection<Start>... groups) {
        List<Start> all = new ArrayList<>();
        for (java.util.Collection<Start> group : groups) {
            all.addAll(group);
        }
        return all;
    }
}
