package mx.ine.redes.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The durable timer engine. */
@ConfigMapping(prefix = "timers")
public interface TimersConfig {

    /** Whether this instance sweeps (every instance may: claims never overlap). */
    @WithDefault("true")
    boolean enabled();

    /** How often the sweep looks for due work (also bounds the firing lag). */
    @WithDefault("1s")
    String pollInterval();

    /** Timers claimed and fired per transaction. */
    @WithDefault("200")
    int batchSize();

    /** First retry delay after a failed effect; doubles with each attempt up to {@link #maxBackoff()}. */
    @WithDefault("PT5S")
    Duration initialBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** Failed attempts after which a timer is DEAD: set aside until an operator retries it. */
    @WithDefault("12")
    int maxAttempts();
}
