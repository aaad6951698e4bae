package mx.ine.redes.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The thread through the system: registers an area and an account in accounts-service and waits until
 * submissions, evaluation and reporting show the account in their registry projections
 * ({@code GET /api/registry/accounts/{id}}), measuring how long each took after the REST call answered.
 */
public final class CrossServiceCheck {

    static final List<String> CONSUMERS = List.of("submissions-service", "evaluation-service", "reporting-service");

    /** The outcome: the account registered, per consumer the latency in ms (absent when not seen), failures. */
    public record Result(String accountId, String handle, Map<String, Long> latencyMillis, List<String> failures) {
        public boolean ok() {
            return failures.isEmpty() && latencyMillis.size() == CONSUMERS.size();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("Cross-service check: account ").append(accountId).append(" (X @")
                    .append(handle).append(")\n");
            for (String consumer : CONSUMERS) {
                Long millis = latencyMillis.get(consumer);
                s.append(String.format(Locale.ROOT, "  %-20s %s%n", consumer,
                        millis == null ? "NOT SEEN" : "projection has it " + millis + " ms after the 201"));
            }
            failures.forEach(failure -> s.append("  FAILED: ").append(failure).append('\n'));
            s.append(ok() ? "  OK" : "  FAILED");
            return s.toString();
        }
    }

    private CrossServiceCheck() {
    }

    public static Result run(LocalStack stack, Duration timeout) {
        ApiClient api = new ApiClient();
        String token = stack.tokens().forRole("cncs");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        // One area for every check (409 after the first), a new account each time.
        String areaCode = "PRUEBA-HUMO";
        String handle = "smoke_" + suffix.toLowerCase(Locale.ROOT);
        List<String> failures = new ArrayList<>();
        Map<String, Long> latency = new LinkedHashMap<>();

        URI accounts = stack.serviceUri("accounts-service");
        ApiClient.Response area = api.postJson(accounts.resolve("/api/areas"), token, Map.of(
                "code", areaCode, "name", "Área de pruebas de humo del entorno local", "level", "CENTRAL"));
        if (area.status() != 201 && area.status() != 409) {
            failures.add("POST /api/areas answered " + area);
            return new Result(null, handle, latency, failures);
        }
        ApiClient.Response account = api.postJson(accounts.resolve("/api/accounts"), token, Map.of(
                "network", "X", "handle", "@" + handle, "displayName", "Cuenta de prueba " + suffix,
                "kind", "INSTITUTIONAL", "areaCode", areaCode));
        long registered = System.nanoTime();
        if (account.status() != 201) {
            failures.add("POST /api/accounts answered " + account);
            return new Result(null, handle, latency, failures);
        }
        String id = account.json().path("id").asText();

        long deadline = registered + timeout.toNanos();
        Map<String, ApiClient.Response> last = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        // One poller per consumer, so that one slow answer does not delay the others' measurement.
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.CompletableFuture<Void>> pollers = CONSUMERS.stream()
                .map(consumer -> java.util.concurrent.CompletableFuture.runAsync(() -> {
                    URI uri = stack.serviceUri(consumer).resolve("/api/registry/accounts/" + id);
                    while (System.nanoTime() < deadline) {
                        ApiClient.Response response = api.get(uri, token);
                        last.put(consumer, response);
                        if (response.status() == 200) {
                            seen.put(consumer, Duration.ofNanos(System.nanoTime() - registered).toMillis());
                            String mismatch = mismatch(response.json(), id, handle, areaCode);
                            if (mismatch != null) {
                                problems.add(consumer + ": " + mismatch + " in " + response.body());
                            }
                            return;
                        }
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }, threads))
                .toList();
            pollers.forEach(java.util.concurrent.CompletableFuture::join);
        }
        CONSUMERS.stream().filter(seen::containsKey).forEach(consumer -> latency.put(consumer, seen.get(consumer)));
        failures.addAll(problems);
        for (String consumer : CONSUMERS) {
            if (!latency.containsKey(consumer)) {
                failures.add(consumer + " did not show account " + id + " within " + timeout.toSeconds()
                        + " s; last answer " + last.get(consumer));
            }
        }
        return new Result(id, handle, latency, failures);
    }

    /** What differs between a projection's JSON and the account registered, or null if nothing. */
    static String mismatch(JsonNode json, String id, String handle, String areaCode) {
        if (!id.equals(json.path("accountId").asText())) {
            return "accountId is " + json.path("accountId");
        }
        if (!"X".equals(json.path("network").asText())) {
            return "network is " + json.path("network");
        }
        if (!handle.equalsIgnoreCase(json.path("handle").asText().replaceFirst("^@", ""))) {
            return "handle is " + json.path("handle");
        }
        if (!areaCode.equals(json.path("areaCode").asText())) {
            return "areaCode is " + json.path("areaCode");
        }
        return null;
    }
}
