package mx.ine.redes.evaluation.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.evaluation.scoring.ScoreExplanation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The provisional score of an evaluation: sub-scores, overall, rating, and how each was reached. */
public record ScoreResponse(
        UUID evaluationId,
        UUID accountId,
        String cycleId,
        @Schema(description = "true mientras la CNCS no concluye la evaluación: la calificación se calcula al consultarla "
                + "con la fórmula vigente y los pares del ciclo tal como están; false: la registrada al concluir") boolean provisional,
        int overall,
        @Schema(description = "PERTINENT, PERTINENT_WITH_RECOMMENDATIONS o NOT_PERTINENT") String rating,
        @Schema(description = "performance, frequency, originalContent, newFollowers (sólo los criterios evaluados)")
        Map<String, Integer> subScores,
        String formulaVersion,
        @Schema(description = "Entradas, subcalificaciones con su aritmética, pares, pesos y el cálculo global")
        ScoreExplanation explanation,
        @Schema(description = "La explicación en texto, una línea por parte (español)") List<String> explanationText) {
}
