package mx.ine.redes.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A computed deadline and its explanation: the act, when it took effect, each day looked at
 * (the days between the act and its effect, then each day counted or skipped, and why), the
 * policy applied and the calendar version used.
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

    /**
     * One calendar day of the explanation. {@code beforeEffect}: a day after the act's own day and
     * before the day it took effect (why the effect waited, e.g. Saturday and Sunday after a
     * Friday 19:00 act); such a day is never counted. Otherwise {@code ordinal} is its number
     * among counted days, 0 if skipped. {@code reason} is Spanish, {@code reasonEnglish} English.
     */
    public record Day(LocalDate date, boolean counted, int ordinal, String reason, String reasonEnglish,
                      boolean beforeEffect) {

        static Day beforeEffect(LocalDate date, BusinessCalendar.DayStatus status) {
            return new Day(date, false, 0, status.reason(), status.reasonEnglish(), true);
        }

        static Day counted(LocalDate date, int ordinal, BusinessCalendar.DayStatus status) {
            return new Day(date, true, ordinal, status.reason(), status.reasonEnglish(), false);
        }

        static Day skipped(LocalDate date, BusinessCalendar.DayStatus status) {
            return new Day(date, false, 0, status.reason(), status.reasonEnglish(), false);
        }
    }
}
