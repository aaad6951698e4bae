package mx.ine.redes.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "outbox.relay")
public interface OutboxConfig {

    /** Off only in tests of one class that must not publish. */
    @WithDefault("true")
    boolean enabled();

    /** Rows claimed per transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * How often the relay looks for rows even when nobody woke it: after a failure, or for rows
     * written by another instance of the service.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a batch waits for the broker's acknowledgements before it is retried later. */
    @WithDefault("20s")
    Duration sendTimeout();
}
