package mx.ine.redes.events;

import java.util.UUID;

/**
 * One recommendation (Art. 6 III) as {@link EvaluationCompleted} carries it. {@code category} is
 * one of the evaluation's categories (e.g. {@code MORE_ORIGINAL_CONTENT}, {@code DECOMMISSION}).
 */
public record IssuedRecommendation(UUID recommendationId, String category, String text) {
}
