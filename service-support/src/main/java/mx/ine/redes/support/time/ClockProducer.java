package mx.ine.redes.support.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of "now" in every service. Tests and the local stack's simulation replace it
 * (see {@link ShiftableClock}); nothing calls {@code Instant.now()} directly.
 */
public class ClockProducer {

    @Produces
    @Singleton
    ShiftableClock clock() {
        return new ShiftableClock(Clock.systemUTC());
    }
}
