package mx.ine.redes.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Requests and the Art. 15 chain. */
@ConfigMapping(prefix = "requests")
public interface RequestsConfig {

    /** How long before a deadline the administrators are reminded. */
    @WithDefault("PT24H")
    Duration reminderBefore();

    /** Business days the area head has to have an escalated request attended before it goes to the Committee. */
    @WithDefault("2")
    int escalationBusinessDays();
}
