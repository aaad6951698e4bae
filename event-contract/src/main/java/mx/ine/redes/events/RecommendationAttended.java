package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A recommendation (Art. 6 III, Art. 7 II) was settled: {@code status} is {@code ATTENDED} (with
 * the administrator's {@code answer}) or {@code NOT_ATTENDED} (CNCS found it was not).
 */
public record RecommendationAttended(
        UUID recommendationId,
        UUID evaluationId,
        UUID accountId,
        String cycleId,
        String areaCode,
        String category,
        String status,
        String answer,
        String decidedBy,
        Instant decidedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
