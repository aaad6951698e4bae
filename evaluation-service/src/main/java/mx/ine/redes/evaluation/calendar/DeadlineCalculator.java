package mx.ine.redes.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * The deadline rules of domain.md §3 over one calendar version; pure, so it can be tested with
 * real dates and measured without a database. Immutable and safe to share between threads.
 *
 * <p>Business hours are the half-open interval [opening, close): an act at 18:00 exactly is after
 * hours, an act at 09:00 exactly is within them. During an electoral process every hour counts,
 * so an act takes effect when it is made, and a deadline that ends on such a day ends at 23:59:59.
 *
 * <p>Instants are accepted within the supported years ({@link BusinessCalendar#FIRST_SUPPORTED_YEAR}
 * to {@link BusinessCalendar#LAST_SUPPORTED_YEAR}, Institute time); outside them the rules are not
 * known to hold (and far-off instants would overflow the date arithmetic), so they are refused.
 */
public final class DeadlineCalculator implements Deadlines {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    /** No term in the Lineamientos is longer than a few weeks; this bounds a broken calendar. */
    private static final int MAX_DAYS_SCANNED = 3660;

    private final BusinessCalendar calendar;
    private final Instant firstSupported;
    private final Instant afterLastSupported;

    public DeadlineCalculator(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.firstSupported = LocalDate.of(BusinessCalendar.FIRST_SUPPORTED_YEAR, 1, 1).atStartOfDay(calendar.zone()).toInstant();
        this.afterLastSupported = LocalDate.of(BusinessCalendar.LAST_SUPPORTED_YEAR + 1, 1, 1).atStartOfDay(calendar.zone()).toInstant();
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    @Override
    public long calendarVersion() {
        return calendar.version();
    }

    /** Whether {@code instant} falls within the supported years, in Institute time. */
    public boolean supports(Instant instant) {
        return !instant.isBefore(firstSupported) && instant.isBefore(afterLastSupported);
    }

    /**
     * The calendar's rules are known for 1990–2200 only. Whatever asks about another year (an
     * instant a client typed, a term that would end after 2200) gets a problem that says so, never
     * an arithmetic failure.
     */
    private void requireSupported(Instant instant) {
        if (!supports(instant)) {
            throw outsideSupportedYears(instant.toString());
        }
    }

    private void requireSupported(LocalDate day) {
        if (day.getYear() < BusinessCalendar.FIRST_SUPPORTED_YEAR || day.getYear() > BusinessCalendar.LAST_SUPPORTED_YEAR) {
            throw outsideSupportedYears(day.toString());
        }
    }

    private static ProblemException outsideSupportedYears(String when) {
        return ProblemException.unprocessable(Text.of(
                "El calendario admite los años " + BusinessCalendar.FIRST_SUPPORTED_YEAR + " a " + BusinessCalendar.LAST_SUPPORTED_YEAR
                        + " (hora de la Ciudad de México); " + when + " queda fuera.",
                "The calendar supports the years " + BusinessCalendar.FIRST_SUPPORTED_YEAR + " to "
                        + BusinessCalendar.LAST_SUPPORTED_YEAR + " (Mexico City time); " + when + " is outside them."), List.of());
    }

    @Override
    public Instant effectiveTime(Instant act) {
        requireSupported(act);
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

    @Override
    public boolean isBusinessTime(Instant instant) {
        return effectiveTime(instant).equals(instant);
    }

    @Override
    public Instant nextBusinessTime(Instant instant) {
        return effectiveTime(instant);
    }

    @Override
    public boolean isBusinessDay(LocalDate day) {
        requireSupported(day);
        return calendar.isBusinessDay(day);
    }

    /** The first instant of business time on a day after {@code day}: 09:00, or midnight on an electoral day. */
    private Instant nextOpening(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, next = next.plusDays(1)) {
            if (calendar.isBusinessDay(next)) {
                return openingOf(next);
            }
        }
        throw new IllegalStateException("No business day within ten years after " + day);
    }

    /** Where business time starts on a business day: 09:00, or 00:00 if the day is inside an electoral process. */
    private Instant openingOf(LocalDate businessDay) {
        return calendar.isElectoral(businessDay)
                ? businessDay.atStartOfDay(calendar.zone()).toInstant()
                : businessDay.atTime(calendar.opensAt()).atZone(calendar.zone()).toInstant();
    }

    @Override
    public Deadline afterBusinessDays(Instant act, int businessDays) {
        if (businessDays < 1) {
            throw new IllegalArgumentException("businessDays must be at least 1");
        }
        Instant effective = effectiveTime(act);
        LocalDate effectiveDay = effective.atZone(calendar.zone()).toLocalDate();
        List<Deadline.Day> days = new ArrayList<>(businessDays + 8);
        addDaysBeforeEffect(act, effectiveDay, days);
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
                days.add(Deadline.Day.counted(day, counted, status));
            } else {
                days.add(Deadline.Day.skipped(day, status));
            }
        }
        return new Deadline(act, effective, closeOf(day), businessDays,
                DeadlinePolicy.EFFECT_AT_NEXT_OPENING + "+" + DeadlinePolicy.COUNT_FROM_NEXT_BUSINESS_DAY + "+"
                        + DeadlinePolicy.DUE_AT_CLOSE_OF_LAST_DAY, calendar.version(), days);
    }

    /** The days strictly between the act's day and the effect's day: why the effect waited. */
    private void addDaysBeforeEffect(Instant act, LocalDate effectiveDay, List<Deadline.Day> days) {
        for (LocalDate day = act.atZone(calendar.zone()).toLocalDate().plusDays(1); day.isBefore(effectiveDay); day = day.plusDays(1)) {
            days.add(Deadline.Day.beforeEffect(day, calendar.status(day)));
        }
    }

    /**
     * 18:00 of the 10th business day of the window month, unless the request took effect so late
     * that fewer than 10 business days would remain: then 10 business days after its effect.
     */
    @Override
    public Deadline submissionWindow(Instant requestAct, YearMonth windowMonth) {
        int n = DeadlinePolicy.SUBMISSION_WINDOW_BUSINESS_DAYS;
        Deadline minimum = afterBusinessDays(requestAct, n);
        List<Deadline.Day> days = new ArrayList<>();
        minimum.days().stream().filter(Deadline.Day::beforeEffect).forEach(days::add);
        LocalDate day = windowMonth.atDay(1);
        requireSupported(day);
        int counted = 0;
        for (int i = 0; ; i++, day = day.plusDays(1)) {
            if (i == MAX_DAYS_SCANNED) {
                throw new IllegalStateException("No " + n + " business days within ten years after " + windowMonth);
            }
            BusinessCalendar.DayStatus status = calendar.status(day);
            if (status.isBusiness()) {
                counted++;
                days.add(Deadline.Day.counted(day, counted, status));
                if (counted == n) {
                    break;
                }
            } else {
                days.add(Deadline.Day.skipped(day, status));
            }
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

    /**
     * The opening (09:00, or 00:00 on an electoral day) of the {@code businessDaysBefore}-th
     * business day before the day of {@code dueAt}: with 1, the last business day before the
     * deadline's day, so that a reminder reaches people while they can still act in business time.
     * Empty if that instant is not before {@code dueAt} (kept as a guard: a reminder after the
     * deadline would be a lie).
     */
    @Override
    public Optional<Instant> reminderTime(Instant dueAt, int businessDaysBefore) {
        if (businessDaysBefore < 1) {
            throw new IllegalArgumentException("businessDaysBefore must be at least 1");
        }
        requireSupported(dueAt);
        LocalDate day = dueAt.atZone(calendar.zone()).toLocalDate();
        int counted = 0;
        for (int i = 0; i < MAX_DAYS_SCANNED; i++) {
            day = day.minusDays(1);
            if (calendar.isBusinessDay(day) && ++counted == businessDaysBefore) {
                Instant opening = openingOf(day);
                return opening.isBefore(dueAt) ? Optional.of(opening) : Optional.empty();
            }
        }
        throw new IllegalStateException("No " + businessDaysBefore + " business days within ten years before " + dueAt);
    }

    /**
     * The due instant of an ad hoc request (Art. 12) that CNCS sets for {@code day}: the close of
     * that day, 18:00, or 23:59:59 inside an electoral process; empty if {@code day} is not a
     * business day (a term cannot end on a day nobody works).
     */
    @Override
    public Optional<Instant> adHocDue(LocalDate day) {
        requireSupported(day);
        return calendar.isBusinessDay(day) ? Optional.of(closeOf(day)) : Optional.empty();
    }

    private Instant closeOf(LocalDate day) {
        LocalTime close = calendar.isElectoral(day) ? END_OF_DAY : calendar.closesAt();
        return day.atTime(close).atZone(calendar.zone()).toInstant();
    }
}
