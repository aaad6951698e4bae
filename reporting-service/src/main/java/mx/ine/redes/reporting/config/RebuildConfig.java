package mx.ine.redes.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The read model's rebuild ({@code rebuild.*}, {@code ReadModelRebuild}). */
@ConfigMapping(prefix = "rebuild")
public interface RebuildConfig {

    /** Records applied per transaction while replaying: fewer commits, each one still small. */
    @WithDefault("500")
    int batchSize();

    /** Partitions replayed at once, each on a thread and a database connection of its own. */
    @WithDefault("6")
    int parallelism();

    /** How often the instance running a rebuild says it is still at it. */
    @WithDefault("5s")
    Duration heartbeatEvery();

    /** A run whose instance has not said so for this long was abandoned (the instance stopped): it no longer blocks the next. */
    @WithDefault("1m")
    Duration abandonedAfter();

    /** How long the replay waits for the broker on any one call before the rebuild fails. */
    @WithDefault("30s")
    Duration brokerTimeout();
}
