package mx.ine.redes.accounts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import mx.ine.redes.accounts.config.RegistryConfig;

/**
 * A token bucket per client address for the public verification: a burst of one minute's
 * allowance, refilled continuously. Buckets live in memory, per instance: a limit against abuse,
 * not an accounting of use.
 */
@ApplicationScoped
public class VerificationRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    @Inject
    RegistryConfig config;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @return {@link Duration#ZERO} if the request may go on, else how long until it may. */
    public Duration acquire(String client) {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear();
        }
        int perMinute = Math.max(1, config.verification().requestsPerMinute());
        long now = clock.millis();
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double refillPerMilli = perMinute / 60_000.0;
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.updatedAt) * refillPerMilli);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / refillPerMilli));
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
