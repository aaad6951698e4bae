package mx.ine.redes.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The legal clock of domain.md §3: when acts take effect and when terms counted in business days
 * end. Every answer is computed against one calendar version and can explain itself.
 * {@link DeadlineCalculator} answers for one fixed version; the service's implementation answers
 * from its snapshot of the current one (see {@code CalendarService#current()} for the answer that
 * is guaranteed current inside a transaction).
 */
public interface Deadlines {

    /** When an act (a notification, a submission) made at {@code act} takes effect. */
    Instant effectiveTime(Instant act);

    /** The end of a term of {@code businessDays} business days after an act made at {@code act}. */
    Deadline afterBusinessDays(Instant act, int businessDays);

    /**
     * The semester submission window: 18:00 of the 10th business day of {@code windowMonth}, never
     * fewer than 10 business days after the request made at {@code requestAct} takes effect.
     */
    Deadline submissionWindow(Instant requestAct, YearMonth windowMonth);

    /** Whether {@code instant} is inside business hours of a business day, or inside an electoral process. */
    boolean isBusinessTime(Instant instant);

    /** {@code instant} itself if it is business time, else the next instant that is. */
    Instant nextBusinessTime(Instant instant);

    /** Whether {@code day} is a business day: Monday to Friday and not a non-working day, or inside an electoral process. */
    boolean isBusinessDay(LocalDate day);

    /**
     * When to remind of a deadline: the opening (09:00, or 00:00 on an electoral day) of the
     * {@code businessDaysBefore}-th business day before the day of {@code dueAt}; empty if that
     * instant would not be before {@code dueAt}.
     */
    Optional<Instant> reminderTime(Instant dueAt, int businessDaysBefore);

    /** {@link #reminderTime(Instant, int)} with 1: the opening of the last business day before the deadline's day. */
    default Optional<Instant> reminderTime(Instant dueAt) {
        return reminderTime(dueAt, 1);
    }

    /**
     * The due instant of an ad hoc request due on {@code day} (Art. 12): 18:00 if it is a business
     * day, 23:59:59 if it is inside an electoral process, empty if it is not a business day.
     */
    Optional<Instant> adHocDue(LocalDate day);

    /** The version of the calendar data that answers now; it grows with every change. */
    long calendarVersion();
}
