package mx.ine.redes.events;

import java.util.Arrays;

/**
 * The ratings an evaluation ends in (Art. 13, domain.md §5) as they travel on {@link EvaluationCompleted} and
 * {@link RatingOverridden}, with the Spanish label every reader shows: one text for the administrators'
 * notices (evaluation-service) and the Committee's reports (reporting-service).
 */
public enum RatingLabel {
    PERTINENT("Pertinente (se mantiene)"),
    PERTINENT_WITH_RECOMMENDATIONS("Pertinente con recomendaciones"),
    NOT_PERTINENT("No pertinente (se propone su baja)");

    private final String label;

    RatingLabel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a wire name; an unknown one (a newer producer) is shown as it came. */
    public static String labelOf(String wireName) {
        return Arrays.stream(values()).filter(rating -> rating.name().equals(wireName)).findFirst()
                .map(RatingLabel::label).orElse(wireName);
    }
}
