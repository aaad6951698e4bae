package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import mx.ine.redes.accounts.config.RegistryConfig;

/**
 * A token bucket per client for the public verification: a burst of one minute's allowance,
 * refilled continuously. A client is an IPv4 address or an IPv6 /64 (one subscriber's network:
 * rotating addresses inside it is free). Buckets live in memory, per instance, at most
 * {@code registry.verification.max-tracked-clients} of them: the least recently seen is
 * forgotten first, so a flood of new addresses cannot reset everybody's allowance.
 */
@ApplicationScoped
public class VerificationRateLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets;

    @Inject
    public VerificationRateLimiter(RegistryConfig config, Clock clock) {
        this(config.verification().requestsPerMinute(), config.verification().maxTrackedClients(), clock);
    }

    VerificationRateLimiter(int perMinute, int maxTrackedClients, Clock clock) {
        this.perMinute = Math.max(1, perMinute);
        this.clock = clock;
        int capacity = Math.max(1, maxTrackedClients);
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > capacity;
            }
        };
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
