package mx.ine.redes.support.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * A named limit on public endpoints: a token bucket per client, a burst of one minute's allowance,
 * refilled continuously. A client is an IPv4 address or an IPv6 /64 (one subscriber's network:
 * rotating addresses inside it is free), found behind the trusted proxies ({@link ClientAddress}).
 * Buckets live in memory, per instance, at most {@link RateLimitSettings#maxTrackedClients()} of
 * them: the least recently seen is forgotten first, so a flood of new addresses cannot reset
 * everybody's allowance. A service builds one per limit, from its own settings and the injected clock.
 */
public final class RateLimiter {

    private final String name;
    private final int perMinute;
    private final Clock clock;
    private final ClientAddress clients;
    private final Map<String, Bucket> buckets;

    /**
     * @param name the limit's configuration prefix (for example {@code open-data.rate-limit}), named in
     *             the error a wrong trusted proxy causes at start
     */
    public RateLimiter(String name, RateLimitSettings settings, Clock clock) {
        this(name, settings.requestsPerMinute(), settings.maxTrackedClients(), settings.trustedProxies(), clock);
    }

    RateLimiter(String name, int perMinute, int maxTrackedClients, Optional<List<String>> trustedProxies, Clock clock) {
        this.name = name;
        this.perMinute = Math.max(1, perMinute);
        this.clock = clock;
        this.clients = new ClientAddress(trustedProxies, name + ".trusted-proxies");
        int capacity = Math.max(1, maxTrackedClients);
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > capacity;
            }
        };
    }

    public String name() {
        return name;
    }

    /**
     * Takes one request from the caller's allowance, or refuses it: 429 with {@code Retry-After}
     * and {@code refusal} as its detail.
     */
    public void enforce(HttpServerRequest request, Text refusal) {
        Duration wait = acquire(clientOf(request));
        if (!wait.isZero()) {
            throw ProblemException.tooManyRequests(refusal, wait);
        }
    }

    /** Who the request is counted for: its peer, or the client a trusted proxy says it forwards. */
    public String clientOf(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().host();
        return clients.of(peer, request.getHeader("X-Forwarded-For"));
    }

    /** @return {@link Duration#ZERO} if the request may go on, else how long until it may. */
    public Duration acquire(String clientAddress) {
        String client = ClientAddress.group(clientAddress);
        long now = clock.millis();
        double refillPerMilli = perMinute / 60_000.0;
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(perMinute, now));
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedAt) * refillPerMilli);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / refillPerMilli));
        }
    }

    /** How many clients are tracked now (for tests and metrics). */
    int trackedClients() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
