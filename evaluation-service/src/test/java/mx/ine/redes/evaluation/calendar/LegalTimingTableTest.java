package mx.ine.redes.evaluation.calendar;

import static mx.ine.redes.evaluation.calendar.Calendars.MEXICO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table tests of the legal timing with every expected instant written out by hand from the rule
 * (domain.md §3), in UTC, so that a wrong offset shows. America/Mexico_City kept daylight saving
 * time until October 2022: CDT (−05:00) from the first Sunday of April at 02:00 to the last Sunday
 * of October at 02:00, CST (−06:00) otherwise, and −06:00 all year since.
 */
class LegalTimingTableTest {

    private static final String DOF_2026 = "DOF 2026, acuerdo de días inhábiles del INE (datos de prueba)";
    private static final BusinessCalendar.ElectoralPeriod PEF_2020_2021 =
            new BusinessCalendar.ElectoralPeriod("Proceso Electoral Federal 2020-2021", LocalDate.of(2020, 9, 7), LocalDate.of(2021, 8, 31));
    private static final BusinessCalendar.ElectoralPeriod PEF_2026_2027 =
            new BusinessCalendar.ElectoralPeriod("Proceso Electoral Federal 2026-2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31));

    private static DeadlineCalculator plain() {
        return Calendars.with(Map.of(), List.of());
    }

    /** 2026's declared days in the style of the 2025 DOF notice: the winter vacation 21 December 2026–6 January 2027. */
    private static Map<LocalDate, BusinessCalendar.InstituteDay> instituteDays2026() {
        Map<LocalDate, BusinessCalendar.InstituteDay> days = new HashMap<>();
        for (LocalDate d = LocalDate.of(2026, 12, 21); !d.isAfter(LocalDate.of(2027, 1, 6)); d = d.plusDays(1)) {
            days.put(d, new BusinessCalendar.InstituteDay(d, "segundo periodo vacacional", DOF_2026));
        }
        return days;
    }

    // --- daylight saving time (2020–2022) -----------------------------------------------------

    @ParameterizedTest(name = "{0} + {1} → effect {2}, due {3}")
    @CsvSource(textBlock = """
            # Friday 16 April 2021, 17:30 CDT (22:30Z): in hours, effect at once; Monday 19 April 18:00 CDT
            2021-04-16T22:30:00Z, 1, 2021-04-16T22:30:00Z, 2021-04-19T23:00:00Z
            2021-04-16T22:30:00Z, 2, 2021-04-16T22:30:00Z, 2021-04-20T23:00:00Z
            # the same Friday at 18:30 CDT: effect Monday 09:00 CDT; due Tuesday 18:00 CDT
            2021-04-16T23:30:00Z, 1, 2021-04-19T14:00:00Z, 2021-04-20T23:00:00Z
            # Friday 2 April 2021, 17:00 CST (still −06:00): due Monday 5 April 18:00, now CDT
            2021-04-02T23:00:00Z, 1, 2021-04-02T23:00:00Z, 2021-04-05T23:00:00Z
            # the night of the switch: Sunday 4 April 2021 01:30 CST; effect Monday 09:00 CDT; due Tuesday 18:00 CDT
            2021-04-04T07:30:00Z, 1, 2021-04-05T14:00:00Z, 2021-04-06T23:00:00Z
            # Friday 29 October 2021 17:59:59 CDT: due Monday 1 November 18:00, now CST
            2021-10-29T22:59:59Z, 1, 2021-10-29T22:59:59Z, 2021-11-02T00:00:00Z
            # Sunday 31 October 2021 01:30 happened twice (CDT, then CST): both take effect Monday 09:00 CST
            2021-10-31T06:30:00Z, 1, 2021-11-01T15:00:00Z, 2021-11-03T00:00:00Z
            2021-10-31T07:30:00Z, 1, 2021-11-01T15:00:00Z, 2021-11-03T00:00:00Z
            # the last switch: Friday 28 October 2022 17:00 CDT, due Monday 31 October 18:00 CST
            2022-10-28T22:00:00Z, 1, 2022-10-28T22:00:00Z, 2022-11-01T00:00:00Z
            # April 2023: no daylight saving any more, 17:30 is −06:00
            2023-04-14T23:30:00Z, 1, 2023-04-14T23:30:00Z, 2023-04-18T00:00:00Z
            # Friday 10 April 2020 (Holy Week is not a statutory rest day) 17:30 CDT; due Monday 13 April 18:00 CDT
            2020-04-10T22:30:00Z, 1, 2020-04-10T22:30:00Z, 2020-04-13T23:00:00Z
            """)
    void shouldKeepTheLocalHoursAcrossDaylightSavingTime(String act, int businessDays, String effective, String due) {
        Deadline deadline = plain().afterBusinessDays(Instant.parse(act), businessDays);

        assertThat(deadline.effectiveAt()).isEqualTo(Instant.parse(effective));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse(due));
    }

    @Test
    void shouldCountADaylightSavingElectoralProcessToTheSecondBeforeMidnightLocal() {
        DeadlineCalculator calculator = Calendars.with(Map.of(), List.of(PEF_2020_2021));

        // Friday 16 April 2021 17:30 CDT + 1: Saturday counts; 23:59:59 CDT is 04:59:59Z on Sunday.
        Deadline deadline = calculator.afterBusinessDays(Instant.parse("2021-04-16T22:30:00Z"), 1);
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2021-04-18T04:59:59Z"));
        assertThat(deadline.days()).extracting(Deadline.Day::reason)
                .containsExactly("proceso electoral: Proceso Electoral Federal 2020-2021 (también día de descanso: sábado)");

        // Election day 2021, Sunday 6 June, inside the process: counted, and named.
        Deadline electionDay = calculator.afterBusinessDays(Instant.parse("2021-06-05T17:00:00Z"), 1);
        assertThat(electionDay.dueAt()).isEqualTo(Instant.parse("2021-06-07T04:59:59Z"));
        assertThat(electionDay.days()).extracting(Deadline.Day::reason, Deadline.Day::reasonEnglish).containsExactly(tuple(
                "proceso electoral: Proceso Electoral Federal 2020-2021 (también día de descanso obligatorio: día de la jornada electoral federal)",
                "electoral process: Proceso Electoral Federal 2020-2021 (also a statutory rest day: federal election day)"));
    }

    // --- federal election day -------------------------------------------------------------------

    @Test
    void shouldNameFederalElectionDayAsARestDay() {
        // Friday 31 May 2024 12:00 CST + 1: Saturday, Sunday 2 June (election day), Monday 3 June 18:00.
        Deadline deadline = plain().afterBusinessDays(Instant.parse("2024-05-31T18:00:00Z"), 1);
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2024-06-04T00:00:00Z"));
        assertThat(deadline.days()).extracting(Deadline.Day::date, Deadline.Day::counted, Deadline.Day::reason).containsExactly(
                tuple(LocalDate.of(2024, 6, 1), false, "sábado"),
                tuple(LocalDate.of(2024, 6, 2), false, "descanso obligatorio: día de la jornada electoral federal"),
                tuple(LocalDate.of(2024, 6, 3), true, "día hábil"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(textBlock = """
            # first Sunday of June every three years from 2015; 2018 on the first Sunday of July
            2015-06-07, STATUTORY_REST
            2018-06-03, WEEKEND
            2018-07-01, STATUTORY_REST
            2021-06-06, STATUTORY_REST
            2024-06-02, STATUTORY_REST
            # 1 June 2027 is a Tuesday: an ordinary business day; the election is on Sunday 6 June
            2027-06-01, BUSINESS
            2027-06-06, STATUTORY_REST
            2030-06-02, STATUTORY_REST
            # 2025 is not a federal election year: 1 June 2025 is just a Sunday
            2025-06-01, WEEKEND
            # 1 October in inauguration years only (2024, 2030); 1 October 2026 is a Thursday
            2024-10-01, STATUTORY_REST
            2026-10-01, BUSINESS
            2030-10-01, STATUTORY_REST
            """)
    void shouldApplyTheElectionAndInaugurationRules(LocalDate day, BusinessCalendar.DayKind kind) {
        assertThat(plain().calendar().status(day).kind()).isEqualTo(kind);
    }

    @Test
    void shouldTreatTuesdayFirstOfJune2027AsAnOrdinaryBusinessDay() {
        // Monday 31 May 2027 10:00 CST + 1 → Tuesday 1 June 2027 18:00 CST.
        Deadline deadline = plain().afterBusinessDays(Instant.parse("2027-05-31T16:00:00Z"), 1);
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2027-06-02T00:00:00Z"));
        assertThat(deadline.days()).extracting(Deadline.Day::reason).containsExactly("día hábil");
    }

    // --- electoral processes: overlapping, ending mid-count -------------------------------------

    @Test
    void shouldNameEveryOverlappingProcessAndCountAcrossTheirUnion() {
        var a = new BusinessCalendar.ElectoralPeriod("Proceso A", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 8));
        var b = new BusinessCalendar.ElectoralPeriod("Proceso B", LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 10));
        DeadlineCalculator calculator = Calendars.with(Map.of(), List.of(a, b));

        // Friday 8 January 2027 20:00 CST (in both): effect at once. Saturday 9 (B) 1st, Sunday 10 (B) 2nd,
        // Monday 11 (no process) 3rd → 18:00 CST.
        Deadline deadline = calculator.afterBusinessDays(Instant.parse("2027-01-09T02:00:00Z"), 3);
        assertThat(deadline.effectiveAt()).isEqualTo(Instant.parse("2027-01-09T02:00:00Z"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2027-01-12T00:00:00Z"));
        assertThat(deadline.days()).extracting(Deadline.Day::date, Deadline.Day::ordinal, Deadline.Day::reason).containsExactly(
                tuple(LocalDate.of(2027, 1, 9), 1, "proceso electoral: Proceso B (también día de descanso: sábado)"),
                tuple(LocalDate.of(2027, 1, 10), 2, "proceso electoral: Proceso B (también día de descanso: domingo)"),
                tuple(LocalDate.of(2027, 1, 11), 3, "día hábil"));
        assertThat(calculator.calendar().status(LocalDate.of(2027, 1, 7)).reason()).isEqualTo("proceso electoral: Proceso A; Proceso B");
        // With two business days the count ends on Sunday 10, inside B: 23:59:59 CST.
        assertThat(calculator.afterBusinessDays(Instant.parse("2027-01-09T02:00:00Z"), 2).dueAt())
                .isEqualTo(Instant.parse("2027-01-11T05:59:59Z"));
    }

    @Test
    void shouldCloseAt18WhenTheCountEndsAfterTheProcess() {
        var process = new BusinessCalendar.ElectoralPeriod("Proceso local extraordinario", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
        DeadlineCalculator calculator = Calendars.with(Map.of(), List.of(process));

        // Thursday 5 March 2026 23:00 CST, inside the process: effect at once. Friday 6 (process, 1st),
        // Saturday and Sunday skipped (the process is over), Monday 9 (2nd) closes at 18:00 CST.
        Deadline deadline = calculator.afterBusinessDays(Instant.parse("2026-03-06T05:00:00Z"), 2);
        assertThat(deadline.effectiveAt()).isEqualTo(Instant.parse("2026-03-06T05:00:00Z"));
        assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(deadline.days()).extracting(Deadline.Day::date, Deadline.Day::counted, Deadline.Day::reason).containsExactly(
                tuple(LocalDate.of(2026, 3, 6), true, "proceso electoral: Proceso local extraordinario"),
                tuple(LocalDate.of(2026, 3, 7), false, "sábado"),
                tuple(LocalDate.of(2026, 3, 8), false, "domingo"),
                tuple(LocalDate.of(2026, 3, 9), true, "día hábil"));
        // One business day ends on Friday 6, inside the process: 23:59:59 CST.
        assertThat(calculator.afterBusinessDays(Instant.parse("2026-03-06T05:00:00Z"), 1).dueAt())
                .isEqualTo(Instant.parse("2026-03-07T05:59:59Z"));
    }

    // --- the semester windows -------------------------------------------------------------------

    @ParameterizedTest(name = "request {0} → due {1} ({2})")
    @CsvSource(textBlock = """
            # 2026-S1, July 2026: 1–3, 6–10, 13, 14 → 10th business day Tuesday 14 July, 18:00 CST
            2026-06-15T16:00:00Z, 2026-07-15T00:00:00Z, false
            # Tuesday 30 June 10:00: ten business days after it also end on 14 July → the window
            2026-06-30T16:00:00Z, 2026-07-15T00:00:00Z, false
            # Tuesday 30 June 19:00: effect Wednesday 1 July 09:00; 2, 3, 6–10, 13–15 → Wednesday 15 July
            2026-07-01T01:00:00Z, 2026-07-16T00:00:00Z, true
            """)
    void shouldCloseTheJuly2026Window(String act, String due, boolean minimum) {
        Deadline window = Calendars.standard().submissionWindow(Instant.parse(act), YearMonth.of(2026, 7));
        assertThat(window.dueAt()).isEqualTo(Instant.parse(due));
        assertThat(window.policy().contains("mínimo")).isEqualTo(minimum);
    }

    @Test
    void shouldCloseTheJanuary2027WindowAfterTheWinterVacation() {
        DeadlineCalculator calculator = Calendars.with(instituteDays2026(), List.of());

        // Tuesday 15 December 2026 10:00: January 2027's 1st–6th are not business days (New Year,
        // weekend, vacation); 7, 8, 11–15, 18, 19, 20 → Wednesday 20 January 18:00 CST.
        Deadline early = calculator.submissionWindow(Instant.parse("2026-12-15T16:00:00Z"), YearMonth.of(2027, 1));
        assertThat(early.dueAt()).isEqualTo(Instant.parse("2027-01-21T00:00:00Z"));
        assertThat(early.policy()).doesNotContain("mínimo");

        // Monday 21 December 2026 10:00, first day of the vacation: effect Thursday 7 January 09:00;
        // 8, 11–15, 18–21 → Thursday 21 January 18:00 CST, the minimum of ten business days.
        Deadline late = calculator.submissionWindow(Instant.parse("2026-12-21T16:00:00Z"), YearMonth.of(2027, 1));
        assertThat(late.effectiveAt()).isEqualTo(Instant.parse("2027-01-07T15:00:00Z"));
        assertThat(late.dueAt()).isEqualTo(Instant.parse("2027-01-22T00:00:00Z"));
        assertThat(late.policy()).contains("mínimo");
        List<Deadline.Day> beforeEffect = late.days().stream().filter(Deadline.Day::beforeEffect).toList();
        assertThat(beforeEffect).hasSize(16);
        assertThat(beforeEffect.getFirst().date()).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(beforeEffect.getLast().date()).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(beforeEffect).extracting(Deadline.Day::date, Deadline.Day::reason).contains(
                tuple(LocalDate.of(2026, 12, 22), "día inhábil del Instituto: segundo periodo vacacional (" + DOF_2026 + ")"),
                tuple(LocalDate.of(2026, 12, 25), "descanso obligatorio: 25 de diciembre (Navidad)"),
                tuple(LocalDate.of(2026, 12, 26), "sábado"),
                tuple(LocalDate.of(2027, 1, 1), "descanso obligatorio: 1 de enero (Año Nuevo)"));
    }

    @Test
    void shouldCountEveryJanuaryDayWhenTheWindowIsInsideTheFederalProcess() {
        DeadlineCalculator calculator = Calendars.with(instituteDays2026(), List.of(PEF_2026_2027));

        // Every day counts: 1–10 January 2027 → Sunday 10 January 23:59:59 CST.
        Deadline window = calculator.submissionWindow(Instant.parse("2026-12-15T16:00:00Z"), YearMonth.of(2027, 1));
        assertThat(window.dueAt()).isEqualTo(Instant.parse("2027-01-11T05:59:59Z"));
        assertThat(window.days()).extracting(Deadline.Day::date, Deadline.Day::reason).contains(
                tuple(LocalDate.of(2027, 1, 1), "proceso electoral: Proceso Electoral Federal 2026-2027 "
                        + "(también día de descanso obligatorio: 1 de enero (Año Nuevo))"),
                tuple(LocalDate.of(2027, 1, 4), "proceso electoral: Proceso Electoral Federal 2026-2027 "
                        + "(también día inhábil del Instituto: segundo periodo vacacional (" + DOF_2026 + "))"));
    }

    // --- reminders and ad hoc due days ----------------------------------------------------------

    @ParameterizedTest(name = "due {0}, {1} before → {2}")
    @CsvSource(textBlock = """
            # due Wednesday 11 November 2026 18:00 CST: Tuesday, Monday, Friday at 09:00 CST
            2026-11-12T00:00:00Z, 1, 2026-11-10T15:00:00Z
            2026-11-12T00:00:00Z, 2, 2026-11-09T15:00:00Z
            2026-11-12T00:00:00Z, 3, 2026-11-06T15:00:00Z
            # due Tuesday 17 November 2026: Monday 16 is the third Monday of November → Friday 13
            2026-11-18T00:00:00Z, 1, 2026-11-13T15:00:00Z
            # due Wednesday 7 January 2026, after the vacation from Monday 22 December 2025 → Friday 19 December
            2026-01-08T00:00:00Z, 1, 2025-12-19T15:00:00Z
            # due Monday 19 April 2021 18:00 CDT → Friday 16 April 09:00 CDT
            2021-04-19T23:00:00Z, 1, 2021-04-16T14:00:00Z
            # a due instant early in its day still gets the previous business day: Tuesday 10 November 2026
            2026-11-11T15:00:00Z, 1, 2026-11-10T15:00:00Z
            """)
    void shouldRemindAtTheOpeningOfTheNthBusinessDayBefore(String due, int before, String reminder) {
        assertThat(Calendars.standard().reminderTime(Instant.parse(due), before)).contains(Instant.parse(reminder));
    }

    @Test
    void shouldRemindAtMidnightOnAnElectoralDayAndDefaultToOneDay() {
        DeadlineCalculator calculator = Calendars.with(Calendars.instituteDays2025(), List.of(PEF_2026_2027));
        // due Monday 16 November 2026 23:59:59 CST (inside the process): Sunday 15 counts, from 00:00 CST.
        assertThat(calculator.reminderTime(Instant.parse("2026-11-17T05:59:59Z"))).contains(Instant.parse("2026-11-15T06:00:00Z"));
        assertThatThrownBy(() -> calculator.reminderTime(Instant.parse("2026-11-17T05:59:59Z"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "ad hoc due on {0} → {1}")
    @CsvSource(textBlock = """
            # Tuesday 17 November 2026: 18:00 CST
            2026-11-17, 2026-11-18T00:00:00Z
            # Monday 19 April 2021: 18:00 CDT
            2021-04-19, 2021-04-19T23:00:00Z
            # third Monday of November 2026, a Saturday, a vacation day: no ad hoc term can end on them
            2026-11-16,
            2026-11-14,
            2025-12-29,
            """)
    void shouldDueAnAdHocRequestAtTheCloseOfABusinessDay(LocalDate day, String due) {
        assertThat(Calendars.standard().adHocDue(day)).isEqualTo(Optional.ofNullable(due).map(Instant::parse));
    }

    @Test
    void shouldDueAnAdHocRequestAtTheElectoralCloseInsideAProcess() {
        DeadlineCalculator calculator = Calendars.with(Map.of(), List.of(PEF_2026_2027));
        // Saturday 14 November 2026 inside the process: 23:59:59 CST.
        assertThat(calculator.adHocDue(LocalDate.of(2026, 11, 14))).contains(Instant.parse("2026-11-15T05:59:59Z"));
        assertThat(calculator.isBusinessDay(LocalDate.of(2026, 11, 14))).isTrue();
        assertThat(plain().isBusinessDay(LocalDate.of(2026, 11, 14))).isFalse();
    }

    // --- supported years ------------------------------------------------------------------------

    @Test
    void shouldRefuseInstantsOutsideTheSupportedYears() {
        DeadlineCalculator calculator = plain();
        // 1 January 1990 00:00 CST is 06:00Z: the first supported instant; the second before is not.
        assertThat(calculator.supports(Instant.parse("1990-01-01T06:00:00Z"))).isTrue();
        assertThat(calculator.supports(Instant.parse("1990-01-01T05:59:59Z"))).isFalse();
        // 31 December 2200 23:59:59 CST is 2201-01-01T05:59:59Z: the last supported second.
        assertThat(calculator.supports(Instant.parse("2201-01-01T05:59:59Z"))).isTrue();
        assertThat(calculator.supports(Instant.parse("2201-01-01T06:00:00Z"))).isFalse();
        // Refused with a problem that says why (422), never an arithmetic failure.
        assertThatThrownBy(() -> calculator.afterBusinessDays(Instant.parse("+999999999-12-31T23:59:59Z"), 1))
                .isInstanceOfSatisfying(mx.ine.redes.support.problem.ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.detail().es()).isEqualTo("El calendario admite los años 1990 a 2200 (hora de la Ciudad"
                            + " de México); +999999999-12-31T23:59:59Z queda fuera.");
                    assertThat(problem.detail().en()).isEqualTo("The calendar supports the years 1990 to 2200 (Mexico City"
                            + " time); +999999999-12-31T23:59:59Z is outside them.");
                });
        assertThatThrownBy(() -> calculator.adHocDue(LocalDate.of(1989, 12, 31)))
                .isInstanceOfSatisfying(mx.ine.redes.support.problem.ProblemException.class,
                        problem -> assertThat(problem.detail().es()).contains("1989-12-31 queda fuera"));
        // A term that starts in 2200 may end in 2201: Wednesday 31 December 2200 10:00 + 1 → 1 January is
        // New Year's Day → Friday 2 January 2201 18:00 CST.
        assertThat(calculator.afterBusinessDays(Instant.parse("2200-12-31T16:00:00Z"), 1).dueAt())
                .isEqualTo(Instant.parse("2201-01-03T00:00:00Z"));
    }

    @Test
    void shouldAnswerTheSameFromManyThreadsOnAFreshCalendar() throws Exception {
        // The per-year cache is filled lazily by whichever thread comes first; every thread must see
        // complete years (a status never null) and the same answer.
        for (int round = 0; round < 20; round++) {
            DeadlineCalculator calculator = Calendars.standard();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Instant>> answers = new java.util.ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    answers.add(pool.submit(() -> calculator.afterBusinessDays(Instant.parse("2025-12-19T18:00:00Z"), 1).dueAt()));
                }
                for (var answer : answers) {
                    // Friday 19 December 2025 12:00 CST + 1 → Wednesday 7 January 2026 18:00 CST.
                    assertThat(answer.get()).isEqualTo(Instant.parse("2026-01-08T00:00:00Z"));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
