package mx.ine.redes.evaluation.rest;

import mx.ine.redes.support.input.FreeText;

/** A recommendation CNCS makes (Art. 6 III): its category (e.g. MORE_ORIGINAL_CONTENT) and its text for the administrators. */
public record RecommendationRequest(String category, @FreeText String text) {
}
