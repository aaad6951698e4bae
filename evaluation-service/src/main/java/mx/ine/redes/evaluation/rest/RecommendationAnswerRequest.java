package mx.ine.redes.evaluation.rest;

import mx.ine.redes.support.input.FreeText;

/** How the administrator attended a recommendation (Art. 7 II). */
public record RecommendationAnswerRequest(@FreeText String answer) {
}
