package mx.ine.redes.evaluation.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One version of the calendar, immutable: rules (weekends, statutory days of rest), the
 * Institute's non-working days and the electoral processes, in the Institute's time zone and
 * business hours. Deadlines are computed against it without touching the database.
 */
public final class BusinessCalendar {

    /** An Institute non-working day as loaded, with the document that declared it. */
    public record InstituteDay(LocalDate day, String description, String sourceReference) {
    }

    /** An electoral process: every day and hour between these dates (inclusive) counts. */
    public record ElectoralPeriod(String name, LocalDate startsOn, LocalDate endsOn) {
        boolean contains(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    /** What a day is, and why. */
    public enum DayKind { BUSINESS, ELECTORAL_PROCESS, WEEKEND, STATUTORY_REST, INSTITUTE_NON_WORKING }

    public record DayStatus(DayKind kind, String reason) {
        public boolean isBusiness() {
            return kind == DayKind.BUSINESS || kind == DayKind.ELECTORAL_PROCESS;
        }
    }

    private final long version;
    private final ZoneId zone;
    private final LocalTime opensAt;
    private final LocalTime closesAt;
    private final Map<LocalDate, InstituteDay> instituteDays;
    private final List<ElectoralPeriod> electoralPeriods;

    public BusinessCalendar(long version, ZoneId zone, LocalTime opensAt, LocalTime closesAt,
                            Map<LocalDate, InstituteDay> instituteDays, List<ElectoralPeriod> electoralPeriods) {
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("Business hours must open before they close: " + opensAt + "–" + closesAt);
        }
        this.version = version;
        this.zone = zone;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.instituteDays = Map.copyOf(instituteDays);
        this.electoralPeriods = List.copyOf(electoralPeriods);
    }

    /** What each day is, computed once per year on first use: a deadline looks at many days. */
    private static final int FIRST_CACHED_YEAR = 1990;
    private static final int LAST_CACHED_YEAR = 2200;
    private final DayStatus[][] statusByYear = new DayStatus[LAST_CACHED_YEAR - FIRST_CACHED_YEAR + 1][];

    public DayStatus status(LocalDate day) {
        int year = day.getYear();
        if (year < FIRST_CACHED_YEAR || year > LAST_CACHED_YEAR) {
            return computeStatus(day);
        }
        DayStatus[] days = statusByYear[year - FIRST_CACHED_YEAR];
        if (days == null) {
            // Idempotent: two threads may both compute a year; either array is right.
            days = new DayStatus[day.lengthOfYear()];
            LocalDate date = LocalDate.of(year, 1, 1);
            for (int i = 0; i < days.length; i++, date = date.plusDays(1)) {
                days[i] = computeStatus(date);
            }
            statusByYear[year - FIRST_CACHED_YEAR] = days;
        }
        return days[day.getDayOfYear() - 1];
    }

    private DayStatus computeStatus(LocalDate day) {
        for (ElectoralPeriod period : electoralPeriods) {
            if (period.contains(day)) {
                return new DayStatus(DayKind.ELECTORAL_PROCESS, "proceso electoral: " + period.name());
            }
        }
        var statutory = StatutoryRestDays.of(day);
        if (statutory.isPresent()) {
            return new DayStatus(DayKind.STATUTORY_REST, "descanso obligatorio: " + statutory.get());
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return new DayStatus(DayKind.WEEKEND, day.getDayOfWeek() == DayOfWeek.SATURDAY ? "sábado" : "domingo");
        }
        InstituteDay institute = instituteDays.get(day);
        if (institute != null) {
            return new DayStatus(DayKind.INSTITUTE_NON_WORKING,
                    "día inhábil del Instituto: " + institute.description() + " (" + institute.sourceReference() + ")");
        }
        return new DayStatus(DayKind.BUSINESS, "día hábil");
    }

    public boolean isElectoral(LocalDate day) {
        return status(day).kind() == DayKind.ELECTORAL_PROCESS;
    }

    public boolean isBusinessDay(LocalDate day) {
        return status(day).isBusiness();
    }

    public long version() {
        return version;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime opensAt() {
        return opensAt;
    }

    public LocalTime closesAt() {
        return closesAt;
    }

    public Map<LocalDate, InstituteDay> instituteDays() {
        return instituteDays;
    }

    public List<ElectoralPeriod> electoralPeriods() {
        return electoralPeriods;
    }
}
