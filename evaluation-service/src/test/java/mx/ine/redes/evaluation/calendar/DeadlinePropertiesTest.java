package mx.ine.redes.evaluation.calendar;

import static mx.ine.redes.evaluation.calendar.Calendars.MEXICO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DeadlinePropertiesTest {

    @Property
    void outsideAnElectoralProcessADeadlineIsAlwaysTheCloseOfABusinessDay(@ForAll("acts") Instant act,
                                                                          @ForAll @IntRange(min = 1, max = 30) int businessDays) {
        DeadlineCalculator calculator = Calendars.standard();
        Deadline deadline = calculator.afterBusinessDays(act, businessDays);
        var local = deadline.dueAt().atZone(MEXICO);

        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(18, 0));
        assertThat(calculator.calendar().isBusinessDay(local.toLocalDate())).isTrue();
        assertThat(deadline.dueAt()).isAfter(act);
    }

    @Property
    void addingANonWorkingDayNeverMovesADeadlineEarlier(@ForAll("acts") Instant act,
                                                        @ForAll @IntRange(min = 1, max = 20) int businessDays,
                                                        @ForAll @IntRange(min = 0, max = 60) int offset) {
        Map<LocalDate, BusinessCalendar.InstituteDay> days = new HashMap<>(Calendars.instituteDays2025());
        Instant before = Calendars.with(days, List.of()).afterBusinessDays(act, businessDays).dueAt();
        LocalDate added = act.atZone(MEXICO).toLocalDate().plusDays(offset);
        days.put(added, new BusinessCalendar.InstituteDay(added, "día agregado", "prueba"));

        Instant after = Calendars.with(days, List.of()).afterBusinessDays(act, businessDays).dueAt();

        assertThat(after).isAfterOrEqualTo(before);
    }

    @Property
    void theExplanationsCountedDaysAddUpToN(@ForAll("acts") Instant act, @ForAll @IntRange(min = 1, max = 40) int businessDays,
                                           @ForAll boolean withProcess) {
        List<BusinessCalendar.ElectoralPeriod> processes = withProcess
                ? List.of(new BusinessCalendar.ElectoralPeriod("proceso", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 30)))
                : List.of();
        Deadline deadline = Calendars.with(Calendars.instituteDays2025(), processes).afterBusinessDays(act, businessDays);

        assertThat(deadline.days().stream().filter(Deadline.Day::counted).count()).isEqualTo(businessDays);
        assertThat(deadline.days().stream().filter(Deadline.Day::counted).map(Deadline.Day::ordinal).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, businessDays).boxed().toList());
        assertThat(deadline.days().getLast().date()).isEqualTo(deadline.dueAt().atZone(MEXICO).toLocalDate());
    }

    @Provide
    Arbitrary<Instant> acts() {
        Instant from = LocalDate.of(2025, 1, 1).atStartOfDay(MEXICO).toInstant();
        Instant to = LocalDate.of(2027, 12, 31).atStartOfDay(MEXICO).toInstant();
        return Arbitraries.longs().between(from.getEpochSecond(), to.getEpochSecond()).map(Instant::ofEpochSecond);
    }
}
