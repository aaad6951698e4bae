package mx.ine.redes.evaluation.scoring;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One account's score in one cycle, immutable, with the whole formula that produced it. */
public record AccountScore(
        UUID accountId,
        Map<Criterion, SubScore> subScores,
        int overall,
        Rating rating,
        ScoringFormula formula,
        ScoreExplanation explanation) {

    public AccountScore {
        EnumMap<Criterion, SubScore> byCriterion = new EnumMap<>(Criterion.class);
        byCriterion.putAll(subScores);
        subScores = java.util.Collections.unmodifiableMap(byCriterion);
    }

    public SubScore subScore(Criterion criterion) {
        return subScores.get(criterion);
    }

    /** The assessed sub-scores by criterion key, as {@code EvaluationCompleted.subScores} carries them. */
    public Map<String, Integer> subScoresByKey() {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        subScores.values().stream().filter(SubScore::assessed).forEach(s -> byKey.put(s.criterion().key(), s.value()));
        return byKey;
    }

    public String formulaVersion() {
        return formula.version();
    }
}
