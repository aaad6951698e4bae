package mx.ine.redes.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Invariants of scoring over random cycles and random formulas. The run prints its base seed once
 * (repetition r draws from base + r; JUnit names the failing repetition); replay a run with
 * {@code -Dscoring.seed=<base>}.
 */
class ScoringPropertiesTest {

    private static final long BASE_SEED = Long.getLong("scoring.seed", new SplittableRandom().nextLong());
    private static final List<String> NETWORKS = List.of("X", "FACEBOOK", "INSTAGRAM");
    private static final List<String> LEVELS = List.of("CENTRAL", "STATE", "DISTRICT");
    private static final List<String> FIELDS = List.of("posts", "ownPosts", "multimediaPosts", "likes", "shares",
            "mentions", "impressions", "followers", "followersAtStart", "followersAtEnd", "followerGrowth");

    private final ScoringEngine engine = new ScoringEngine();

    @BeforeAll
    static void printTheSeed() {
        System.out.println("ScoringPropertiesTest: base seed " + BASE_SEED + " (replay: -Dscoring.seed=" + BASE_SEED + ")");
    }

    private static SplittableRandom random(RepetitionInfo repetition) {
        return new SplittableRandom(BASE_SEED + repetition.getCurrentRepetition());
    }

    private static ScoringFormula formula(SplittableRandom random) {
        double zeroPosts = random.nextInt(0, 3);
        double zeroGrowth = random.nextDouble(-0.1, 0.05);
        int withRecommendations = random.nextInt(0, 60);
        return new ScoringFormula("random", new ScoringFormula.Weights(random.nextInt(0, 4), random.nextInt(0, 4),
                random.nextInt(0, 4), 1 + random.nextInt(0, 3)),
                new ScoringFormula.Thresholds(zeroPosts, zeroPosts + 1 + random.nextInt(0, 20), 0.1 + random.nextDouble(0.9),
                        0.1 + random.nextDouble(0.9), zeroGrowth, zeroGrowth + 0.01 + random.nextDouble(0.5)),
                new ScoringFormula.RatingCutoffs(withRecommendations + random.nextInt(0, 40), withRecommendations));
    }

    private static ScoringInput account(SplittableRandom random) {
        Map<String, Long> figures = new HashMap<>();
        long posts = random.nextLong(0, 2_000);
        boolean ties = random.nextBoolean(); // small counts over round impressions: many equal rates
        for (String field : FIELDS) {
            if (random.nextInt(4) == 0) {
                continue; // a figure the form lacks, a quarter of the time
            }
            long value = switch (field) {
                case "posts" -> posts;
                case "ownPosts", "multimediaPosts" -> random.nextLong(0, posts + 1);
                case "followerGrowth" -> random.nextLong(-5_000, 5_000);
                case "impressions" -> random.nextInt(10) == 0 ? 0 : ties ? 1000L * random.nextInt(1, 3) : random.nextLong(0, 10_000_000);
                case "likes", "shares", "mentions" -> ties ? random.nextLong(0, 6) : random.nextLong(0, 1_000_000);
                default -> random.nextLong(0, 1_000_000);
            };
            figures.put(field, value);
        }
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        return new ScoringInput(UUID.randomUUID(), NETWORKS.get(random.nextInt(NETWORKS.size())),
                LEVELS.get(random.nextInt(LEVELS.size())), figures, start, start.plusDays(random.nextInt(0, 200)),
                random.nextBoolean() ? null : random.nextLong(0, 1_000_000), random.nextInt(10) == 0);
    }

    private static List<ScoringInput> cycle(SplittableRandom random) {
        List<ScoringInput> cycle = new ArrayList<>();
        int size = random.nextInt(1, 300);
        for (int i = 0; i < size; i++) {
            cycle.add(account(random));
        }
        return cycle;
    }

    private static ScoringInput withFigure(ScoringInput input, String field, long value) {
        Map<String, Long> figures = new HashMap<>(input.figures());
        figures.put(field, value);
        return new ScoringInput(input.accountId(), input.network(), input.areaLevel(), figures, input.periodStart(),
                input.periodEnd(), input.previousCycleFollowers(), input.dormant());
    }

    @RepeatedTest(20)
    void shouldKeepEveryScoreWithinZeroAndAHundred(RepetitionInfo repetition) {
        SplittableRandom random = random(repetition);
        ScoringFormula formula = formula(random);
        List<ScoringInput> cycle = cycle(random);
        List<AccountScore> scores = engine.scoreCycle(formula, cycle);
        assertThat(scores).hasSameSizeAs(cycle);
        for (int i = 0; i < scores.size(); i++) {
            AccountScore score = scores.get(i);
            assertThat(score.accountId()).isEqualTo(cycle.get(i).accountId());
            assertThat(score.overall()).isBetween(0, 100);
            score.subScores().values().stream().filter(SubScore::assessed)
                    .forEach(subScore -> assertThat(subScore.value()).isBetween(0, 100));
            score.subScores().values().stream().filter(subScore -> !subScore.assessed())
                    .forEach(subScore -> assertThat(subScore.arithmetic()).contains("el criterio no se evalúa y queda fuera de la calificación global"));
            assertThat(score.rating()).isEqualTo(cycle.get(i).dormant() ? Rating.NOT_PERTINENT
                    : formula.cutoffs().ratingFor(score.overall()));
            if (score.explanation().peers() != null) {
                assertThat(score.explanation().peers().network()).isEqualTo(cycle.get(i).network());
                assertThat(score.explanation().peers().areaLevel()).isEqualTo(cycle.get(i).areaLevel());
                assertThat(score.explanation().peers().accountIds()).contains(score.accountId());
            }
        }
    }

    @RepeatedTest(20)
    void shouldNeverLowerFrequencyForMorePosts(RepetitionInfo repetition) {
        SplittableRandom random = random(repetition);
        ScoringFormula formula = formula(random);
        for (int i = 0; i < 200; i++) {
            ScoringInput input = account(random);
            long posts = random.nextLong(0, 2_000);
            Integer fewer = engine.scoreCycle(formula, List.of(withFigure(input, "posts", posts))).get(0)
                    .subScore(Criterion.FREQUENCY).value();
            Integer more = engine.scoreCycle(formula, List.of(withFigure(input, "posts", posts + random.nextLong(0, 500))))
                    .get(0).subScore(Criterion.FREQUENCY).value();
            assertThat(more).isGreaterThanOrEqualTo(fewer);
        }
    }

    @RepeatedTest(20)
    void shouldNeverLowerAPercentileForMoreInteractions(RepetitionInfo repetition) {
        SplittableRandom random = random(repetition);
        ScoringFormula formula = formula(random);
        List<ScoringInput> cycle = new ArrayList<>(cycle(random));
        int chosen = random.nextInt(cycle.size());
        ScoringInput before = withFigure(withFigure(cycle.get(chosen), "impressions", 1_000_000), "likes", random.nextLong(0, 100_000));
        cycle.set(chosen, before);
        Integer lower = engine.scoreCycle(formula, cycle).get(chosen).subScore(Criterion.PERFORMANCE).value();
        cycle.set(chosen, withFigure(before, "likes", before.figures().get("likes") + random.nextLong(0, 100_000)));
        Integer higher = engine.scoreCycle(formula, cycle).get(chosen).subScore(Criterion.PERFORMANCE).value();
        assertThat(higher).isGreaterThanOrEqualTo(lower);
    }

    /**
     * Against the previous cycle's followers, more followers now never lowers the score. (Without
     * history, the same followerGrowth over more followers is a smaller rate, rightly lower.)
     */
    @RepeatedTest(20)
    void shouldNeverLowerNewFollowersForMoreFollowersThanThePreviousCycle(RepetitionInfo repetition) {
        SplittableRandom random = random(repetition);
        ScoringFormula formula = formula(random);
        for (int i = 0; i < 200; i++) {
            ScoringInput drawn = account(random);
            ScoringInput input = new ScoringInput(drawn.accountId(), drawn.network(), drawn.areaLevel(), drawn.figures(),
                    drawn.periodStart(), drawn.periodEnd(), random.nextLong(1, 1_000_000), drawn.dormant());
            long followers = random.nextLong(0, 1_000_000);
            Integer fewer = engine.scoreCycle(formula, List.of(withFigure(input, "followers", followers))).get(0)
                    .subScore(Criterion.NEW_FOLLOWERS).value();
            Integer more = engine.scoreCycle(formula, List.of(withFigure(input, "followers", followers + random.nextLong(0, 10_000))))
                    .get(0).subScore(Criterion.NEW_FOLLOWERS).value();
            assertThat(more).isGreaterThanOrEqualTo(fewer);
        }
    }

    @RepeatedTest(20)
    void shouldNeverLowerOriginalContentForMoreOwnPosts(RepetitionInfo repetition) {
        SplittableRandom random = random(repetition);
        ScoringFormula formula = formula(random);
        for (int i = 0; i < 200; i++) {
            long posts = random.nextLong(1, 2_000);
            long own = random.nextLong(0, posts + 1);
            ScoringInput input = withFigure(account(random), "posts", posts);
            Integer fewer = engine.scoreCycle(formula, List.of(withFigure(input, "ownPosts", own))).get(0)
                    .subScore(Criterion.ORIGINAL_CONTENT).value();
            Integer more = engine.scoreCycle(formula, List.of(withFigure(input, "ownPosts", random.nextLong(own, posts + 1))))
                    .get(0).subScore(Criterion.ORIGINAL_CONTENT).value();
            assertThat(more).isGreaterThanOrEqualTo(fewer);
        }
    }

    /**
     * The batch ranking (grouped once, sorted, binary search) agrees with the definition done the
     * slow way: for each account, count by brute force the peers of its network, level and basis
     * below it and tied with it.
     */
    @RepeatedTest(20)
    void shouldRankAsTheDefinitionCountedPairByPair(RepetitionInfo repetition) {
        SplittableRandom random = random(repetition);
        List<ScoringInput> cycle = cycle(random);
        List<AccountScore> scores = engine.scoreCycle(formula(random), cycle);
        for (int i = 0; i < cycle.size(); i++) {
            Double rate = rate(cycle.get(i));
            Integer percentile = scores.get(i).subScore(Criterion.PERFORMANCE).value();
            if (rate == null) {
                assertThat(percentile).isNull();
                continue;
            }
            int peers = 0;
            int below = 0;
            int tied = 0;
            for (int j = 0; j < cycle.size(); j++) {
                Double other = rate(cycle.get(j));
                if (j == i || other == null || !samePeers(cycle.get(i), cycle.get(j))) {
                    continue;
                }
                peers++;
                below += other < rate ? 1 : 0;
                tied += other.equals(rate) ? 1 : 0;
            }
            int expected = peers == 0 ? 50 : (int) Math.floor(100.0 * (below + tied / 2.0) / peers + 0.5);
            assertThat(percentile).as("account %d of %d", i, cycle.size()).isEqualTo(expected);
            assertThat(scores.get(i).explanation().peers().size()).isEqualTo(peers + 1);
        }
    }

    private static boolean samePeers(ScoringInput one, ScoringInput other) {
        return one.network().equals(other.network()) && one.areaLevel().equals(other.areaLevel())
                && perImpression(one) == perImpression(other);
    }

    private static boolean perImpression(ScoringInput input) {
        Long impressions = input.figures().get("impressions");
        return impressions != null && impressions > 0;
    }

    /** Engagement as SCORING.md defines it, or null when it cannot be computed. */
    private static Double rate(ScoringInput input) {
        Map<String, Long> figures = input.figures();
        if (!figures.containsKey("likes") && !figures.containsKey("shares") && !figures.containsKey("mentions")) {
            return null;
        }
        long interactions = figures.getOrDefault("likes", 0L) + figures.getOrDefault("shares", 0L)
                + figures.getOrDefault("mentions", 0L);
        if (perImpression(input)) {
            return (double) interactions / figures.get("impressions");
        }
        Long followers = figures.containsKey("followers") ? figures.get("followers") : figures.get("followersAtEnd");
        return followers != null && followers > 0 ? (double) interactions / followers : null;
    }
}
