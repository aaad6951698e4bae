package mx.ine.redes.evaluation.rest;

import mx.ine.redes.support.input.FreeText;

/**
 * CNCS's override of a rating: {@code rating} one of PERTINENT, PERTINENT_WITH_RECOMMENDATIONS,
 * NOT_PERTINENT; {@code justification} a written reason of at least 20 characters (checked by the service, which names the field).
 */
public record RatingOverrideRequest(String rating, @FreeText String justification) {
}
