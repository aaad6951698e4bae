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

    /**
     * The relay loop reports "not running" in readiness when it has not gone round for this long.
     * A broker outage does not stop the loop (each attempt gives up after the send timeout and
     * backs off at most 10 s), so this must stay well above send timeout + 40 s.
     */
    @WithDefault("2m")
    Duration staleAfter();
}
