package mx.ine.redes.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;
import mx.ine.redes.support.ratelimit.RateLimitSettings;

/** The public open data (domain.md §6, "Datos Abiertos"): {@code open-data.*}. */
@ConfigMapping(prefix = "open-data")
public interface OpenDataConfig {

    /** The limit per client on both open data endpoints together ({@code open-data.rate-limit.*}). */
    RateLimit rateLimit();

    /** How long a client or a cache in between may keep an answer before it asks again (Cache-Control max-age). */
    @WithDefault("60")
    int maxAgeSeconds();

    interface RateLimit extends RateLimitSettings {
        @Override
        @WithDefault("60")
        int requestsPerMinute();

        @Override
        Optional<List<String>> trustedProxies();

        @Override
        @WithDefault("100000")
        int maxTrackedClients();
    }
}
