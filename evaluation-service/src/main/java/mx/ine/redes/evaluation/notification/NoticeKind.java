package mx.ine.redes.evaluation.notification;

/** The notices of a request's life (domain.md §3, Art. 12, 15) and the alerts to CNCS. */
public enum NoticeKind {
    REQUEST_ISSUED,
    DEADLINE_REMINDER,
    REQUEST_OVERDUE,
    ESCALATED_TO_AREA_HEAD,
    /** An open request's deadline moved (a calendar change, or its notice left later than assumed). */
    DEADLINE_CHANGED,
    /** The head's term of an escalated request moved with the calendar. */
    HEAD_TERM_CHANGED,
    /** An on-time submission arrived after the chain fired: whoever was told is told it was withdrawn. */
    CHAIN_WITHDRAWN,
    /**
     * The request was withdrawn (by CNCS, or by the account's baja): queued only if its first notice
     * really left, to the account's administrators as the registry is when it leaves.
     */
    REQUEST_WITHDRAWN,
    /** To CNCS: an account has no administrator, so its request cannot be notified and its term does not run. */
    NO_ADMINISTRATOR_ALERT,
    /** To CNCS: nobody up the area tree has a head, so an escalation cannot be notified. */
    NO_HEAD_ALERT,
    /** To the account's administrators: the evaluation's result (score, rating, sub-scores) and its recommendations. */
    EVALUATION_COMPLETED;

    /** Notices about a request's deadline: a newer one supersedes a queued older one. */
    public boolean aboutTheDeadline() {
        return this == DEADLINE_REMINDER || this == DEADLINE_CHANGED;
    }
}
