package mx.ine.redes.evaluation.scoring;

/** The pertinence of an account (Art. 13, domain.md §5). */
public enum Rating {
    /** Keep the account (mantener). */
    PERTINENT,
    /** Keep it, with recommendations (Art. 6 III). */
    PERTINENT_WITH_RECOMMENDATIONS,
    /** Propose its baja to the Committee. */
    NOT_PERTINENT;

    /** What the administrators read: the label in event-contract, shared with the Committee's reports. */
    public String spanishLabel() {
        return mx.ine.redes.events.RatingLabel.valueOf(name()).label();
    }
}
