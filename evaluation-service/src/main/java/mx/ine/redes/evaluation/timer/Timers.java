package mx.ine.redes.evaluation.timer;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable timers (domain.md §3: "deadlines are durable"). Scheduling joins the caller's
 * transaction, so a timer exists exactly when the state that needs it was committed. A timer is a
 * wake-up: its handler decides what to do from its subject's state, under the subject's lock, so a
 * timer made stale by a later change does nothing. Scheduling and cancelling never wait for a sweep
 * that is firing the same timer: the one being fired finishes, finds the new state, and does nothing.
 */
public interface Timers {

    /** Replaces the subject's pending timer of this kind with one due at {@code dueAt}. */
    void schedule(String kind, UUID subjectId, Instant dueAt);

    /** Cancels the pending timer, if any; a fired timer stays as it was. */
    void cancel(String kind, UUID subjectId);

    /** Cancels the subject's pending timers of these kinds, in one statement; fired ones stay as they were. */
    void cancel(Collection<String> kinds, UUID subjectId);

    /** When the subject's pending timer of this kind is due (the latest scheduled), if there is one. */
    Optional<Instant> pendingDueAt(String kind, UUID subjectId);
}
