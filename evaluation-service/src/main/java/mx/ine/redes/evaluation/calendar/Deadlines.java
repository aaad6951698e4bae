package mx.ine.redes.evaluation.calendar;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The legal clock of domain.md §3: when acts take effect and when terms counted in business days
 * end. Every answer is computed against the current calendar version and can explain itself.
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

    /** The version of the calendar data that answers now; it grows with every change. */
    long calendarVersion();
}
