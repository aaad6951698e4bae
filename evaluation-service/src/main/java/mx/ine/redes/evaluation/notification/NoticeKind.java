package mx.ine.redes.evaluation.notification;

/**
 * The notices of a request's life (domain.md §3, Art. 12, 15), of an observation's (Art. 14, 15)
 * and the alerts to CNCS. Each belongs to one kind of subject, whose {@link NoticeSubjects} decides
 * around its leaving.
 */
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
    /** To the administrators: CNCS observed the submission's figures (Art. 14); the term runs from this notice. */
    OBSERVATION_ISSUED(Subject.OBSERVATION),
    /** An open observation's deadline moved (a calendar change, or its notice left later than assumed). */
    OBSERVATION_DEADLINE_CHANGED(Subject.OBSERVATION),
    /** To the administrators: the observation was not corrected in time. */
    OBSERVATION_OVERDUE(Subject.OBSERVATION),
    /** To the head of the area (Art. 15): instruct its immediate attention; the head's term runs from it. */
    OBSERVATION_ESCALATED(Subject.OBSERVATION),
    /** The head's term of an escalated observation moved with the calendar. */
    OBSERVATION_HEAD_TERM_CHANGED(Subject.OBSERVATION),
    /** An on-time correction arrived after the chain fired: whoever was told is told it was withdrawn. */
    OBSERVATION_CHAIN_WITHDRAWN(Subject.OBSERVATION),
    /** To CNCS: the account has no administrator, so the observation cannot be notified and its term does not run. */
    OBSERVATION_NO_ADMINISTRATOR_ALERT(Subject.OBSERVATION),
    /** To CNCS: nobody up the area tree has a head, so the observation's escalation cannot be notified. */
    OBSERVATION_NO_HEAD_ALERT(Subject.OBSERVATION),
    /** To the account's administrators: the evaluation's result (score, rating, sub-scores) and its recommendations. */
    EVALUATION_COMPLETED(Subject.EVALUATION);

    /** What a notice is about: the one whose {@link NoticeSubjects} it goes to. */
    /** Who decides a notice as it leaves; nobody decides an {@code EVALUATION} notice: it says what was queued. */
    public enum Subject { REQUEST, OBSERVATION, EVALUATION }

    private final Subject subject;

    NoticeKind() {
        this(Subject.REQUEST);
    }

    NoticeKind(Subject subject) {
        this.subject = subject;
    }

    public Subject subject() {
        return subject;
    }

    /** Notices about a deadline: a newer one supersedes a queued older one. */
    public boolean aboutTheDeadline() {
        return this == DEADLINE_REMINDER || this == DEADLINE_CHANGED || this == OBSERVATION_DEADLINE_CHANGED;
    }
}
