package mx.ine.redes.evaluation.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One version of the calendar, immutable: rules (weekends, statutory days of rest), the
 * Institute's non-working days and the electoral processes, in the Institute's time zone and
 * business hours. Deadlines are computed against it without touching the database.
 *
 * <p>One instance is shared by every thread that computes deadlines (it is the service's
 * snapshot), so its lazily filled per-year cache is published safely (see {@link #status}).
 */
public final class BusinessCalendar {

    /** The years the calendar answers for (api-conventions.md): instants outside are refused. */
    public static final int FIRST_SUPPORTED_YEAR = 1990;
    public static final int LAST_SUPPORTED_YEAR = 2200;

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

    /**
     * A day's status and the reason an explanation gives, in Spanish and in English. Data (the
     * Institute's descriptions, the processes' names, source references) stays as it was loaded.
     */
    public record DayStatus(DayKind kind, String reason, String reasonEnglish) {
        public boolean isBusiness() {
            return kind == DayKind.BUSINESS || kind == DayKind.ELECTORAL_PROCESS;
        }
    }

    private static final DayStatus BUSINESS = new DayStatus(DayKind.BUSINESS, "día hábil", "business day");

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

    /**
     * What each day is, computed once per year on first use: a deadline looks at many days, and
     * computing all 211 supported years up front would cost every new version ~77,000 statuses.
     * The slots are an {@link AtomicReferenceArray}: its volatile write publishes a year's array
     * fully filled, so a thread that reads the slot sees every element (a plain array slot could
     * be seen before its contents, i.e. null statuses). Two threads may both compute a year; the
     * first to set the slot wins and both arrays are equal anyway.
     */
    private final AtomicReferenceArray<DayStatus[]> statusByYear =
            new AtomicReferenceArray<>(LAST_SUPPORTED_YEAR - FIRST_SUPPORTED_YEAR + 1);

    public DayStatus status(LocalDate day) {
        int year = day.getYear();
        if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
            return computeStatus(day);
        }
        DayStatus[] days = statusByYear.get(year - FIRST_SUPPORTED_YEAR);
        if (days == null) {
            days = new DayStatus[day.lengthOfYear()];
            LocalDate date = LocalDate.of(year, 1, 1);
            for (int i = 0; i < days.length; i++, date = date.plusDays(1)) {
                days[i] = computeStatus(date);
            }
            if (!statusByYear.compareAndSet(year - FIRST_SUPPORTED_YEAR, null, days)) {
                days = statusByYear.get(year - FIRST_SUPPORTED_YEAR);
            }
        }
        return days[day.getDayOfYear() - 1];
    }

    private DayStatus computeStatus(LocalDate day) {
        DayStatus ordinary = ordinaryStatus(day);
        List<String> processes = new ArrayList<>(1);
        for (ElectoralPeriod period : electoralPeriods) {
            if (period.contains(day)) {
                processes.add(period.name());
            }
        }
        if (processes.isEmpty()) {
            return ordinary;
        }
        // Overlapping processes are all named; a day of rest inside a process still counts, but the
        // explanation says what it would have been, so nobody wonders why a Sunday was counted.
        String names = String.join("; ", processes);
        String spanish = "proceso electoral: " + names;
        String english = "electoral process: " + names;
        switch (ordinary.kind()) {
            case WEEKEND -> {
                spanish += " (también día de descanso: " + ordinary.reason() + ")";
                english += " (also a rest day: " + ordinary.reasonEnglish() + ")";
            }
            case STATUTORY_REST -> {
                var rest = StatutoryRestDays.describe(day).orElseThrow();
                spanish += " (también día de descanso obligatorio: " + rest.spanish() + ")";
                english += " (also a statutory rest day: " + rest.english() + ")";
            }
            case INSTITUTE_NON_WORKING -> {
                spanish += " (también " + ordinary.reason() + ")";
                english += " (also an " + ordinary.reasonEnglish() + ")";
            }
            default -> {
            }
        }
        return new DayStatus(DayKind.ELECTORAL_PROCESS, spanish, english);
    }

    /** The day's status were there no electoral process. */
    private DayStatus ordinaryStatus(LocalDate day) {
        var statutory = StatutoryRestDays.describe(day);
        if (statutory.isPresent()) {
            return new DayStatus(DayKind.STATUTORY_REST, "descanso obligatorio: " + statutory.get().spanish(),
                    "statutory rest day: " + statutory.get().english());
        }
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return new DayStatus(DayKind.WEEKEND, "sábado", "Saturday");
        }
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return new DayStatus(DayKind.WEEKEND, "domingo", "Sunday");
        }
        InstituteDay institute = instituteDays.get(day);
        if (institute != null) {
            return new DayStatus(DayKind.INSTITUTE_NON_WORKING,
                    "día inhábil del Instituto: " + institute.description() + " (" + institute.sourceReference() + ")",
                    "Institute non-working day: " + institute.description() + " (" + institute.sourceReference() + ")");
        }
        return BUSINESS;
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
