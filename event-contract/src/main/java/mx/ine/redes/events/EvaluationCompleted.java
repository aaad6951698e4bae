package mx.ine.redes.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores and rating of one account in one cycle (Art. 13). {@code rating} is the rating as it
 * stands; {@code computedRating} the one the formula gave, different only when CNCS overrode it
 * with {@code ratingJustification}. {@code recommendations} (Art. 6 III) were sent to the
 * administrators with the result.
 */
public record EvaluationCompleted(
        UUID evaluationId,
        UUID accountId,
        String cycleId,
        String areaCode,
        Map<String, Integer> subScores,
        int overallScore,
        String rating,
        String formulaVersion,
        Instant evaluatedAt,
        boolean late,
        String computedRating,
        String ratingJustification,
        List<IssuedRecommendation> recommendations,
        String completedBy) implements DomainEvent {

    public EvaluationCompleted {
        subScores = subScores == null ? Map.of() : Map.copyOf(subScores);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        // An event written before CNCS could override a rating carries no computed one: it was the rating.
        computedRating = computedRating == null ? rating : computedRating;
    }

    public EvaluationCompleted(UUID evaluationId, UUID accountId, String cycleId, String areaCode,
                               Map<String, Integer> subScores, int overallScore, String rating, String formulaVersion,
                               Instant evaluatedAt, boolean late) {
        this(evaluationId, accountId, cycleId, areaCode, subScores, overallScore, rating, formulaVersion, evaluatedAt, late,
                rating, null, List.of(), null);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
