package mx.ine.redes.evaluation.calendar;

import static mx.ine.redes.evaluation.calendar.Calendars.MEXICO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the deadline rules over thousands of random acts and random calendars (Institute
 * days, overlapping electoral processes, the DST years 2019–2022), with plain JUnit and a seeded
 * generator. Each run draws a new seed; a failure names it: replay with
 * {@code -Ddeadline.seed=<seed>} (and {@code -Ddeadline.cases=<n>} to run more or fewer cases).
 *
 * <p>Only properties that truly hold are asserted. In particular, adding an electoral process can
 * move a deadline <i>later within the same day</i> (18:00 becomes 23:59:59 when the last day falls
 * inside the process), so for processes only the deadline's day is monotonic, not its instant.
 */
class DeadlinePropertiesTest {

    private static final long SEED = Long.getLong("deadline.seed", new SplittableRandom().nextLong());
    private static final int CASES = Integer.getInteger("deadline.cases", 2000);
    private static final LocalTime OPENS = LocalTime.of(9, 0);
    private static final LocalTime CLOSES = LocalTime.of(18, 0);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    /** The nights America/Mexico_City changed its clocks (DST ended for good in October 2022). */
    private static final List<LocalDate> DST_SWITCHES = List.of(LocalDate.of(2019, 4, 7), LocalDate.of(2019, 10, 27),
            LocalDate.of(2020, 4, 5), LocalDate.of(2020, 10, 25), LocalDate.of(2021, 4, 4), LocalDate.of(2021, 10, 31),
            LocalDate.of(2022, 4, 3), LocalDate.of(2022, 10, 30));
    private static final List<LocalTime> EDGE_TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 0, 1), LocalTime.of(1, 30),
            LocalTime.of(2, 30), LocalTime.of(8, 59, 59), OPENS, LocalTime.of(17, 59, 59), CLOSES, LocalTime.of(18, 0, 1),
            END_OF_DAY);

    @Test
    void theDueInstantIsTheCloseOfABusinessDayOrTheElectoralCloseAndEndsBusinessTime() {
        forAll("due at a close", c -> {
            DeadlineCalculator calculator = c.calculator();
            Deadline deadline = calculator.afterBusinessDays(c.act(), c.businessDays());
            ZonedDateTime due = deadline.dueAt().atZone(MEXICO);
            LocalDate day = due.toLocalDate();

            assertThat(calculator.calendar().isBusinessDay(day)).isTrue();
            assertThat(due.toLocalTime()).isEqualTo(calculator.calendar().isElectoral(day) ? END_OF_DAY : CLOSES);
            // The last second before the close is business time: the term ends at the end of business time.
            assertThat(calculator.isBusinessTime(deadline.dueAt().minusSeconds(1))).isTrue();
            assertThat(deadline.dueAt()).isAfter(c.act());
        });
    }

    @Test
    void exactlyNBusinessDaysAreCountedAfterTheEffectiveDay() {
        forAll("N business days", c -> {
            DeadlineCalculator calculator = c.calculator();
            int n = c.businessDays();
            Deadline deadline = calculator.afterBusinessDays(c.act(), n);
            LocalDate effectiveDay = deadline.effectiveAt().atZone(MEXICO).toLocalDate();
            LocalDate dueDay = deadline.dueAt().atZone(MEXICO).toLocalDate();

            int businessDays = 0;
            for (LocalDate d = effectiveDay.plusDays(1); !d.isAfter(dueDay); d = d.plusDays(1)) {
                if (calculator.calendar().isBusinessDay(d)) {
                    businessDays++;
                }
            }
            assertThat(businessDays).isEqualTo(n);

            // The explanation: the days before the effect, then every day from the day after the
            // effect to the due day, in order, each counted with its ordinal or skipped.
            List<Deadline.Day> counting = deadline.days().stream().filter(day -> !day.beforeEffect()).toList();
            assertThat(counting.getFirst().date()).isEqualTo(effectiveDay.plusDays(1));
            assertThat(counting.getLast().date()).isEqualTo(dueDay);
            assertThat(counting.getLast().counted()).isTrue();
            for (int i = 1; i < counting.size(); i++) {
                assertThat(counting.get(i).date()).isEqualTo(counting.get(i - 1).date().plusDays(1));
            }
            assertThat(counting.stream().filter(Deadline.Day::counted).map(Deadline.Day::ordinal).toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
            assertThat(counting).allSatisfy(day -> {
                assertThat(day.counted()).isEqualTo(calculator.calendar().isBusinessDay(day.date()));
                assertThat(day.reason()).isNotBlank();
                assertThat(day.reasonEnglish()).isNotBlank();
            });
        });
    }

    @Test
    void theEffectIsTheFirstBusinessInstantAtOrAfterTheActAndTheDaysBetweenAreExplained() {
        forAll("effect", c -> {
            DeadlineCalculator calculator = c.calculator();
            Instant act = c.act();
            Instant effective = calculator.effectiveTime(act);

            assertThat(effective).isAfterOrEqualTo(act);
            assertThat(calculator.isBusinessTime(effective)).isTrue();
            if (effective.isAfter(act)) {
                // Nothing between act and effect was business time; the second before the effect was not.
                assertThat(calculator.isBusinessTime(effective.minusSeconds(1))).isFalse();
                assertThat(calculator.isBusinessTime(act)).isFalse();
            }
            LocalDate actDay = act.atZone(MEXICO).toLocalDate();
            LocalDate effectDay = effective.atZone(MEXICO).toLocalDate();
            List<Deadline.Day> before = calculator.afterBusinessDays(act, 1).days().stream().filter(Deadline.Day::beforeEffect).toList();
            List<LocalDate> expected = new ArrayList<>();
            for (LocalDate d = actDay.plusDays(1); d.isBefore(effectDay); d = d.plusDays(1)) {
                expected.add(d);
            }
            assertThat(before).extracting(Deadline.Day::date).isEqualTo(expected);
            assertThat(before).allSatisfy(day -> {
                assertThat(calculator.calendar().isBusinessDay(day.date())).isFalse();
                assertThat(day.counted()).isFalse();
            });
        });
    }

    @Test
    void aLaterActNeverGetsAnEarlierDeadline() {
        forAll("monotonic in the act", c -> {
            DeadlineCalculator calculator = c.calculator();
            Instant first = c.act();
            Instant later = c.random.nextInt(4) == 0 ? first.plusSeconds(1) : first.plusSeconds(c.random.nextLong(1, 40L * 86_400));
            int n = c.businessDays();
            YearMonth window = c.windowFor(later);

            assertThat(calculator.effectiveTime(later)).isAfterOrEqualTo(calculator.effectiveTime(first));
            assertThat(calculator.afterBusinessDays(later, n).dueAt()).isAfterOrEqualTo(calculator.afterBusinessDays(first, n).dueAt());
            assertThat(calculator.submissionWindow(later, window).dueAt())
                    .isAfterOrEqualTo(calculator.submissionWindow(first, window).dueAt());
            // And one more business day always ends strictly later.
            assertThat(calculator.afterBusinessDays(first, n + 1).dueAt()).isAfter(calculator.afterBusinessDays(first, n).dueAt());
        });
    }

    @Test
    void theSubmissionWindowIsTheLaterOfItsTenthBusinessDayAndTenBusinessDaysAfterTheEffect() {
        forAll("window", c -> {
            DeadlineCalculator calculator = c.calculator();
            Instant act = c.act();
            YearMonth month = c.windowFor(act);
            Deadline window = calculator.submissionWindow(act, month);
            Instant minimum = calculator.afterBusinessDays(act, 10).dueAt();

            assertThat(window.dueAt()).isAfterOrEqualTo(minimum);
            // The 10th business day of the month, counted here from the calendar's day statuses.
            LocalDate day = month.atDay(1);
            int counted = calculator.calendar().isBusinessDay(day) ? 1 : 0;
            while (counted < 10) {
                day = day.plusDays(1);
                if (calculator.calendar().isBusinessDay(day)) {
                    counted++;
                }
            }
            Instant tenth = day.atTime(calculator.calendar().isElectoral(day) ? END_OF_DAY : CLOSES).atZone(MEXICO).toInstant();
            assertThat(window.dueAt()).isEqualTo(minimum.isAfter(tenth) ? minimum : tenth);
            assertThat(window.effectiveAt()).isEqualTo(calculator.effectiveTime(act));
        });
    }

    @Test
    void addingANonWorkingDayNeverMovesAnythingEarlier() {
        forAll("non-working day added", c -> {
            Instant act = c.act();
            int n = c.businessDays();
            YearMonth month = c.windowFor(act);
            DeadlineCalculator before = c.calculator();
            Map<LocalDate, BusinessCalendar.InstituteDay> days = new HashMap<>(before.calendar().instituteDays());
            LocalDate added = act.atZone(MEXICO).toLocalDate().plusDays(c.random.nextInt(-1, 60));
            days.put(added, new BusinessCalendar.InstituteDay(added, "día agregado", "prueba"));
            DeadlineCalculator after = Calendars.with(days, before.calendar().electoralPeriods());

            assertThat(after.effectiveTime(act)).isAfterOrEqualTo(before.effectiveTime(act));
            assertThat(after.afterBusinessDays(act, n).dueAt()).isAfterOrEqualTo(before.afterBusinessDays(act, n).dueAt());
            assertThat(after.submissionWindow(act, month).dueAt()).isAfterOrEqualTo(before.submissionWindow(act, month).dueAt());
        });
    }

    @Test
    void addingAnElectoralProcessNeverMovesADeadlineToALaterDayNorAnEffectLater() {
        forAll("electoral process added", c -> {
            Instant act = c.act();
            int n = c.businessDays();
            YearMonth month = c.windowFor(act);
            DeadlineCalculator before = c.calculator();
            List<BusinessCalendar.ElectoralPeriod> processes = new ArrayList<>(before.calendar().electoralPeriods());
            LocalDate start = act.atZone(MEXICO).toLocalDate().plusDays(c.random.nextInt(-30, 40));
            processes.add(new BusinessCalendar.ElectoralPeriod("proceso agregado", start, start.plusDays(c.random.nextInt(0, 60))));
            DeadlineCalculator after = Calendars.with(before.calendar().instituteDays(), processes);

            assertThat(after.effectiveTime(act)).isBeforeOrEqualTo(before.effectiveTime(act));
            Instant dueBefore = before.afterBusinessDays(act, n).dueAt();
            Instant dueAfter = after.afterBusinessDays(act, n).dueAt();
            assertThat(localDay(dueAfter)).isBeforeOrEqualTo(localDay(dueBefore));
            if (dueAfter.isAfter(dueBefore)) {
                // Later only within the same day: the close became 23:59:59.
                assertThat(localDay(dueAfter)).isEqualTo(localDay(dueBefore));
                assertThat(dueAfter.atZone(MEXICO).toLocalTime()).isEqualTo(END_OF_DAY);
            }
            assertThat(localDay(after.submissionWindow(act, month).dueAt()))
                    .isBeforeOrEqualTo(localDay(before.submissionWindow(act, month).dueAt()));
        });
    }

    @Test
    void aReminderOpensTheNthBusinessDayBeforeTheDeadlinesDay() {
        forAll("reminder", c -> {
            DeadlineCalculator calculator = c.calculator();
            Instant due = calculator.afterBusinessDays(c.act(), c.businessDays()).dueAt();
            int before = c.random.nextInt(1, 4);
            Instant reminder = calculator.reminderTime(due, before).orElseThrow();
            LocalDate reminderDay = localDay(reminder);

            assertThat(reminder).isBefore(due);
            assertThat(calculator.calendar().isBusinessDay(reminderDay)).isTrue();
            assertThat(reminder.atZone(MEXICO).toLocalTime()).isEqualTo(calculator.calendar().isElectoral(reminderDay) ? LocalTime.MIDNIGHT : OPENS);
            int between = 0;
            for (LocalDate d = reminderDay.plusDays(1); d.isBefore(localDay(due)); d = d.plusDays(1)) {
                if (calculator.calendar().isBusinessDay(d)) {
                    between++;
                }
            }
            assertThat(between).isEqualTo(before - 1);
        });
    }

    @Test
    void anAdHocRequestIsDueAtTheCloseOfItsDayOnlyIfItIsABusinessDay() {
        forAll("ad hoc", c -> {
            DeadlineCalculator calculator = c.calculator();
            LocalDate day = localDay(c.act());
            Optional<Instant> due = calculator.adHocDue(day);

            assertThat(due.isPresent()).isEqualTo(calculator.calendar().isBusinessDay(day));
            due.ifPresent(instant -> assertThat(instant).isEqualTo(
                    day.atTime(calculator.calendar().isElectoral(day) ? END_OF_DAY : CLOSES).atZone(MEXICO).toInstant()));
        });
    }

    private static LocalDate localDay(Instant instant) {
        return instant.atZone(MEXICO).toLocalDate();
    }

    /** Runs {@code check} on {@link #CASES} generated cases; a failure names the seed to replay it. */
    private static void forAll(String property, Consumer<Case> check) {
        SplittableRandom seeds = new SplittableRandom(SEED ^ property.hashCode());
        for (int i = 0; i < CASES; i++) {
            Case c = new Case(new SplittableRandom(seeds.nextLong()));
            try {
                check.accept(c);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Property '" + property + "' failed at case " + i + " of " + CASES + " (" + c
                        + "). Replay with -Ddeadline.seed=" + SEED + ": " + e.getMessage(), e);
            }
        }
    }

    /** One generated case: a random calendar, act and term, drawn lazily and remembered for the failure message. */
    private static final class Case {
        final SplittableRandom random;
        private DeadlineCalculator calculator;
        private Instant act;
        private Integer businessDays;

        Case(SplittableRandom random) {
            this.random = random;
        }

        DeadlineCalculator calculator() {
            if (calculator == null) {
                Map<LocalDate, BusinessCalendar.InstituteDay> days = random.nextBoolean()
                        ? new HashMap<>(Calendars.instituteDays2025()) : new HashMap<>();
                for (int i = random.nextInt(0, 30); i > 0; i--) {
                    LocalDate day = randomDay();
                    days.put(day, new BusinessCalendar.InstituteDay(day, "día suelto", "prueba"));
                }
                for (int run = random.nextInt(0, 4); run > 0; run--) {
                    LocalDate first = randomDay();
                    for (int i = random.nextInt(1, 16); i > 0; i--) {
                        LocalDate day = first.plusDays(i);
                        days.put(day, new BusinessCalendar.InstituteDay(day, "periodo vacacional", "prueba"));
                    }
                }
                List<BusinessCalendar.ElectoralPeriod> processes = new ArrayList<>();
                for (int i = random.nextInt(0, 4); i > 0; i--) {
                    LocalDate start = randomDay();
                    processes.add(new BusinessCalendar.ElectoralPeriod("proceso " + i, start, start.plusDays(random.nextInt(0, 400))));
                }
                calculator = Calendars.with(days, processes);
            }
            return calculator;
        }

        Instant act() {
            if (act == null) {
                LocalDateTime local = switch (random.nextInt(4)) {
                    case 0 -> DST_SWITCHES.get(random.nextInt(DST_SWITCHES.size())).plusDays(random.nextInt(-3, 4))
                            .atTime(EDGE_TIMES.get(random.nextInt(EDGE_TIMES.size())));
                    case 1 -> randomDay().atTime(EDGE_TIMES.get(random.nextInt(EDGE_TIMES.size())));
                    default -> randomDay().atTime(LocalTime.ofSecondOfDay(random.nextInt(86_400)));
                };
                act = ZonedDateTime.of(local, MEXICO).toInstant();
            }
            return act;
        }

        int businessDays() {
            if (businessDays == null) {
                businessDays = random.nextInt(4) == 0 ? random.nextInt(1, 3) : random.nextInt(1, 41);
            }
            return businessDays;
        }

        /** A window month near the act: its own month, or one of the next few (January/July or any). */
        YearMonth windowFor(Instant instant) {
            return YearMonth.from(instant.atZone(MEXICO)).plusMonths(random.nextInt(0, 4));
        }

        private LocalDate randomDay() {
            return LocalDate.of(2019, 1, 1).plusDays(random.nextInt(0, 10 * 365));
        }

        @Override
        public String toString() {
            return "act " + act + ", businessDays " + businessDays + (calculator == null ? ""
                    : ", processes " + calculator.calendar().electoralPeriods() + ", " + calculator.calendar().instituteDays().size()
                    + " Institute days");
        }
    }
}
