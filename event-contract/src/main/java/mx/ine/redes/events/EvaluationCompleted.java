package mx.ine.redes.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Scores and rating of one account in one cycle (Art. 13). */
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
        boolean late) implements DomainEvent {

    public EvaluationCompleted {
        subScores = subScores == null ? Map.of() : Map.copyOf(subScores);
    }

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
