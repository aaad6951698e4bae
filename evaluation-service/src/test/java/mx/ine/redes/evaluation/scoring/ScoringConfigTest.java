package mx.ine.redes.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code scoring.*} keys and their defaults, read by SmallRye Config alone (no Quarkus). */
class ScoringConfigTest {

    private static ScoringConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ScoringConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(ScoringConfig.class);
    }

    @Test
    void shouldDefaultToFormula2026Point1WithEqualWeights() {
        assertThat(config(Map.of()).formula()).isEqualTo(new ScoringFormula("2026.1",
                new ScoringFormula.Weights(1, 1, 1, 1),
                new ScoringFormula.Thresholds(0, 5, 1, 0.5, 0, 0.1),
                new ScoringFormula.RatingCutoffs(70, 40)));
    }

    @Test
    void shouldReadEveryKeyOfANewVersion() {
        ScoringFormula formula = config(Map.ofEntries(
                Map.entry("scoring.version", "2027.1"),
                Map.entry("scoring.weights.performance", "2"),
                Map.entry("scoring.weights.frequency", "1"),
                Map.entry("scoring.weights.original-content", "1.5"),
                Map.entry("scoring.weights.new-followers", "0.5"),
                Map.entry("scoring.frequency.zero-posts-per-week", "1"),
                Map.entry("scoring.frequency.full-posts-per-week", "10"),
                Map.entry("scoring.original-content.own-share-for-full", "0.8"),
                Map.entry("scoring.original-content.multimedia-share-for-full", "0.4"),
                Map.entry("scoring.new-followers.growth-rate-for-zero", "0.01"),
                Map.entry("scoring.new-followers.growth-rate-for-full", "0.2"),
                Map.entry("scoring.rating.pertinent-from", "75"),
                Map.entry("scoring.rating.with-recommendations-from", "45"))).formula();
        assertThat(formula).isEqualTo(new ScoringFormula("2027.1",
                new ScoringFormula.Weights(2, 1, 1.5, 0.5),
                new ScoringFormula.Thresholds(1, 10, 0.8, 0.4, 0.01, 0.2),
                new ScoringFormula.RatingCutoffs(75, 45)));
    }

    @Test
    void shouldRefuseAFormulaWithoutAPositiveWeight() {
        ScoringConfig config = config(Map.of("scoring.weights.performance", "0", "scoring.weights.frequency", "0",
                "scoring.weights.original-content", "0", "scoring.weights.new-followers", "0"));
        assertThatThrownBy(config::formula).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("At least one scoring weight must be positive");
    }

    @Test
    void shouldScoreWithTheConfiguredFormula() {
        Scoring scoring = new Scoring(config(Map.of("scoring.version", "2026.9")));
        assertThat(scoring.currentFormula().version()).isEqualTo("2026.9");
        assertThat(scoring.scoreCycle(java.util.List.of(ScoringEngineTest.account(Map.of("posts", 12L)))))
                .singleElement().satisfies(score -> assertThat(score.formulaVersion()).isEqualTo("2026.9"));
    }
}
