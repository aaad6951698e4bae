package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.UUID;

/** A completed evaluation: when, by whom, whether CNCS's term had passed, and the score it was completed with. */
public record CompletionResponse(UUID evaluationId, String status, Instant completedAt, String completedBy, boolean late,
                                 ScoreResponse score) {
}
