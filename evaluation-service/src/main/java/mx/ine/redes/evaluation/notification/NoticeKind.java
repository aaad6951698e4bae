package mx.ine.redes.evaluation.notification;

/** The notices of a request's life (domain.md §3, Art. 15). */
public enum NoticeKind {
    REQUEST_ISSUED,
    DEADLINE_REMINDER,
    REQUEST_OVERDUE,
    ESCALATED_TO_AREA_HEAD,
    /** A calendar change moved an open request's deadline. */
    DEADLINE_CHANGED
}
