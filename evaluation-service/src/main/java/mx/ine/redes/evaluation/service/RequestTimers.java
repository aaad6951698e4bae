package mx.ine.redes.evaluation.service;

/** The timer kinds of a request's life (domain.md §3, Art. 15). */
public final class RequestTimers {

    /** Remind the administrators before the deadline. */
    public static final String REMINDER = "REQUEST_REMINDER";
    /** The deadline: overdue and escalated to the area head if not attended. */
    public static final String DUE = "REQUEST_DUE";
    /** The head's period ended: a non-compliance item for the Committee if still not attended. */
    public static final String COMMITTEE = "REQUEST_COMMITTEE";

    private RequestTimers() {
    }
}
