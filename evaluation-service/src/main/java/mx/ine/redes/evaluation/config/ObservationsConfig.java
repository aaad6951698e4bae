package mx.ine.redes.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Observations (Art. 14). Their Art. 15 chain uses the requests' grace and head's term
 * ({@code requests.overdue-grace}, {@code requests.escalation-business-days}): one rule for both.
 */
@ConfigMapping(prefix = "observations")
public interface ObservationsConfig {

    /** Business days the administrators have to correct, counted from the observation's notice. */
    @WithDefault("2")
    int correctionBusinessDays();
}
