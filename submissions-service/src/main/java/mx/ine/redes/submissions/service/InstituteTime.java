package mx.ine.redes.submissions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import mx.ine.redes.submissions.config.IntakeConfig;
import mx.ine.redes.support.problem.Text;

/** Instants as a person in the Institute reads them (Mexico City time), in Spanish and English. */
@ApplicationScoped
public class InstituteTime {

    private static final DateTimeFormatter SPANISH = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy, HH:mm",
            Locale.forLanguageTag("es-MX"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MMMM d, yyyy, HH:mm", Locale.ENGLISH);

    @Inject
    IntakeConfig config;

    public Text said(Instant instant) {
        var local = instant.atZone(config.timeZone());
        return Text.of(SPANISH.format(local) + " (hora de la Ciudad de México)", ENGLISH.format(local) + " (Mexico City time)");
    }

    public OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(config.timeZone()).toOffsetDateTime();
    }

    public LocalDate date(Instant instant) {
        return instant.atZone(config.timeZone()).toLocalDate();
    }
}
