package mx.ine.redes.evaluation.timer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable timers (domain.md §3: "deadlines are durable"). Scheduling joins the caller's
 * transaction, so a timer exists exactly when the state that needs it was committed. At most one
 * pending timer exists per {@code (kind, subjectId)}: scheduling again moves it.
 */
public interface Timers {

    void schedule(String kind, UUID subjectId, Instant dueAt);

    /** Cancels the pending timer, if any; a fired timer stays as it was. */
    void cancel(String kind, UUID subjectId);

    /** When the pending timer is due, if there is one. */
    Optional<Instant> pendingDueAt(String kind, UUID subjectId);
}
