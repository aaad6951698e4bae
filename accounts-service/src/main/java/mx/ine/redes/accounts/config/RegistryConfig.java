package mx.ine.redes.accounts.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;
import io.smallrye.config.WithDefault;
import mx.ine.redes.support.ratelimit.RateLimitSettings;

/** The registry's rules that the Institute may tune without a release. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Dormancy dormancy();

    Verification verification();

    interface Dormancy {
        /** More days than this without a publication make an account dormant (seed 002: "más de un año"). */
        @WithDefault("365")
        int thresholdDays();

        /** When the daily review runs (cron, America/Mexico_City); {@code off} disables it. */
        @WithDefault("0 30 6 * * ?")
        String cron();
    }

    /** The public verification's rate limit ({@code registry.verification.*}). */
    interface Verification extends RateLimitSettings {
        /** Requests one client (an IPv4 address, an IPv6 /64) may make per minute to the public verification. */
        @Override
        @WithDefault("60")
        int requestsPerMinute();

        /**
         * The proxies in front of the service (addresses or CIDR blocks, IPv4 or IPv6). A request
         * from one of them is attributed to the last address of {@code X-Forwarded-For} that is not
         * one of them (read from the right: the entries on the left are whatever the client wrote).
         * None (the default): {@code X-Forwarded-For} is ignored.
         */
        @Override
        Optional<List<String>> trustedProxies();

        /** How many clients' buckets are kept; beyond it the least recently seen is forgotten. */
        @Override
        @WithDefault("100000")
        int maxTrackedClients();
    }

    Bulk bulk();

    interface Bulk {
        /** Accounts written (and their events) per flush in bulk work: the dormancy sweep, an area change. */
        @WithDefault("500")
        int chunkSize();
    }
}
