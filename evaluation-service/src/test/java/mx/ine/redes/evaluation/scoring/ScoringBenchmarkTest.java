package mx.ine.redes.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import mx.ine.redes.support.testing.BenchmarkFigures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scores one cycle of 10,000 accounts (four networks, three levels, the figures each network's form
 * has) and prints how long it took, the first run (cold JVM) and the best and median of 10 after
 * a warm-up (target: under 2 s; a benchmark prints, it does not assert speed).
 * {@code mvn -B -ntp verify -Pbenchmark -pl evaluation-service -am -Dtest=ScoringBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ScoringBenchmarkTest {

    private static final int ACCOUNTS = 10_000;
    private static final ScoringFormula FORMULA = new ScoringFormula("2026.1", ScoringFormula.Weights.equal(),
            new ScoringFormula.Thresholds(0, 5, 1, 0.5, 0, 0.1), new ScoringFormula.RatingCutoffs(70, 40));

    private static List<ScoringInput> cycle() {
        SplittableRandom random = new SplittableRandom(12);
        List<ScoringInput> cycle = new ArrayList<>(ACCOUNTS);
        for (int i = 0; i < ACCOUNTS; i++) {
            int draw = random.nextInt(100);
            String network = draw < 40 ? "X" : draw < 75 ? "FACEBOOK" : draw < 90 ? "INSTAGRAM" : "YOUTUBE";
            int level = random.nextInt(100);
            String areaLevel = level < 5 ? "CENTRAL" : level < 25 ? "STATE" : "DISTRICT";
            long posts = random.nextLong(0, 1_500);
            Map<String, Long> figures = new HashMap<>();
            figures.put("posts", posts);
            figures.put("likes", random.nextLong(0, 50_000));
            switch (network) {
                case "X" -> {
                    long own = random.nextLong(0, posts + 1);
                    figures.put("ownPosts", own);
                    figures.put("cncsPosts", random.nextLong(0, posts - own + 1));
                    figures.put("impressions", random.nextLong(0, 5_000_000));
                    figures.put("profileVisits", random.nextLong(0, 100_000));
                    figures.put("mentions", random.nextLong(0, 5_000));
                    figures.put("followers", random.nextLong(0, 500_000));
                    figures.put("multimediaPosts", random.nextLong(0, posts + 1));
                }
                case "FACEBOOK" -> {
                    figures.put("shares", random.nextLong(0, 20_000));
                    figures.put("reach", random.nextLong(0, 2_000_000));
                    figures.put("impressions", random.nextLong(0, 5_000_000));
                    figures.put("multimediaPosts", random.nextLong(0, posts + 1));
                    figures.put("followersAtStart", random.nextLong(1, 200_000));
                    figures.put("followersAtEnd", random.nextLong(1, 220_000));
                }
                default -> {
                    long before = random.nextLong(1, 100_000);
                    long growth = random.nextLong(-1_000, 10_000);
                    figures.put("followerGrowth", growth);
                    figures.put("followers", Math.max(0, before + growth));
                }
            }
            cycle.add(new ScoringInput(UUID.randomUUID(), network, areaLevel, figures, LocalDate.of(2026, 7, 1),
                    LocalDate.of(2026, 12, 31), random.nextBoolean() ? random.nextLong(1, 500_000) : null,
                    random.nextInt(50) == 0));
        }
        return cycle;
    }

    @Test
    void shouldScoreACycleOfTenThousandAccounts() {
        List<ScoringInput> cycle = cycle();
        ScoringEngine engine = new ScoringEngine();
        long started = System.nanoTime();
        List<AccountScore> scores = engine.scoreCycle(FORMULA, cycle);
        long coldMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(scores).hasSize(ACCOUNTS);
        for (int i = 0; i < 5; i++) {
            engine.scoreCycle(FORMULA, cycle);
        }
        long[] runs = new long[10];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            scores = engine.scoreCycle(FORMULA, cycle);
            runs[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(runs);
        long groups = scores.stream().map(s -> s.explanation().peers()).filter(java.util.Objects::nonNull).distinct().count();
        System.out.printf("ScoringBenchmark: %,d accounts (%d peer groups) scored with explanations: first run %,d ms;"
                + " after warm-up best %,.1f ms, median %,.1f ms of %d (target under 2 s)%n", ACCOUNTS, groups, coldMillis,
                runs[0] / 1000.0, runs[runs.length / 2] / 1000.0, runs.length);
        double median = runs[runs.length / 2] / 1000.0;
        BenchmarkFigures.record("Evaluation (evaluation-service)", String.format(java.util.Locale.ROOT,
                "scoring %,d accounts with explanations, warm (median of %d)", ACCOUNTS, runs.length), median, "ms", "< 2 s",
                median < 2_000);
        BenchmarkFigures.record("Evaluation (evaluation-service)", String.format(java.util.Locale.ROOT,
                "scoring %,d accounts with explanations, first run (cold JVM, compiling as it goes)", ACCOUNTS), coldMillis, "ms",
                "", null);
        assertThat(scores).allSatisfy(score -> assertThat(score.overall()).isBetween(0, 100));
    }
}
