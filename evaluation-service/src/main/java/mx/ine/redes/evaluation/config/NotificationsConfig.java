package mx.ine.redes.evaluation.config;

import io.smallrye.config.WithDefault;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** E-mail notifications. */
@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    /** Whether this instance sends (tests send when they mean to). */
    @WithDefault("true")
    boolean enabled();

    /** The address notices come from. */
    @WithDefault("redes-sociales@ine.mx")
    String from();

    /** Where alerts for Comunicación Social go (an account without administrator, an area tree without head). */
    @WithDefault("medios.alternativos@ine.mx")
    String cncsAddress();

    /** How often the sender looks for due notices. */
    @WithDefault("2s")
    String pollInterval();

    /** Notices sent per sweep at most (each in its own transactions). */
    @WithDefault("200")
    int maxPerSweep();

    /** How long a claimed notice may take to leave before another sweep may take it again. */
    @WithDefault("PT5M")
    Duration sendingLease();

    /** How long one SMTP conversation may take before it counts as failed (and is retried). */
    @WithDefault("PT60S")
    Duration smtpTimeout();

    /** First retry delay after the SMTP server refused or failed; doubles per attempt up to an hour. */
    @WithDefault("PT30S")
    Duration retryBackoff();
}
