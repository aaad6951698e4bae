package mx.ine.redes.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The scoring formulas of SCORING.md, with every expected value worked out by hand from the
 * formula (thresholds of {@link #FORMULA}: 0 and 5 posts a week; own share 1 and multimedia share
 * 0.5 worth 100; growth 0 and 0.10; cut-offs 70 and 40).
 */
class ScoringEngineTest {

    static final ScoringFormula FORMULA = new ScoringFormula("2026.1", ScoringFormula.Weights.equal(),
            new ScoringFormula.Thresholds(0, 5, 1, 0.5, 0, 0.1), new ScoringFormula.RatingCutoffs(70, 40));
    /** 28 days: exactly 4 weeks. */
    static final LocalDate FOUR_WEEKS_FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate FOUR_WEEKS_TO = LocalDate.of(2026, 1, 28);

    private final ScoringEngine engine = new ScoringEngine();

    static ScoringInput account(UUID id, String network, String level, Map<String, Long> figures, Long previous, boolean dormant) {
        return new ScoringInput(id, network, level, figures, FOUR_WEEKS_FROM, FOUR_WEEKS_TO, previous, dormant);
    }

    static ScoringInput account(Map<String, Long> figures) {
        return account(UUID.randomUUID(), "X", "DISTRICT", figures, null, false);
    }

    private AccountScore scoreAlone(ScoringInput input) {
        return engine.scoreCycle(FORMULA, List.of(input)).get(0);
    }

    private SubScore subScore(Criterion criterion, Map<String, Long> figures, Long previous) {
        return scoreAlone(account(UUID.randomUUID(), "X", "DISTRICT", figures, previous, false)).subScore(criterion);
    }

    @Nested
    class Frequency {

        @Test
        void shouldScorePostsPerWeekLinearlyUpToTheThreshold() {
            // 12 posts in 4 weeks = 3 a week; 100 × 3 / 5 = 60.
            SubScore frequency = subScore(Criterion.FREQUENCY, Map.of("posts", 12L), null);
            assertThat(frequency.value()).isEqualTo(60);
            assertThat(frequency.arithmetic()).isEqualTo(
                    "12 publicaciones en 28 días (4.000 semanas) = 3.00 por semana; 100 × (3.00 − 0) / (5 − 0) = 60.0 → 60");
        }

        @Test
        void shouldCapFrequencyAtAHundred() {
            // 40 posts in 4 weeks = 10 a week: 200, capped at 100.
            SubScore frequency = subScore(Criterion.FREQUENCY, Map.of("posts", 40L), null);
            assertThat(frequency.value()).isEqualTo(100);
            assertThat(frequency.arithmetic()).endsWith("= 200.0, tope 100 → 100");
        }

        @Test
        void shouldCountTheWeeksOfASemester() {
            // 1 Jul – 31 Dec 2025 = 184 days = 26.286 weeks; 100 posts = 3.804 a week; 100 × 3.804 / 5 = 76.09 → 76.
            ScoringInput semester = new ScoringInput(UUID.randomUUID(), "X", "DISTRICT", Map.of("posts", 100L),
                    LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), null, false);
            SubScore frequency = scoreAlone(semester).subScore(Criterion.FREQUENCY);
            assertThat(frequency.value()).isEqualTo(76);
            assertThat(frequency.arithmetic()).startsWith("100 publicaciones en 184 días (26.286 semanas) = 3.80 por semana");
        }

        @Test
        void shouldScoreNoPostsAsZero() {
            assertThat(subScore(Criterion.FREQUENCY, Map.of("posts", 0L), null).value()).isZero();
        }

        @Test
        void shouldLeaveFrequencyUnassessedWithoutPostsAndSaySo() {
            SubScore frequency = subScore(Criterion.FREQUENCY, Map.of("likes", 5L), null);
            assertThat(frequency.assessed()).isFalse();
            assertThat(frequency.missingFigures()).containsExactly("posts");
            assertThat(frequency.arithmetic()).isEqualTo(
                    "no se informó «posts»; el criterio no se evalúa y queda fuera de la calificación global");
        }
    }

    @Nested
    class OriginalContent {

        @Test
        void shouldAverageOwnAndMultimediaShares() {
            // own 150/200 = 0.75 → 75.0; multimedia 40/200 = 0.2, / 0.5 = 0.4 → 40.0; (75 + 40) / 2 = 57.5 → 58.
            SubScore original = subScore(Criterion.ORIGINAL_CONTENT,
                    Map.of("posts", 200L, "ownPosts", 150L, "multimediaPosts", 40L), null);
            assertThat(original.value()).isEqualTo(58);
            assertThat(original.arithmetic()).isEqualTo("propias 150 / 200 = 0.750; 100 × mín(1, 0.750 / 1) = 75.0; "
                    + "multimedia 40 / 200 = 0.200; 100 × mín(1, 0.200 / 0.5) = 40.0; promedio (75.0 + 40.0) / 2 = 57.50 → 58");
        }

        @Test
        void shouldCapAShareAtItsTarget() {
            // own 100/200 = 0.5 → 50; multimedia 120/200 = 0.6 ≥ 0.5 → 100; (50 + 100) / 2 = 75.
            assertThat(subScore(Criterion.ORIGINAL_CONTENT,
                    Map.of("posts", 200L, "ownPosts", 100L, "multimediaPosts", 120L), null).value()).isEqualTo(75);
        }

        @Test
        void shouldUseOnlyTheShareTheFormHasAndSaySo() {
            // Facebook has no own posts: multimedia 30/100 = 0.3, / 0.5 = 0.6 → 60.
            SubScore original = subScore(Criterion.ORIGINAL_CONTENT, Map.of("posts", 100L, "multimediaPosts", 30L), null);
            assertThat(original.value()).isEqualTo(60);
            assertThat(original.missingFigures()).containsExactly("ownPosts");
            assertThat(original.arithmetic()).endsWith("→ 60 (no se informó «ownPosts»: cuenta solo lo informado)");
        }

        @Test
        void shouldLeaveOriginalContentUnassessedWhenTheFormHasNeitherShare() {
            SubScore original = subScore(Criterion.ORIGINAL_CONTENT, Map.of("posts", 100L, "likes", 10L), null);
            assertThat(original.assessed()).isFalse();
            assertThat(original.missingFigures()).containsExactly("ownPosts", "multimediaPosts");
            assertThat(original.arithmetic()).contains("no trae «ownPosts» ni «multimediaPosts»");
        }

        @Test
        void shouldScoreNoPostsAsNoOriginalContent() {
            SubScore original = subScore(Criterion.ORIGINAL_CONTENT, Map.of("posts", 0L, "ownPosts", 0L), null);
            assertThat(original.value()).isZero();
            assertThat(original.arithmetic()).startsWith("propias 0 de 0 publicaciones: sin publicaciones → 0");
        }
    }

    @Nested
    class NewFollowers {

        @Test
        void shouldMeasureGrowthAgainstThePreviousCycle() {
            // (1050 − 1000) / 1000 = 0.05; 100 × 0.05 / 0.1 = 50.
            SubScore followers = subScore(Criterion.NEW_FOLLOWERS, Map.of("followers", 1050L), 1000L);
            assertThat(followers.value()).isEqualTo(50);
            assertThat(followers.arithmetic()).isEqualTo("«followers» 1050 contra 1000 del ciclo anterior: (1050 − 1000) / 1000"
                    + " = tasa 0.0500; 100 × (0.0500 − 0) / (0.1 − 0) = 50.0 → 50");
        }

        @Test
        void shouldPreferHistoryOverTheFiguresOfThePeriod() {
            // History: (1020 − 1000) / 1000 = 0.02 → 20 (start/end would give 104 %).
            assertThat(subScore(Criterion.NEW_FOLLOWERS,
                    Map.of("followers", 1020L, "followersAtStart", 500L, "followersAtEnd", 1020L), 1000L).value()).isEqualTo(20);
        }

        @Test
        void shouldUseStartAndEndWithoutHistory() {
            // (2300 − 2000) / 2000 = 0.15 → 150, capped at 100.
            SubScore followers = subScore(Criterion.NEW_FOLLOWERS, Map.of("followersAtStart", 2000L, "followersAtEnd", 2300L), null);
            assertThat(followers.value()).isEqualTo(100);
            assertThat(followers.arithmetic()).startsWith("sin historial del ciclo anterior; «followersAtEnd» 2300 contra «followersAtStart» 2000");
        }

        @Test
        void shouldScoreLostFollowersAsZero() {
            // (900 − 1000) / 1000 = −0.10 → −100, floor 0.
            SubScore followers = subScore(Criterion.NEW_FOLLOWERS, Map.of("followers", 900L), 1000L);
            assertThat(followers.value()).isZero();
            assertThat(followers.arithmetic()).endsWith("= -100.0, mínimo 0 → 0");
        }

        @Test
        void shouldRateFollowerGrowthOverThePreviousCycle() {
            // 30 / 600 = 0.05 → 50.
            assertThat(subScore(Criterion.NEW_FOLLOWERS, Map.of("followerGrowth", 30L), 600L).value()).isEqualTo(50);
        }

        @Test
        void shouldRateFollowerGrowthOverTheFollowersBeforeItWithoutHistory() {
            // 30 / (1030 − 30) = 0.03 → 30.
            SubScore followers = subScore(Criterion.NEW_FOLLOWERS, Map.of("followerGrowth", 30L, "followers", 1030L), null);
            assertThat(followers.value()).isEqualTo(30);
            assertThat(followers.arithmetic()).contains("(«followers» 1030 − 30 = 1000): 30 / 1000");
        }

        @Test
        void shouldLeaveNewFollowersUnassessedWithNothingToMeasureAndSaySo() {
            SubScore followers = subScore(Criterion.NEW_FOLLOWERS, Map.of("posts", 10L), null);
            assertThat(followers.assessed()).isFalse();
            assertThat(followers.missingFigures())
                    .containsExactly("previousCycleFollowers", "followers", "followersAtStart", "followersAtEnd", "followerGrowth");
            assertThat(followers.arithmetic()).startsWith("no hay con qué medir el crecimiento");
        }
    }

    @Nested
    class Performance {

        final UUID a1 = id(1);
        final UUID a2 = id(2);
        final UUID a3 = id(3);
        final UUID a4 = id(4);
        final UUID a5 = id(5);
        final UUID stateAccount = id(6);
        final UUID facebookAccount = id(7);
        final UUID perFollower = id(8);
        final UUID noInteractions = id(9);

        List<AccountScore> scores() {
            List<ScoringInput> cycle = new ArrayList<>();
            // X DISTRICT per impression: 0.01, 0.02, 0.02 (tie), 0.04, 0.05.
            cycle.add(account(a1, "X", "DISTRICT", Map.of("likes", 10L, "mentions", 0L, "impressions", 1000L), null, false));
            cycle.add(account(a2, "X", "DISTRICT", Map.of("likes", 20L, "mentions", 0L, "impressions", 1000L), null, false));
            cycle.add(account(a3, "X", "DISTRICT", Map.of("likes", 15L, "mentions", 5L, "impressions", 1000L), null, false));
            cycle.add(account(a4, "X", "DISTRICT", Map.of("likes", 30L, "mentions", 10L, "impressions", 1000L), null, false));
            cycle.add(account(a5, "X", "DISTRICT", Map.of("likes", 50L, "impressions", 1000L), null, false));
            // Other level, other network, other basis: none of them a peer of the five.
            cycle.add(account(stateAccount, "X", "STATE", Map.of("likes", 30L, "impressions", 1000L), null, false));
            cycle.add(account(facebookAccount, "FACEBOOK", "DISTRICT", Map.of("likes", 1L, "shares", 0L, "impressions", 1000L), null, false));
            cycle.add(account(perFollower, "X", "DISTRICT", Map.of("likes", 40L, "followers", 800L), null, false));
            cycle.add(account(noInteractions, "X", "DISTRICT", Map.of("posts", 4L, "impressions", 1000L), null, false));
            return engine.scoreCycle(FORMULA, cycle);
        }

        SubScore performanceOf(UUID id) {
            return scores().stream().filter(s -> s.accountId().equals(id)).findFirst().orElseThrow().subScore(Criterion.PERFORMANCE);
        }

        @Test
        void shouldRankEngagementAsAMidRankPercentileAmongPeers() {
            // N = 5: 100 × (below + tied others / 2) / 4.
            assertThat(performanceOf(a1).value()).isZero();                  // 0 below
            assertThat(performanceOf(a2).value()).isEqualTo(38);              // (1 + 1/2) / 4 = 37.5 → 38
            assertThat(performanceOf(a3).value()).isEqualTo(38);              // tie with a2
            assertThat(performanceOf(a4).value()).isEqualTo(75);              // 3 / 4
            assertThat(performanceOf(a5).value()).isEqualTo(100);             // 4 / 4
        }

        @Test
        void shouldExplainTheRankAndTheFiguresNotReported() {
            assertThat(performanceOf(a4).arithmetic()).isEqualTo("Interacción por impresión 0.0400 = (me gusta 30 + menciones 10)"
                    + " / impresiones 1000 (no informadas, no se suman: «shares»); percentil 75 entre 5 cuentas X de nivel"
                    + " DISTRICT por impresión → 75 (100 × (3 por debajo + 0 empatadas / 2) / (5 − 1) = 75.00)");
        }

        @Test
        void shouldUseOnlyAccountsOfTheSameNetworkLevelAndBasisAsPeers() {
            AccountScore first = scores().get(0);
            assertThat(first.explanation().peers().accountIds()).containsExactly(a1, a2, a3, a4, a5);
            assertThat(first.explanation().peers().network()).isEqualTo("X");
            assertThat(first.explanation().peers().areaLevel()).isEqualTo("DISTRICT");
            assertThat(first.explanation().peers().basis()).isEqualTo(PeerGroup.EngagementBasis.IMPRESSIONS);
        }

        @Test
        void shouldGiveTheOnlyAccountOfItsGroupTheMiddlePercentile() {
            SubScore alone = performanceOf(stateAccount);
            assertThat(alone.value()).isEqualTo(50);
            assertThat(alone.arithmetic()).endsWith("única cuenta X de nivel STATE por impresión en el ciclo, "
                    + "sin pares con quien compararla: percentil 50 → 50");
            assertThat(performanceOf(facebookAccount).value()).isEqualTo(50);
        }

        @Test
        void shouldMeasureEngagementPerFollowerWithoutImpressions() {
            SubScore perFollowerScore = performanceOf(perFollower);
            assertThat(perFollowerScore.value()).isEqualTo(50);
            assertThat(perFollowerScore.arithmetic()).startsWith(
                    "sin «impressions», por seguidor: Interacción por seguidor 0.0500 = (me gusta 40) / «followers» 800");
            assertThat(perFollowerScore.missingFigures()).contains("impressions");
        }

        @Test
        void shouldFallBackToFollowersWhenImpressionsAreZero() {
            // 3 / 4000 = 0.00075: below 0.001, written with six decimals.
            SubScore zeroImpressions = scoreAlone(account(Map.of("likes", 3L, "impressions", 0L, "followers", 4000L)))
                    .subScore(Criterion.PERFORMANCE);
            assertThat(zeroImpressions.arithmetic()).startsWith(
                    "«impressions» = 0, por seguidor: Interacción por seguidor 0.000750 = (me gusta 3) / «followers» 4000");
            assertThat(zeroImpressions.missingFigures()).containsExactly("shares", "mentions");
        }

        @Test
        void shouldLeavePerformanceUnassessedWithoutABase() {
            SubScore noBase = scoreAlone(account(Map.of("likes", 3L, "impressions", 0L))).subScore(Criterion.PERFORMANCE);
            assertThat(noBase.assessed()).isFalse();
            assertThat(noBase.missingFigures()).containsExactly("shares", "mentions", "followers");
            assertThat(noBase.arithmetic()).isEqualTo("«impressions» = 0 y sin seguidores («followers» o «followersAtEnd») "
                    + "mayores que 0: no hay base para la interacción; el criterio no se evalúa y queda fuera de la calificación global");
        }

        @Test
        void shouldLeavePerformanceUnassessedWithoutInteractions() {
            SubScore none = performanceOf(noInteractions);
            assertThat(none.assessed()).isFalse();
            assertThat(none.missingFigures()).containsExactly("likes", "shares", "mentions");
            AccountScore score = scores().stream().filter(s -> s.accountId().equals(noInteractions)).findFirst().orElseThrow();
            assertThat(score.explanation().peers()).isNull();
        }

        @Test
        void shouldGiveEveryTiedAccountTheMiddlePercentile() {
            List<ScoringInput> tied = List.of(
                    account(a1, "X", "DISTRICT", Map.of("likes", 10L, "impressions", 1000L), null, false),
                    account(a2, "X", "DISTRICT", Map.of("likes", 20L, "impressions", 2000L), null, false),
                    account(a3, "X", "DISTRICT", Map.of("likes", 5L, "impressions", 500L), null, false));
            assertThat(engine.scoreCycle(FORMULA, tied)).extracting(s -> s.subScore(Criterion.PERFORMANCE).value())
                    .containsExactly(50, 50, 50);
        }
    }

    @Nested
    class OverallAndRating {

        /** Performance alone 50, frequency 60 (12 posts), original 58, new followers 50. */
        final Map<String, Long> figures = Map.of("likes", 30L, "impressions", 1000L, "posts", 12L, "ownPosts", 9L,
                "multimediaPosts", 3L, "followers", 1050L);

        @Test
        void shouldAverageTheSubScoresWithEqualWeights() {
            // original: own 9/12 = 0.75 → 75; multimedia 3/12 = 0.25 / 0.5 → 50; (75 + 50) / 2 = 62.5 → 63.
            // (50 + 60 + 63 + 50) / 4 = 223 / 4 = 55.75 → 56.
            AccountScore score = scoreAlone(account(UUID.randomUUID(), "X", "DISTRICT", figures, 1000L, false));
            assertThat(score.subScoresByKey()).containsExactly(Map.entry("performance", 50), Map.entry("frequency", 60),
                    Map.entry("originalContent", 63), Map.entry("newFollowers", 50));
            assertThat(score.overall()).isEqualTo(56);
            assertThat(score.rating()).isEqualTo(Rating.PERTINENT_WITH_RECOMMENDATIONS);
            assertThat(score.explanation().overallArithmetic())
                    .isEqualTo("media ponderada (1 × 50 + 1 × 60 + 1 × 63 + 1 × 50) / 4 = 55.75 → 56");
            assertThat(score.explanation().ratingReason()).isEqualTo("56 ≥ 40 y < 70 → PERTINENT_WITH_RECOMMENDATIONS");
        }

        @Test
        void shouldWeighTheCriteriaAsTheFormulaSays() {
            // Weights 3, 1, 0, 0: (3 × 50 + 1 × 60) / 4 = 52.5 → 53; with equal weights it was 56.
            ScoringFormula weighted = new ScoringFormula("2026.1-w", new ScoringFormula.Weights(3, 1, 0, 0),
                    FORMULA.thresholds(), FORMULA.cutoffs());
            AccountScore score = engine.scoreCycle(weighted,
                    List.of(account(UUID.randomUUID(), "X", "DISTRICT", figures, 1000L, false))).get(0);
            assertThat(score.overall()).isEqualTo(53);
            assertThat(score.explanation().overallArithmetic())
                    .isEqualTo("media ponderada (3 × 50 + 1 × 60 + 0 × 63 + 0 × 50) / 4 = 52.50 → 53");
        }

        @Test
        void shouldLeaveUnassessedCriteriaOutOfTheMeanAndSaySo() {
            // Only frequency (12 posts → 60) and performance (alone → 50): (50 + 60) / 2 = 55.
            AccountScore score = scoreAlone(account(Map.of("posts", 12L, "likes", 3L, "impressions", 100L)));
            assertThat(score.overall()).isEqualTo(55);
            assertThat(score.explanation().overallArithmetic()).isEqualTo("media ponderada (1 × 50 + 1 × 60) / 2 = 55.00 → 55;"
                    + " sin evaluar, fuera de la media: Contenido original (peso 1), Seguidores nuevos (peso 1)");
        }

        @Test
        void shouldScoreZeroWhenNoWeightedCriterionCanBeAssessed() {
            ScoringFormula onlyFollowers = new ScoringFormula("x", new ScoringFormula.Weights(0, 0, 0, 1),
                    FORMULA.thresholds(), FORMULA.cutoffs());
            AccountScore score = engine.scoreCycle(onlyFollowers, List.of(account(Map.of("posts", 12L)))).get(0);
            assertThat(score.overall()).isZero();
            assertThat(score.rating()).isEqualTo(Rating.NOT_PERTINENT);
            assertThat(score.explanation().overallArithmetic()).startsWith("ningún criterio evaluado tiene peso positivo → 0");
        }

        /** 140 days = 20 weeks: N posts = N / 20 a week = 100 × N / 100 = N, and frequency is the only criterion. */
        private AccountScore onlyFrequency(long posts) {
            return scoreAlone(new ScoringInput(UUID.randomUUID(), "OTHER", "CENTRAL", Map.of("posts", posts),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 20), null, false));
        }

        @Test
        void shouldRateAtTheBoundaries() {
            assertThat(onlyFrequency(39).overall()).isEqualTo(39);
            assertThat(onlyFrequency(39).rating()).isEqualTo(Rating.NOT_PERTINENT);
            assertThat(onlyFrequency(40).rating()).isEqualTo(Rating.PERTINENT_WITH_RECOMMENDATIONS);
            assertThat(onlyFrequency(69).rating()).isEqualTo(Rating.PERTINENT_WITH_RECOMMENDATIONS);
            assertThat(onlyFrequency(70).overall()).isEqualTo(70);
            assertThat(onlyFrequency(70).rating()).isEqualTo(Rating.PERTINENT);
            assertThat(onlyFrequency(39).explanation().ratingReason()).isEqualTo("39 < 40 → NOT_PERTINENT");
            assertThat(onlyFrequency(70).explanation().ratingReason()).isEqualTo("70 ≥ 70 → PERTINENT");
        }

        @Test
        void shouldRateCutoffsAsConfigured() {
            ScoringFormula.RatingCutoffs cutoffs = new ScoringFormula.RatingCutoffs(70, 40);
            assertThat(cutoffs.ratingFor(39)).isEqualTo(Rating.NOT_PERTINENT);
            assertThat(cutoffs.ratingFor(40)).isEqualTo(Rating.PERTINENT_WITH_RECOMMENDATIONS);
            assertThat(cutoffs.ratingFor(69)).isEqualTo(Rating.PERTINENT_WITH_RECOMMENDATIONS);
            assertThat(cutoffs.ratingFor(70)).isEqualTo(Rating.PERTINENT);
        }

        @Test
        void shouldRateADormantAccountNotPertinentWhateverItsScore() {
            AccountScore score = scoreAlone(new ScoringInput(UUID.randomUUID(), "OTHER", "CENTRAL", Map.of("posts", 100L),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 20), null, true));
            assertThat(score.overall()).isEqualTo(100);
            assertThat(score.rating()).isEqualTo(Rating.NOT_PERTINENT);
            assertThat(score.explanation().ratingReason()).isEqualTo("cuenta inactiva: NOT_PERTINENT sea cual sea su calificación (100)");
            assertThat(score.explanation().dormant()).isTrue();
        }
    }

    @Nested
    class Versions {

        @Test
        void shouldLeaveAnEarlierScoreUnchangedWhenTheFormulaChanges() {
            ScoringInput input = account(Map.of("posts", 12L));
            AccountScore earlier = engine.scoreCycle(FORMULA, List.of(input)).get(0);
            ScoringFormula stricter = new ScoringFormula("2026.2", FORMULA.weights(),
                    new ScoringFormula.Thresholds(0, 10, 1, 0.5, 0, 0.1), FORMULA.cutoffs());

            AccountScore later = engine.scoreCycle(stricter, List.of(input)).get(0);

            // 3 a week: 60 under 2026.1 (100 at 5), 30 under 2026.2 (100 at 10).
            assertThat(later.subScore(Criterion.FREQUENCY).value()).isEqualTo(30);
            assertThat(later.formulaVersion()).isEqualTo("2026.2");
            assertThat(earlier.subScore(Criterion.FREQUENCY).value()).isEqualTo(60);
            assertThat(earlier.formulaVersion()).isEqualTo("2026.1");
            assertThat(earlier.formula().thresholds().frequencyFullPostsPerWeek()).isEqualTo(5);
            assertThat(earlier.explanation().formulaVersion()).isEqualTo("2026.1");
            assertThat(engine.scoreCycle(earlier.formula(), List.of(input)).get(0))
                    .as("the formula a score carries reproduces it").isEqualTo(earlier);
        }
    }

    @Nested
    class Explanation {

        @Test
        void shouldCarryTheInputsFormulaAndEveryPart() {
            UUID id = UUID.randomUUID();
            AccountScore score = engine.scoreCycle(FORMULA, List.of(account(id, "X", "DISTRICT",
                    Map.of("posts", 12L, "likes", 3L, "impressions", 100L), 90L, false))).get(0);
            ScoreExplanation explanation = score.explanation();
            assertThat(explanation.figures()).isEqualTo(Map.of("posts", 12L, "likes", 3L, "impressions", 100L));
            assertThat(explanation.periodStart()).isEqualTo(FOUR_WEEKS_FROM);
            assertThat(explanation.periodEnd()).isEqualTo(FOUR_WEEKS_TO);
            assertThat(explanation.weeks()).isEqualTo(4.0);
            assertThat(explanation.previousCycleFollowers()).isEqualTo(90L);
            assertThat(explanation.weights()).isEqualTo(ScoringFormula.Weights.equal());
            assertThat(explanation.subScores()).extracting(SubScore::criterion).containsExactly(Criterion.values());
            assertThat(explanation.peers().accountIds()).containsExactly(id);
            assertThat(explanation.text()).isEqualTo("""
                    Fórmula 2026.1
                    Desempeño en la red: Interacción por impresión 0.0300 = (me gusta 3) / impresiones 100 \
                    (no informadas, no se suman: «shares», «mentions»); única cuenta X de nivel DISTRICT por impresión \
                    en el ciclo, sin pares con quien compararla: percentil 50 → 50
                    Frecuencia de publicación: 12 publicaciones en 28 días (4.000 semanas) = 3.00 por semana; \
                    100 × (3.00 − 0) / (5 − 0) = 60.0 → 60
                    Contenido original: el formulario no trae «ownPosts» ni «multimediaPosts»; el criterio no se evalúa \
                    y queda fuera de la calificación global
                    Seguidores nuevos: no hay con qué medir el crecimiento (se necesitan seguidores del ciclo anterior y \
                    actuales, «followersAtStart» > 0 y «followersAtEnd», o «followerGrowth» con una base mayor que 0); \
                    el criterio no se evalúa y queda fuera de la calificación global
                    Calificación global: media ponderada (1 × 50 + 1 × 60) / 2 = 55.00 → 55; sin evaluar, fuera de la \
                    media: Contenido original (peso 1), Seguidores nuevos (peso 1)
                    Dictamen: 55 ≥ 40 y < 70 → PERTINENT_WITH_RECOMMENDATIONS""");
        }
    }

    @Nested
    class Storage {

        @Test
        void shouldComeBackUnchangedFromJsonWithItsFormula() throws Exception {
            com.fasterxml.jackson.databind.ObjectMapper json = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).build();
            List<AccountScore> scores = engine.scoreCycle(FORMULA, List.of(
                    account(id(1), "X", "DISTRICT", Map.of("posts", 12L, "likes", 3L, "impressions", 100L), 90L, false),
                    account(id(2), "X", "DISTRICT", Map.of("posts", 1L), null, true)));
            for (AccountScore score : scores) {
                AccountScore read = json.readValue(json.writeValueAsString(score), AccountScore.class);
                assertThat(read).isEqualTo(score);
                assertThat(read.formula()).isEqualTo(FORMULA);
            }
        }
    }

    @Nested
    class Validation {

        @Test
        void shouldRejectAnAccountTwiceInOneCycle() {
            UUID id = UUID.randomUUID();
            assertThatThrownBy(() -> engine.scoreCycle(FORMULA, List.of(account(id, "X", "STATE", Map.of(), null, false),
                    account(id, "X", "STATE", Map.of(), null, false)))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRejectAFormulaWithoutAPositiveWeight() {
            assertThatThrownBy(() -> new ScoringFormula.Weights(0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ScoringFormula.Weights(-1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldRejectThresholdsAndCutoffsOutOfOrder() {
            assertThatThrownBy(() -> new ScoringFormula.Thresholds(5, 5, 1, 0.5, 0, 0.1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ScoringFormula.Thresholds(0, 5, 0, 0.5, 0, 0.1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ScoringFormula.Thresholds(0, 5, 1, 0.5, 0.2, 0.1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ScoringFormula.RatingCutoffs(40, 70)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ScoringFormula(" ", FORMULA.weights(), FORMULA.thresholds(), FORMULA.cutoffs()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }
}
