package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import mx.ine.redes.evaluation.EvaluationCase;
import mx.ine.redes.evaluation.RatingOverride;
import mx.ine.redes.evaluation.scoring.Rating;
import mx.ine.redes.events.RatingOverridden;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.problem.ProblemException;
import mx.ine.redes.support.problem.Text;

/**
 * CNCS overrides an evaluation's rating with a written justification (domain.md §5), before or
 * after completion. The overrides are a history (never changed); the rating that stands is the last
 * override's, else the formula's. Before completion the override is what completion will carry
 * ({@code EvaluationCompleted.rating}); after it, the case's recorded rating changes but its recorded
 * score never does. Every override publishes {@code RatingOverridden}.
 */
@ApplicationScoped
@Transactional
public class RatingOverrides {

    /** A justification is a sentence someone can read later, not a word: at least this many characters. */
    public static final int MIN_JUSTIFICATION_LENGTH = 20;

    public static final int MAX_JUSTIFICATION_LENGTH = 2000;

    /** The rating that stands, the formula's, and the justification of the override that stands (null if none). */
    public record Standing(String rating, String computedRating, String justification) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    CaseScoring caseScoring;

    @Inject
    EventPublisher events;

    @Inject
    AuditTrail audit;

    @Inject
    BajaProposals bajaProposals;

    /** For a case still open, with the formula's rating as of now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(UUID caseId, String computedRating) {
        List<RatingOverride> overrides = RatingOverride.of(caseId);
        if (overrides.isEmpty()) {
            return new Standing(computedRating, computedRating, null);
        }
        RatingOverride last = overrides.get(overrides.size() - 1);
        return new Standing(last.rating, computedRating, last.justification);
    }

    /** Records the override; returns the case as it stands after it. */
    public EvaluationCase override(UUID caseId, String requestedRating, String requestedJustification, String actor) {
        Rating rating = validRating(requestedRating);
        String justification = validJustification(requestedJustification);
        EvaluationCase evaluation = entityManager.find(EvaluationCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(evaluation);
        boolean completed = evaluation.status == EvaluationCase.Status.COMPLETED;
        String computed;
        String previous;
        if (completed) {
            computed = evaluation.computedRating != null ? evaluation.computedRating : evaluation.score.rating().name();
            previous = evaluation.rating;
        } else {
            // The formula's rating as of now (422 for an ad hoc case: nothing is rated there).
            computed = caseScoring.score(evaluation).rating().name();
            previous = standing(caseId, computed).rating();
        }
        if (previous.equals(rating.name())) {
            throw ProblemException.conflict(Text.of("La calificación vigente de esta evaluación ya es " + rating.name() + " ("
                            + rating.spanishLabel() + "); una modificación debe cambiarla.",
                    "This evaluation's standing rating is already " + rating.name() + "; an override must change it."),
                    List.of(ProblemException.Violation.field("rating", Text.of("Ya es la calificación vigente.",
                            "It is already the standing rating."))));
        }
        Instant now = clock.instant();
        RatingOverride override = new RatingOverride();
        override.id = UUID.randomUUID();
        override.caseId = caseId;
        override.ordinal = RatingOverride.of(caseId).size() + 1;
        override.computedRating = computed;
        override.previousRating = previous;
        override.rating = rating.name();
        override.justification = justification;
        override.overriddenBy = actor;
        override.overriddenAt = now;
        override.afterCompletion = completed;
        override.persist();
        if (completed) {
            evaluation.rating = rating.name();
            evaluation.ratingJustification = justification;
            evaluation.updatedAt = now;
        }
        events.publish(new RatingOverridden(evaluation.id, evaluation.accountId, evaluation.cycleId, evaluation.areaCode,
                computed, previous, rating.name(), justification, actor, now));
        audit.record(AuditTrail.Act.of(actor, "RATING_OVERRIDDEN", "EVALUATION", evaluation.id, evaluation.accountId,
                        evaluation.cycleId, null, "La CNCS modificó la calificación de " + previous + " a " + rating.name()
                                + (completed ? " después de concluir la evaluación." : " antes de concluir la evaluación."))
                .with("previousRating", previous).with("rating", rating.name()).with("computedRating", computed)
                .with("justification", justification).with("overrideId", override.id.toString()));
        if (completed) {
            bajaProposals.ratingChangedAfterCompletion(evaluation, previous, override);
        }
        return evaluation;
    }

    private static Rating validRating(String value) {
        Text known = Text.of("Indique una de: " + names() + ".", "Give one of: " + names() + ".");
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("rating", Text.of("Falta la calificación. " + known.es(),
                    "The rating is missing. " + known.en()));
        }
        try {
            return Rating.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("rating", Text.of("Calificación no admitida: " + value + ". " + known.es(),
                    "Unknown rating: " + value + ". " + known.en()));
        }
    }

    private static String validJustification(String value) {
        String justification = value == null ? "" : value.strip();
        if (justification.length() < MIN_JUSTIFICATION_LENGTH || justification.length() > MAX_JUSTIFICATION_LENGTH) {
            throw ProblemException.invalid("justification", Text.of("Justifique la modificación por escrito, con al menos "
                            + MIN_JUSTIFICATION_LENGTH + " y a lo más " + MAX_JUSTIFICATION_LENGTH + " caracteres (tiene "
                            + justification.length() + ").",
                    "Justify the override in writing, with at least " + MIN_JUSTIFICATION_LENGTH + " and at most "
                            + MAX_JUSTIFICATION_LENGTH + " characters (it has " + justification.length() + ")."));
        }
        return justification;
    }

    private static String names() {
        List<String> names = new ArrayList<>();
        Arrays.stream(Rating.values()).forEach(r -> names.add(r.name()));
        return String.join(", ", names);
    }
}
