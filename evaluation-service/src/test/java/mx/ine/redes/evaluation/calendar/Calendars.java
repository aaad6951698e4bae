package mx.ine.redes.evaluation.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calendars for tests: the 2025–2026 Institute days of domain.md, plus what a test adds. */
final class Calendars {

    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    static final String DOF_2025 = "DOF 2025, acuerdo de días inhábiles del INE";

    private Calendars() {
    }

    /** 1–12 September 2025, 18 November 2025 and 22 December 2025–6 January 2026. */
    static Map<LocalDate, BusinessCalendar.InstituteDay> instituteDays2025() {
        Map<LocalDate, BusinessCalendar.InstituteDay> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2025, 9, 1); !d.isAfter(LocalDate.of(2025, 9, 12)); d = d.plusDays(1)) {
            days.put(d, new BusinessCalendar.InstituteDay(d, "primer periodo vacacional", DOF_2025));
        }
        days.put(LocalDate.of(2025, 11, 18), new BusinessCalendar.InstituteDay(LocalDate.of(2025, 11, 18), "día inhábil", DOF_2025));
        for (LocalDate d = LocalDate.of(2025, 12, 22); !d.isAfter(LocalDate.of(2026, 1, 6)); d = d.plusDays(1)) {
            days.put(d, new BusinessCalendar.InstituteDay(d, "segundo periodo vacacional", DOF_2025));
        }
        return days;
    }

    static DeadlineCalculator with(Map<LocalDate, BusinessCalendar.InstituteDay> days,
                                   List<BusinessCalendar.ElectoralPeriod> processes) {
        return new DeadlineCalculator(new BusinessCalendar(7, MEXICO, LocalTime.of(9, 0), LocalTime.of(18, 0),
                new HashMap<>(days), processes));
    }

    static DeadlineCalculator standard() {
        return with(instituteDays2025(), List.of());
    }
}
