package mx.ine.redes.evaluation.scoring;

/** The pertinence of an account (Art. 13, domain.md §5). */
public enum Rating {
    /** Keep the account (mantener). */
    PERTINENT("Pertinente (se mantiene)"),
    /** Keep it, with recommendations (Art. 6 III). */
    PERTINENT_WITH_RECOMMENDATIONS("Pertinente con recomendaciones"),
    /** Propose its baja to the Committee. */
    NOT_PERTINENT("No pertinente (se propone su baja)");

    private final String spanishLabel;

    Rating(String spanishLabel) {
        this.spanishLabel = spanishLabel;
    }

    /** What the administrators read. */
    public String spanishLabel() {
        return spanishLabel;
    }
}
