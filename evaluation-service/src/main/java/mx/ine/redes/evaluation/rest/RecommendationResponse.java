package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.UUID;

/**
 * A recommendation (Art. 6 III) and its attention (Art. 7 II): {@code status} PENDING, ATTENDED (with
 * the administrator's {@code answer}) or NOT_ATTENDED (with CNCS's {@code nonAttendanceReason}).
 */
public record RecommendationResponse(UUID id, UUID evaluationId, UUID accountId, String cycleId, String areaCode,
                                     String category, String categoryLabel, String text, String status, String madeBy,
                                     Instant madeAt, String answer, String nonAttendanceReason, String settledBy,
                                     Instant settledAt) {

    public static RecommendationResponse of(mx.ine.redes.evaluation.Recommendation r) {
        return new RecommendationResponse(r.id, r.caseId, r.accountId, r.cycleId, r.areaCode, r.category.name(),
                r.category.label(), r.text, r.status.name(), r.madeBy, r.madeAt, r.answer, r.nonAttendanceReason, r.settledBy,
                r.settledAt);
    }
}
