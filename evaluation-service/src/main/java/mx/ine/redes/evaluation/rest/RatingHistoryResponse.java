package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An evaluation's rating: {@code computedRating} the formula's (provisional while the case is open,
 * null for an ad hoc case, which is not rated), {@code rating} the one that stands (the last override's,
 * else the computed one), {@code justification} the standing override's, and every override, oldest first.
 */
public record RatingHistoryResponse(String computedRating, boolean provisional, String rating, String justification,
                                    List<Override> overrides) {

    /** One override: who, when, from which rating to which, why, and whether the evaluation was already completed. */
    public record Override(UUID id, int ordinal, String previousRating, String rating, String computedRating,
                           String justification, String overriddenBy, Instant overriddenAt, boolean afterCompletion) {
    }
}
