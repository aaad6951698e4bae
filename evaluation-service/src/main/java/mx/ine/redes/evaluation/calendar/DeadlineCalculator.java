package mx.ine.redes.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The deadline rules of domain.md §3 over one calendar version; pure, so it can be tested with
 * real dates and measured without a database.
 *
 * <p>Business hours are the half-open interval [opening, close): an act at 18:00 exactly is after
 * hours, an act at 09:00 exactly is within them. During an electoral process every hour counts,
 * so an act takes effect when it is made, and a deadline that ends on such a day ends at 23:59:59.
 */
public final class DeadlineCalculator {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    /** No term in the Lineamientos is longer than a few weeks; this bounds a broken calendar. */
    private static final int MAX_DAYS_SCANNED = 3660;

    private final BusinessCalendar calendar;

    public DeadlineCalculator(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public Instant effectiveTime(Instant act) {
        ZonedDateTime local = act.atZone(calendar.zone());
        LocalDate day = local.toLocalDate();
        if (calendar.isElectoral(day)) {
            return act;
        }
        LocalTime time = local.toLocalTime();
        if (calendar.isBusinessDay(day)) {
            if (time.isBefore(calendar.opensAt())) {
                return day.atTime(calendar.opensAt()).atZone(calendar.zone()).toInstant();
            }
            if (time.isBefore(calendar.closesAt())) {
                return act;
            }
        }
        return nextOpening(day);
    }

    public boolean isBusinessTime(Instant instant) {
        return effectiveTime(instant).equals(instant);
    }

    /** The first instant of business time on a day after {@code day}: 09:00, or midnight on an electoral day. */
    private Instant nextOpening(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, next = next.plusDays(1)) {
            if (calendar.isElectoral(next)) {
                return next.atStartOfDay(calendar.zone()).toInstant();
            }
            if (calendar.isBusinessDay(next)) {
                return next.atTime(calendar.opensAt()).atZone(calendar.zone()).toInstant();
            }
        }
        throw new IllegalStateException("No business day within ten years after " + day);
    }

    public Deadline afterBusinessDays(Instant act, int businessDays) {
        if (businessDays < 1) {
            throw new IllegalArgumentException("businessDays must be at least 1");
        }
        Instant effective = effectiveTime(act);
        LocalDate effectiveDay = effective.atZone(calendar.zone()).toLocalDate();
        List<Deadline.Day> days = new ArrayList<>(businessDays + 8);
        LocalDate day = effectiveDay;
        int counted = 0;
        for (int i = 0; counted < businessDays; i++) {
            if (i == MAX_DAYS_SCANNED) {
                throw new IllegalStateException("No " + businessDays + " business days within ten years after " + act);
            }
            day = day.plusDays(1);
            BusinessCalendar.DayStatus status = calendar.status(day);
            if (status.isBusiness()) {
                counted++;
                days.add(new Deadline.Day(day, true, counted, status.reason()));
            } else {
                days.add(new Deadline.Day(day, false, 0, status.reason()));
            }
        }
        return new Deadline(act, effective, closeOf(day), businessDays,
                DeadlinePolicy.EFFECT_AT_NEXT_OPENING + "+" + DeadlinePolicy.COUNT_FROM_NEXT_BUSINESS_DAY + "+"
                        + DeadlinePolicy.DUE_AT_CLOSE_OF_LAST_DAY, calendar.version(), days);
    }

    /**
     * 18:00 of the 10th business day of the window month, unless the request took effect so late
     * that fewer than 10 business days would remain: then 10 business days after its effect.
     */
    public Deadline submissionWindow(Instant requestAct, YearMonth windowMonth) {
        int n = DeadlinePolicy.SUBMISSION_WINDOW_BUSINESS_DAYS;
        Deadline minimum = afterBusinessDays(requestAct, n);
        List<Deadline.Day> days = new ArrayList<>();
        LocalDate day = windowMonth.atDay(1);
        int counted = 0;
        while (true) {
            BusinessCalendar.DayStatus status = calendar.status(day);
            if (status.isBusiness()) {
                counted++;
                days.add(new Deadline.Day(day, true, counted, status.reason()));
                if (counted == n) {
                    break;
                }
            } else {
                days.add(new Deadline.Day(day, false, 0, status.reason()));
            }
            day = day.plusDays(1);
        }
        Instant windowClose = closeOf(day);
        if (!minimum.dueAt().isAfter(windowClose)) {
            return new Deadline(requestAct, minimum.effectiveAt(), windowClose, n,
                    DeadlinePolicy.SUBMISSION_WINDOW + "(" + windowMonth + ")", calendar.version(), days);
        }
        return new Deadline(requestAct, minimum.effectiveAt(), minimum.dueAt(), n,
                DeadlinePolicy.SUBMISSION_WINDOW + "(" + windowMonth + ", mínimo de " + n + " días hábiles)+"
                        + minimum.policy(), calendar.version(), minimum.days());
    }

    private Instant closeOf(LocalDate day) {
        LocalTime close = calendar.isElectoral(day) ? END_OF_DAY : calendar.closesAt();
        return day.atTime(close).atZone(calendar.zone()).toInstant();
    }
}
