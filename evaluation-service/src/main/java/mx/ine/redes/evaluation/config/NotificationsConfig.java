package mx.ine.redes.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** E-mail notifications. */
@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    /** The address notices come from. */
    @WithDefault("redes-sociales@ine.mx")
    String from();

    /** How often the sweep looks for due work (also bounds the firing lag). */
    @WithDefault("1s")
    String pollInterval();

    /** Notices sent per transaction. */
    @WithDefault("20")
    int batchSize();

    /** First retry delay after the SMTP server refused or failed; doubles per attempt up to an hour. */
    @WithDefault("PT30S")
    Duration retryBackoff();
}
