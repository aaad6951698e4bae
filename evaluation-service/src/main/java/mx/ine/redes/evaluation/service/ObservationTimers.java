package mx.ine.redes.evaluation.service;

/** The timer kinds of an observation's life (Art. 14, 15). */
public final class ObservationTimers {

    /** The correction's deadline (plus the grace): overdue and escalated to the area head if not corrected. */
    public static final String DUE = "OBSERVATION_DUE";
    /** The head's term ended: a non-compliance item for the Committee if still not corrected. */
    public static final String COMMITTEE = "OBSERVATION_COMMITTEE";

    private ObservationTimers() {
    }
}
