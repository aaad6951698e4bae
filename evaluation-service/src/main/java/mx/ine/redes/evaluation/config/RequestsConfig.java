package mx.ine.redes.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Requests, their window and the Art. 15 chain. */
@ConfigMapping(prefix = "requests")
public interface RequestsConfig {

    /**
     * The day of the month before the window month from which a semester cycle may be opened
     * (domain.md §3: from the 15th of June for S1, of December for S2), so that its notices leave
     * before the window opens and the deadline is the window's.
     */
    @WithDefault("15")
    int cycleOpensFromDay();

    /** The reminder goes out at the opening of this many business days before the deadline's day. */
    @WithDefault("1")
    int reminderBusinessDaysBefore();

    /**
     * How long after a deadline the overdue decision waits for submissions still in flight between
     * services (timeliness is judged at intake, domain.md §3).
     */
    @WithDefault("PT10M")
    Duration overdueGrace();

    /** Business days the area head has to have an escalated request attended before it goes to the Committee. */
    @WithDefault("2")
    int escalationBusinessDays();

    /**
     * Opening a cycle issues its requests this many accounts at a time: each chunk is read, written
     * in JDBC batches and let go of, so memory does not grow with the registry (one transaction still:
     * the cycle opens for every account or for none).
     */
    @WithDefault("500")
    int cycleOpeningChunkSize();
}
