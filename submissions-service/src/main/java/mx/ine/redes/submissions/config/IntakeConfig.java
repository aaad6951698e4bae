package mx.ine.redes.submissions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** How intake judges and shows time. */
@ConfigMapping(prefix = "submissions.intake")
public interface IntakeConfig {

    /** The Institute's time (Art. 3 VII): dates of receipt and deadlines are shown in it. */
    @WithDefault("America/Mexico_City")
    ZoneId timeZone();
}
