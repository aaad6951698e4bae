package mx.ine.redes.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A computed deadline and its explanation: the act, when it took effect, each day looked at
 * (counted or skipped, and why), the policy applied and the calendar version used.
 */
public record Deadline(
        Instant actAt,
        Instant effectiveAt,
        Instant dueAt,
        int businessDays,
        String policy,
        long calendarVersion,
        List<Day> days) {

    public Deadline {
        days = List.copyOf(days);
    }

    /** One calendar day of the count: {@code ordinal} is its number among counted days, 0 if skipped. */
    public record Day(LocalDate date, boolean counted, int ordinal, String reason) {
    }
}
