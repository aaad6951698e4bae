package mx.ine.redes.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

/** The Institute's time zone and business hours (Art. 3 VII, Art. 10). */
@ConfigMapping(prefix = "calendar")
public interface CalendarConfig {

    @WithDefault("America/Mexico_City")
    ZoneId zone();

    @WithDefault("09:00")
    LocalTime opensAt();

    @WithDefault("18:00")
    LocalTime closesAt();

    /** How often an instance checks whether another one changed the calendar. */
    @WithDefault("PT15S")
    Duration refreshInterval();

    /**
     * The longest electoral process accepted: a federal process lasts about a year (September to
     * August); a longer one is almost surely a typing mistake (2027 for 2207) that would make every
     * day of those years count.
     */
    @WithDefault("P2Y")
    Period maxElectoralProcessLength();
}
