package mx.ine.redes.evaluation.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The statutory days of rest as rules, not a list (domain.md §3, Ley Federal del Trabajo art. 74):
 * they hold for any year without loading data.
 */
public final class StatutoryRestDays {

    private StatutoryRestDays() {
    }

    /** The name of the day of rest that falls on {@code date}, if any. */
    public static Optional<String> of(LocalDate date) {
        int day = date.getDayOfMonth();
        return Optional.ofNullable(switch (date.getMonth()) {
            case JANUARY -> day == 1 ? "1 de enero (Año Nuevo)" : null;
            case FEBRUARY -> isNthMonday(date, 1) ? "primer lunes de febrero (Día de la Constitución)" : null;
            case MARCH -> isNthMonday(date, 3) ? "tercer lunes de marzo (natalicio de Benito Juárez)" : null;
            case MAY -> day == 1 ? "1 de mayo (Día del Trabajo)" : null;
            case JUNE -> isFederalElectionDay(date) ? "día de la jornada electoral federal" : null;
            case SEPTEMBER -> day == 16 ? "16 de septiembre (Día de la Independencia)" : null;
            case OCTOBER -> day == 1 && isInaugurationYear(date.getYear())
                    ? "1 de octubre (transmisión del Poder Ejecutivo Federal)" : null;
            case NOVEMBER -> isNthMonday(date, 3) ? "tercer lunes de noviembre (Día de la Revolución)" : null;
            case DECEMBER -> day == 25 ? "25 de diciembre (Navidad)" : null;
            default -> null;
        });
    }

    /** 1 October every six years from 2024 (2030, 2036, …), as the spec lists. */
    static boolean isInaugurationYear(int year) {
        return year >= 2024 && (year - 2024) % 6 == 0;
    }

    /**
     * Federal elections are held on the first Sunday of June every three years (2024, 2027,
     * 2030, …). A Sunday is a weekend already; the rule names the day in explanations.
     */
    static boolean isFederalElectionDay(LocalDate date) {
        return date.getYear() >= 2024 && (date.getYear() - 2024) % 3 == 0
                && date.equals(date.withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY)));
    }

    private static boolean isNthMonday(LocalDate date, int n) {
        return date.getDayOfWeek() == DayOfWeek.MONDAY && (date.getDayOfMonth() - 1) / 7 == n - 1;
    }
}
