package mx.ine.redes.evaluation.scoring;

import java.util.Objects;

/**
 * One version of the scoring formula, whole: a result carries the formula it was computed with, so
 * that changing the configuration (a new version) never rewrites a past score.
 */
public record ScoringFormula(String version, Weights weights, Thresholds thresholds, RatingCutoffs cutoffs) {

    public ScoringFormula {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("A scoring formula needs a version");
        }
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(cutoffs, "cutoffs");
    }

    /** The relative weight of each criterion in the overall score (any non-negative numbers, not all zero). */
    public record Weights(double performance, double frequency, double originalContent, double newFollowers) {

        public Weights {
            for (double weight : new double[] {performance, frequency, originalContent, newFollowers}) {
                if (!(weight >= 0) || Double.isInfinite(weight)) {
                    throw new IllegalArgumentException("Scoring weights must be finite and non-negative: " + weight);
                }
            }
            if (performance + frequency + originalContent + newFollowers <= 0) {
                throw new IllegalArgumentException("At least one scoring weight must be positive");
            }
        }

        public static Weights equal() {
            return new Weights(1, 1, 1, 1);
        }

        public double of(Criterion criterion) {
            return switch (criterion) {
                case PERFORMANCE -> performance;
                case FREQUENCY -> frequency;
                case ORIGINAL_CONTENT -> originalContent;
                case NEW_FOLLOWERS -> newFollowers;
            };
        }
    }

    /**
     * Where each linear criterion reaches 0 and 100. Frequency: posts per week; original content: the
     * share (0–1) of own posts and of multimedia posts that is worth 100; new followers: the growth
     * rate over the period (0.10 = 10 %).
     */
    public record Thresholds(
            double frequencyZeroPostsPerWeek,
            double frequencyFullPostsPerWeek,
            double ownShareForFull,
            double multimediaShareForFull,
            double growthRateForZero,
            double growthRateForFull) {

        public Thresholds {
            if (!(frequencyFullPostsPerWeek > frequencyZeroPostsPerWeek)) {
                throw new IllegalArgumentException("Frequency: the posts per week worth 100 must exceed those worth 0");
            }
            if (!(ownShareForFull > 0 && ownShareForFull <= 1) || !(multimediaShareForFull > 0 && multimediaShareForFull <= 1)) {
                throw new IllegalArgumentException("Original content: the shares worth 100 must be in (0, 1]");
            }
            if (!(growthRateForFull > growthRateForZero)) {
                throw new IllegalArgumentException("New followers: the growth rate worth 100 must exceed the one worth 0");
            }
        }
    }

    /** Overall ≥ {@code pertinentFrom}: PERTINENT; ≥ {@code withRecommendationsFrom}: with recommendations; below: not pertinent. */
    public record RatingCutoffs(int pertinentFrom, int withRecommendationsFrom) {

        public RatingCutoffs {
            if (withRecommendationsFrom < 0 || pertinentFrom > 100 || withRecommendationsFrom > pertinentFrom) {
                throw new IllegalArgumentException("Rating cut-offs must satisfy 0 ≤ withRecommendationsFrom ≤ pertinentFrom ≤ 100");
            }
        }

        public Rating ratingFor(int overall) {
            if (overall >= pertinentFrom) {
                return Rating.PERTINENT;
            }
            return overall >= withRecommendationsFrom ? Rating.PERTINENT_WITH_RECOMMENDATIONS : Rating.NOT_PERTINENT;
        }
    }
}
