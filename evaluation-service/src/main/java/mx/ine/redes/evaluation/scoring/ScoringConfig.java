package mx.ine.redes.evaluation.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The scoring formula in force (Art. 13). Whoever changes a weight, a threshold or a cut-off must
 * also change {@code version}: scores already computed keep the formula they carry.
 */
@ConfigMapping(prefix = "scoring")
public interface ScoringConfig {

    /** The version scores computed from now on carry. */
    @WithDefault("2026.1")
    String version();

    Weights weights();

    Frequency frequency();

    OriginalContent originalContent();

    NewFollowers newFollowers();

    RatingCutoffs rating();

    /** Relative weights of the criteria in the overall score (equal by default, domain.md §5). */
    interface Weights {
        @WithDefault("1")
        double performance();

        @WithDefault("1")
        double frequency();

        @WithDefault("1")
        double originalContent();

        @WithDefault("1")
        double newFollowers();
    }

    interface Frequency {
        /** Posts per week worth 0 (and anything below). */
        @WithDefault("0")
        double zeroPostsPerWeek();

        /** Posts per week worth 100 (and anything above): one a working day. */
        @WithDefault("5")
        double fullPostsPerWeek();
    }

    interface OriginalContent {
        /** Share of own posts (ownPosts / posts) worth 100. */
        @WithDefault("1")
        double ownShareForFull();

        /** Share of multimedia posts (multimediaPosts / posts) worth 100. */
        @WithDefault("0.5")
        double multimediaShareForFull();
    }

    interface NewFollowers {
        /** Growth rate over the period worth 0 (and anything below: followers lost). */
        @WithDefault("0")
        double growthRateForZero();

        /** Growth rate over the period worth 100 (0.10 = 10 %). */
        @WithDefault("0.1")
        double growthRateForFull();
    }

    interface RatingCutoffs {
        /** Overall from which an account is PERTINENT. */
        @WithDefault("70")
        int pertinentFrom();

        /** Overall from which an account is PERTINENT_WITH_RECOMMENDATIONS (below: NOT_PERTINENT). */
        @WithDefault("40")
        int withRecommendationsFrom();
    }

    /** The configured formula as the immutable record results carry. */
    default ScoringFormula formula() {
        return new ScoringFormula(version(),
                new ScoringFormula.Weights(weights().performance(), weights().frequency(),
                        weights().originalContent(), weights().newFollowers()),
                new ScoringFormula.Thresholds(frequency().zeroPostsPerWeek(), frequency().fullPostsPerWeek(),
                        originalContent().ownShareForFull(), originalContent().multimediaShareForFull(),
                        newFollowers().growthRateForZero(), newFollowers().growthRateForFull()),
                new ScoringFormula.RatingCutoffs(rating().pertinentFrom(), rating().withRecommendationsFrom()));
    }
}
