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

    /** A day of rest's name, in Spanish (what people read by default) and in English. */
    public record RestDay(String spanish, String english) {
    }

    private StatutoryRestDays() {
    }

    /** The Spanish name of the day of rest that falls on {@code date}, if any. */
    public static Optional<String> of(LocalDate date) {
        return describe(date).map(RestDay::spanish);
    }

    /** The day of rest that falls on {@code date}, if any, named in both languages. */
    public static Optional<RestDay> describe(LocalDate date) {
        int day = date.getDayOfMonth();
        return Optional.ofNullable(switch (date.getMonth()) {
            case JANUARY -> day == 1 ? new RestDay("1 de enero (Año Nuevo)", "1 January (New Year's Day)") : null;
            case FEBRUARY -> isNthMonday(date, 1)
                    ? new RestDay("primer lunes de febrero (Día de la Constitución)", "first Monday of February (Constitution Day)") : null;
            case MARCH -> isNthMonday(date, 3)
                    ? new RestDay("tercer lunes de marzo (natalicio de Benito Juárez)", "third Monday of March (Benito Juárez's birthday)") : null;
            case MAY -> day == 1 ? new RestDay("1 de mayo (Día del Trabajo)", "1 May (Labour Day)") : null;
            case JUNE, JULY -> isFederalElectionDay(date)
                    ? new RestDay("día de la jornada electoral federal", "federal election day") : null;
            case SEPTEMBER -> day == 16 ? new RestDay("16 de septiembre (Día de la Independencia)", "16 September (Independence Day)") : null;
            case OCTOBER -> day == 1 && isInaugurationYear(date.getYear())
                    ? new RestDay("1 de octubre (transmisión del Poder Ejecutivo Federal)", "1 October (transfer of the Federal Executive)") : null;
            case NOVEMBER -> isNthMonday(date, 3)
                    ? new RestDay("tercer lunes de noviembre (Día de la Revolución)", "third Monday of November (Revolution Day)") : null;
            case DECEMBER -> day == 25 ? new RestDay("25 de diciembre (Navidad)", "25 December (Christmas Day)") : null;
            default -> null;
        });
    }

    /** 1 October every six years from 2024 (2030, 2036, …), as the spec lists. */
    static boolean isInaugurationYear(int year) {
        return year >= 2024 && (year - 2024) % 6 == 0;
    }

    /**
     * Federal elections (LGIPE art. 22, since the 2014 reform) are held on the first Sunday of June
     * every three years: 2015, 2021, 2024, 2027, 2030, … — except 2018, which a transitional article
     * moved to the first Sunday of July (1 July 2018). The day is a Sunday, a weekend already; the
     * rule names it in explanations (and it matters inside an electoral process, which it always is).
     */
    static boolean isFederalElectionDay(LocalDate date) {
        int year = date.getYear();
        if (year < 2015 || (year - 2015) % 3 != 0) {
            return false;
        }
        var month = year == 2018 ? java.time.Month.JULY : java.time.Month.JUNE;
        return date.getMonth() == month
                && date.equals(date.withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY)));
    }

    private static boolean isNthMonday(LocalDate date, int n) {
        return date.getDayOfWeek() == DayOfWeek.MONDAY && (date.getDayOfMonth() - 1) / 7 == n - 1;
    }
}
