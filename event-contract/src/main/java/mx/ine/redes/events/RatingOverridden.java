package mx.ine.redes.events;

import java.time.Instant;
import java.util.UUID;

/**
 * CNCS overrode an evaluation's rating with a written justification (domain.md §5), before or
 * after completing it. {@code computedRating} is what the formula gave; {@code previousRating}
 * the rating that stood before this act. Every override is kept; none rewrites the score.
 */
public record RatingOverridden(
        UUID evaluationId,
        UUID accountId,
        String cycleId,
        String areaCode,
        String computedRating,
        String previousRating,
        String rating,
        String justification,
        String overriddenBy,
        Instant overriddenAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return accountId.toString();
    }
}
