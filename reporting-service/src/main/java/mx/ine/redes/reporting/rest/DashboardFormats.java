package mx.ine.redes.reporting.rest;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import mx.ine.redes.reporting.report.ReportLabels;

/**
 * How the dashboard writes instants, dates and time left, in Spanish and in Mexico City time (the
 * Institute's), whatever the server's zone: {@code {fmt:local(o.dueAt)}}, {@code {fmt:left(o.timeLeft)}}.
 */
@TemplateExtension(namespace = "fmt")
public final class DashboardFormats {

    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    /** Written out rather than taken from the JDK's locale data, which changes between versions ("dic" / "dic."). */
    private static final String[] MONTHS = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"};

    private DashboardFormats() {
    }

    /** {@code 15 ene 2028, 09:30} in Mexico City; a dash when unknown. */
    public static String local(Instant instant) {
        if (instant == null) {
            return "—";
        }
        ZonedDateTime time = instant.atZone(MEXICO_CITY);
        return String.format(Locale.ROOT, "%d %s %d, %02d:%02d", time.getDayOfMonth(), MONTHS[time.getMonthValue() - 1],
                time.getYear(), time.getHour(), time.getMinute());
    }

    /** {@code 15 ene 2028}. */
    public static String day(LocalDate date) {
        return date == null ? "—" : date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    /**
     * Time left to a due time, cut (never rounded up) to what a person acts on: {@code 3 d 4 h}, {@code 5 h 20 min},
     * {@code 12 min}; past it, {@code vencida hace 2 d 3 h}.
     */
    public static String left(Duration timeLeft) {
        if (timeLeft == null) {
            return "sin plazo";
        }
        return timeLeft.isNegative() ? "vencida hace " + span(timeLeft.negated()) : span(timeLeft);
    }

    /** The whole minutes, hours and days of a duration that is not negative. */
    static String span(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes + " min";
    }

    /** The level of an area as the reports name it ({@code ReportLabels}); a dash for an area the inventory does not know. */
    public static String levelName(String level) {
        return level == null || level.equals(mx.ine.redes.reporting.service.OperationsOverview.UNKNOWN_LEVEL) || level.isEmpty()
                ? "—" : ReportLabels.level(level);
    }

    /** {@code X @INEMexico}, {@code Facebook @INEChiapas}; a dash for an account the inventory does not know yet. */
    public static String account(String network, String handle) {
        return handle == null ? "—" : ReportLabels.network(network) + " @" + handle;
    }
}
