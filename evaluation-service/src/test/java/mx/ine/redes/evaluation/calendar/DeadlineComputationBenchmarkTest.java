package mx.ine.redes.evaluation.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mx.ine.redes.support.testing.BenchmarkFigures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Deadline computation over ten years of calendar data (2025–2034: every year's vacation periods
 * and a few loose days, and an electoral process each three years), one thread.
 * {@code mvn -B verify -Pbenchmark -pl evaluation-service -Dtest=DeadlineComputationBenchmarkTest}; named
 * {@code …Test} because the build runs only classes so named (the benchmark profile then picks them by tag).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeadlineComputationBenchmarkTest {

    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    private DeadlineCalculator calculator;
    private Instant[] acts;
    private int next;

    @Setup
    public void setUp() {
        Map<LocalDate, BusinessCalendar.InstituteDay> days = new HashMap<>();
        List<BusinessCalendar.ElectoralPeriod> processes = new java.util.ArrayList<>();
        for (int year = 2025; year <= 2034; year++) {
            for (LocalDate d = LocalDate.of(year, 7, 20); d.isBefore(LocalDate.of(year, 8, 1)); d = d.plusDays(1)) {
                days.put(d, new BusinessCalendar.InstituteDay(d, "vacaciones de verano", "DOF " + year));
            }
            for (LocalDate d = LocalDate.of(year, 12, 20); !d.isAfter(LocalDate.of(year, 12, 31)); d = d.plusDays(1)) {
                days.put(d, new BusinessCalendar.InstituteDay(d, "vacaciones de invierno", "DOF " + year));
            }
            days.put(LocalDate.of(year, 11, 2), new BusinessCalendar.InstituteDay(LocalDate.of(year, 11, 2), "Día de Muertos", "DOF " + year));
            if (year % 3 == 0) {
                processes.add(new BusinessCalendar.ElectoralPeriod("Proceso " + year, LocalDate.of(year - 1, 9, 7),
                        LocalDate.of(year, 8, 31)));
            }
        }
        calculator = new DeadlineCalculator(new BusinessCalendar(1, MEXICO, LocalTime.of(9, 0), LocalTime.of(18, 0), days, processes));
        acts = new Instant[4096];
        java.util.Random random = new java.util.Random(42);
        Instant from = LocalDate.of(2025, 1, 1).atStartOfDay(MEXICO).toInstant();
        for (int i = 0; i < acts.length; i++) {
            acts[i] = from.plusSeconds((long) (random.nextDouble() * 9.5 * 365 * 86_400));
        }
    }

    @Benchmark
    public Instant tenBusinessDays() {
        return calculator.afterBusinessDays(acts[next++ & 4095], 10).dueAt();
    }

    @Benchmark
    public Instant twoBusinessDays() {
        return calculator.afterBusinessDays(acts[next++ & 4095], 2).dueAt();
    }

    @Benchmark
    public Instant submissionWindow() {
        Instant act = acts[next++ & 4095];
        return calculator.submissionWindow(act, YearMonth.from(act.atZone(MEXICO)).plusMonths(1)).dueAt();
    }

    @Test
    @Tag("benchmark")
    void runBenchmark() throws RunnerException {
        java.util.Collection<org.openjdk.jmh.results.RunResult> results = new Runner(new OptionsBuilder()
                .include(DeadlineComputationBenchmarkTest.class.getName())
                .forks(1)
                .threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build()).run();
        for (org.openjdk.jmh.results.RunResult result : results) {
            String name = result.getParams().getBenchmark();
            BenchmarkFigures.record("Deadlines (evaluation-service)", "deadline computation over 10 years of calendar, 1 thread (JMH): "
                    + name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreUnit(), "", null);
        }
    }
}
