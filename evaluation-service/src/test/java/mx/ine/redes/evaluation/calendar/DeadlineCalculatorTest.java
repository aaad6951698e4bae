package mx.ine.redes.evaluation.calendar;

import static mx.ine.redes.evaluation.calendar.Calendars.MEXICO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalculatorTest {

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(MEXICO).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource(textBlock = """
            # an act on a business morning counts from the next day
            2026-11-10T10:00, 2,  2026-11-12T18:00
            # Friday: Saturday and Sunday are skipped
            2026-11-13T10:00, 1,  2026-11-17T18:00
            # third Monday of November 2026 (16th) is a statutory day of rest
            2026-11-12T10:00, 2,  2026-11-17T18:00
            # first Monday of February 2026 (2nd)
            2026-01-30T12:00, 1,  2026-02-03T18:00
            # third Monday of March 2026 (16th)
            2026-03-13T12:00, 1,  2026-03-17T18:00
            # after 18:00 the act takes effect the next business morning, counting starts the day after
            2026-11-10T18:30, 2,  2026-11-13T18:00
            # exactly 18:00 is after hours; exactly 09:00 is within them
            2026-11-10T18:00, 1,  2026-11-12T18:00
            2026-11-10T09:00, 1,  2026-11-11T18:00
            # before 09:00 on a business day: effect at 09:00 the same day
            2026-11-10T07:00, 1,  2026-11-11T18:00
            # a Saturday notice takes effect on Monday 09:00
            2026-11-07T11:00, 1,  2026-11-10T18:00
            # the 2025 summer vacation (1–12 September) and 16 September
            2025-08-29T12:00, 1,  2025-09-15T18:00
            2025-08-29T12:00, 2,  2025-09-17T18:00
            # 18 November 2025 (Institute) follows the third Monday (17th)
            2025-11-14T12:00, 1,  2025-11-19T18:00
            # the winter vacation runs to 6 January 2026
            2025-12-19T12:00, 1,  2026-01-07T18:00
            # 1 May, 25 December
            2026-04-30T10:00, 1,  2026-05-04T18:00
            2026-12-24T10:00, 1,  2026-12-28T18:00
            # 1 October 2030 (change of federal executive)
            2030-09-30T10:00, 1,  2030-10-02T18:00
            """)
    void shouldCountBusinessDaysOnRealDates(String act, int businessDays, String due) {
        Deadline deadline = Calendars.standard().afterBusinessDays(local(act), businessDays);

        assertThat(deadline.dueAt()).isEqualTo(local(due));
        assertThat(deadline.days().stream().filter(Deadline.Day::counted)).hasSize(businessDays);
    }

    @Test
    void shouldExplainEachDayCountedOrSkippedAndWhy() {
        Deadline deadline = Calendars.standard().afterBusinessDays(local("2025-11-14T19:00"), 2);

        assertThat(deadline.effectiveAt()).isEqualTo(local("2025-11-19T09:00"));
        // Friday 19:00: Saturday to Tuesday are why the effect waited; counting starts on Thursday.
        assertThat(deadline.days()).extracting(Deadline.Day::date, Deadline.Day::beforeEffect, Deadline.Day::counted, Deadline.Day::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 11, 15), true, false, "sábado"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 11, 16), true, false, "domingo"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 11, 17), true, false,
                                "descanso obligatorio: tercer lunes de noviembre (Día de la Revolución)"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 11, 18), true, false,
                                "día inhábil del Instituto: día inhábil (" + Calendars.DOF_2025 + ")"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 11, 20), false, true, "día hábil"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 11, 21), false, true, "día hábil"));
        assertThat(deadline.days()).extracting(Deadline.Day::reasonEnglish).containsExactly("Saturday", "Sunday",
                "statutory rest day: third Monday of November (Revolution Day)",
                "Institute non-working day: día inhábil (" + Calendars.DOF_2025 + ")", "business day", "business day");
        Deadline skipping = Calendars.standard().afterBusinessDays(local("2025-11-14T12:00"), 1);
        assertThat(skipping.days()).extracting(Deadline.Day::reason).containsExactly("sábado", "domingo",
                "descanso obligatorio: tercer lunes de noviembre (Día de la Revolución)",
                "día inhábil del Instituto: día inhábil (" + Calendars.DOF_2025 + ")", "día hábil");
        assertThat(skipping.policy()).contains(DeadlinePolicy.EFFECT_AT_NEXT_OPENING, DeadlinePolicy.DUE_AT_CLOSE_OF_LAST_DAY);
        assertThat(skipping.calendarVersion()).isEqualTo(7);
    }

    @Test
    void shouldCountEveryDayAndHourInsideAnElectoralProcess() {
        var process = new BusinessCalendar.ElectoralPeriod("Proceso Electoral Federal 2026-2027",
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));
        DeadlineCalculator calculator = Calendars.with(Calendars.instituteDays2025(), List.of(process));

        // Saturday 22:00 inside the process: the act takes effect at once; Sunday counts; the day ends at 23:59:59.
        Deadline deadline = calculator.afterBusinessDays(local("2026-11-14T22:00"), 2);
        assertThat(deadline.effectiveAt()).isEqualTo(local("2026-11-14T22:00"));
        assertThat(deadline.dueAt()).isEqualTo(local("2026-11-16T23:59:59"));
        assertThat(deadline.days()).allSatisfy(day -> assertThat(day.reason()).startsWith("proceso electoral"));
    }

    @Test
    void shouldRunAWindowThatStraddlesTheStartOfAnElectoralProcessIntoIt() {
        // The process starts on Friday 9 January 2026: from then on every day counts.
        var process = new BusinessCalendar.ElectoralPeriod("Proceso local extraordinario", LocalDate.of(2026, 1, 9),
                LocalDate.of(2026, 3, 31));
        DeadlineCalculator calculator = Calendars.with(Calendars.instituteDays2025(), List.of(process));

        Deadline window = calculator.submissionWindow(local("2025-12-15T10:00"), YearMonth.of(2026, 1));
        // 7 and 8 January are ordinary business days (1st and 2nd); 9–16 January count every day (3rd–10th).
        assertThat(window.dueAt()).isEqualTo(local("2026-01-16T23:59:59"));
    }

    @Test
    void shouldCloseTheSubmissionWindowOnTheTenthBusinessDayOfTheMonth() {
        // July 2026: 1–3, 6–10, 13–14 → the 10th business day is Tuesday 14 July.
        Deadline window = Calendars.standard().submissionWindow(local("2026-07-01T10:00"), YearMonth.of(2026, 7));
        assertThat(window.dueAt()).isEqualTo(local("2026-07-15T18:00"));
        assertThat(window.policy()).contains("mínimo");
        // A request made early (in June) closes on the 10th business day of July itself.
        Deadline early = Calendars.standard().submissionWindow(local("2026-06-15T10:00"), YearMonth.of(2026, 7));
        assertThat(early.dueAt()).isEqualTo(local("2026-07-14T18:00"));
        // January 2026: the vacation runs to the 6th, so the 10th business day is 20 January.
        Deadline january = Calendars.standard().submissionWindow(local("2025-12-01T10:00"), YearMonth.of(2026, 1));
        assertThat(january.dueAt()).isEqualTo(local("2026-01-20T18:00"));
    }

    @Test
    void shouldTellBusinessTimeFromAfterHours() {
        DeadlineCalculator calculator = Calendars.standard();
        assertThat(calculator.isBusinessTime(local("2026-11-10T09:00"))).isTrue();
        assertThat(calculator.isBusinessTime(local("2026-11-10T17:59:59"))).isTrue();
        assertThat(calculator.isBusinessTime(local("2026-11-10T18:00"))).isFalse();
        assertThat(calculator.isBusinessTime(local("2026-11-14T12:00"))).isFalse();
        assertThat(calculator.effectiveTime(local("2026-11-13T20:00"))).isEqualTo(local("2026-11-17T09:00"));
    }
}
