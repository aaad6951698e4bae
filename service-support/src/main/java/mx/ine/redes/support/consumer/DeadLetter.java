package mx.ine.redes.support.consumer;

import java.time.Instant;

/**
 * A record a consumer could not decode, as an operator sees it.
 *
 * @param replayedAt      when a replay applied it; {@code null} while it is still parked
 * @param lastReplayError why the last replay failed; {@code null} if none failed
 */
public record DeadLetter(
        long id,
        String consumer,
        String topic,
        int partition,
        long offset,
        String key,
        String record,
        String error,
        Instant parkedAt,
        Instant replayedAt,
        String lastReplayError) {
}
