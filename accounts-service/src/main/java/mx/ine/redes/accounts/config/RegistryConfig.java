package mx.ine.redes.accounts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    interface Verification {
        /** Requests one client address may make per minute to the public verification. */
        @WithDefault("60")
        int requestsPerMinute();

        /** Whether the client address is taken from {@code X-Forwarded-For} (only behind a trusted proxy). */
        @WithDefault("false")
        boolean trustForwardedFor();
    }
}
