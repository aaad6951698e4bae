package mx.ine.redes.accounts.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.BenchmarkFigures;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The registry at the Institute's full size and more: 100,000 accounts over 333 areas, then
 * filtered pages and public verifications over HTTP, with p50/p99 latency and throughput.
 * {@code mvn -B verify -Pbenchmark -pl accounts-service}.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(RegistryBenchmarkTest.Unlimited.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RegistryBenchmarkTest {

    /** The benchmark measures verification, not the rate limit. */
    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.verification.requests-per-minute", "1000000000");
        }
    }

    private static final int ACCOUNTS = 100_000;
    private static final int REQUESTS = 2_000;
    private static final int IMPORTED_LINES = 1_000;
    private static final String[] NETWORKS = {"X", "FACEBOOK", "INSTAGRAM", "YOUTUBE", "TIKTOK"};

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void measureListsAndVerification() throws Exception {
        load();
        String token = TestTokens.forRole(Roles.CNCS);
        List<String> lists = List.of(
                "/api/accounts?size=50",
                "/api/accounts?network=X&status=ACTIVE&size=50&page=40",
                "/api/accounts?area=BJLE-07&size=50",
                "/api/accounts?level=DISTRICT&state=7&network=FACEBOOK&size=50",
                "/api/accounts?dormant=true&size=50",
                "/api/accounts?q=bench0012&size=50");
        List<Measured> listed = new ArrayList<>();
        for (String path : lists) {
            listed.add(measure("list " + path, path, token, REQUESTS / 4));
        }
        Measured known = measure("verify (known)", "/api/public/verify?url=https://x.com/bench0012345", null, REQUESTS);
        Measured unknown = measure("verify (unknown)", "/api/public/verify?url=https://www.instagram.com/nadie_aqui", null, REQUESTS);

        String section = "Registry (accounts-service)";
        Measured slowest = listed.stream().max(java.util.Comparator.comparingDouble(Measured::p99Millis)).orElseThrow();
        Measured leastThroughput = listed.stream().min(java.util.Comparator.comparingDouble(Measured::requestsPerSecond)).orElseThrow();
        BenchmarkFigures.record(section, String.format(java.util.Locale.ROOT,
                "filtered page of 50 of %,d accounts, p99 with 1 client (slowest of %d lists: %s)", ACCOUNTS, listed.size(),
                slowest.name().replaceFirst("^list ", "")), slowest.p99Millis(), "ms", "", null);
        BenchmarkFigures.record(section, String.format(java.util.Locale.ROOT,
                "filtered pages, throughput with 4 clients (lowest of %d lists: %s)", listed.size(),
                leastThroughput.name().replaceFirst("^list ", "")),
                leastThroughput.requestsPerSecond(), "req/s", "", null);
        for (Measured verify : List.of(known, unknown)) {
            BenchmarkFigures.record(section, "public " + verify.name() + ", p99 with 1 client", verify.p99Millis(), "ms", "", null);
            BenchmarkFigures.record(section, "public " + verify.name() + ", throughput with 4 clients", verify.requestsPerSecond(),
                    "req/s", "", null);
        }

        double importMillis = importOneFile(token);
        BenchmarkFigures.record(section, String.format(java.util.Locale.ROOT,
                "CSV import of %,d new accounts in one file (one transaction, all or nothing), into %,d", IMPORTED_LINES,
                ACCOUNTS), importMillis, "ms", "", null);
    }

    /** One file of {@value #IMPORTED_LINES} new accounts through {@code POST /api/accounts/import}: the time to its 201. */
    private double importOneFile(String token) throws Exception {
        StringBuilder csv = new StringBuilder("url,network,handle,displayName,kind,areaCode\n");
        for (int i = 0; i < IMPORTED_LINES; i++) {
            csv.append(",X,csvbench").append(i).append(",Cuenta importada ").append(i).append(",INSTITUTIONAL,BJDE-")
                    .append(String.format("%03d", 1 + i % 300)).append('\n');
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/accounts/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=utf-8")
                .timeout(java.time.Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the import answered " + response.statusCode() + ": " + response.body());
        }
        System.out.printf("REGISTRY BENCHMARK CSV import of %,d accounts in one file: %.0f ms%n", IMPORTED_LINES, millis);
        return millis;
    }

    /** What the table records of one request: its latency alone (1 client) and its throughput (4 clients). */
    record Measured(String name, double p99Millis, double requestsPerSecond) {
    }

    private void load() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into area (id, code, name, level, state, created_at)
                    select gen_random_uuid(), 'BJLE-' || lpad(s::text, 2, '0'), 'Junta Local ' || s, 'LOCAL', s, now()
                    from generate_series(1, 32) s on conflict do nothing""").executeUpdate();
            entityManager.createNativeQuery("""
                    insert into area (id, code, name, level, state, district, parent_id, created_at)
                    select gen_random_uuid(), 'BJDE-' || lpad(s::text, 3, '0'), 'Junta Distrital ' || s, 'DISTRICT',
                           1 + (s % 32), 1 + (s / 32), (select id from area where code = 'BJLE-' || lpad((1 + (s % 32))::text, 2, '0')), now()
                    from generate_series(1, 300) s on conflict do nothing""").executeUpdate();
            entityManager.createNativeQuery("""
                    insert into account (id, network, handle, url, display_name, kind, status, area_id, registered_on,
                                         last_publication_on, created_at, dormant, search_text, decommissioned_on,
                                         decommission_reason)
                    select gen_random_uuid(), (array['X','FACEBOOK','INSTAGRAM','YOUTUBE','TIKTOK'])[1 + s % 5],
                           'bench' || lpad(s::text, 7, '0'), 'https://x.com/bench' || s, 'Cuenta de prueba ' || s,
                           'INSTITUTIONAL', case when s % 10 = 0 then 'DECOMMISSIONED' else 'ACTIVE' end,
                           (select id from area where code = 'BJDE-' || lpad((1 + s % 300)::text, 3, '0')),
                           current_date - 800, current_date - (s % 700), now(), s % 7 = 0,
                           'bench' || lpad(s::text, 7, '0') || ' cuenta de prueba ' || s,
                           case when s % 10 = 0 then current_date end, case when s % 10 = 0 then 'prueba' end
                    from generate_series(1, :n) s""").setParameter("n", ACCOUNTS).executeUpdate();
            entityManager.createNativeQuery("analyze").executeUpdate();
        });
    }

    /** Latency with one client (nothing queued behind it), then throughput with four. */
    private Measured measure(String name, String path, String token, int requests) throws Exception {
        double[] alone = measure(name, path, token, requests, 1);
        double[] together = measure(name, path, token, requests, 4);
        return new Measured(name, alone[1], together[2]);
    }

    /** @return p50 and p99 in ms, and requests per second */
    private double[] measure(String name, String path, String token, int requests, int threads) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        for (int i = 0; i < 100; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] latencies = new long[requests];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < requests; i += threads) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies[i] = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(name + " answered " + response.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("REGISTRY BENCHMARK %-70s %d client(s): p50 %6.2f ms  p99 %6.2f ms  %7.0f req/s%n", name, threads,
                latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6, requests / seconds);
        return new double[] {latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6, requests / seconds};
    }
}
