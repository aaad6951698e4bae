package mx.ine.redes.evaluation.scoring;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One criterion's 0–100 score, or {@code null} when the submission lacks the figures it needs (the
 * criterion is then left out of the overall, and {@code missingFigures} and {@code arithmetic} say
 * so). {@code arithmetic} is the computation written out in Spanish.
 */
public record SubScore(Criterion criterion, Integer value, String arithmetic, List<String> missingFigures) {

    public SubScore {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(arithmetic, "arithmetic");
        if (value != null && (value < 0 || value > 100)) {
            throw new IllegalArgumentException("A sub-score is within 0–100: " + value);
        }
        missingFigures = missingFigures == null ? List.of() : List.copyOf(missingFigures);
    }

    static SubScore of(Criterion criterion, int value, String arithmetic, List<String> missingFigures) {
        return new SubScore(criterion, value, arithmetic, missingFigures);
    }

    static SubScore notAssessed(Criterion criterion, String arithmetic, List<String> missingFigures) {
        return new SubScore(criterion, null, arithmetic, missingFigures);
    }

    public boolean assessed() {
        return value != null;
    }

    public OptionalInt score() {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
