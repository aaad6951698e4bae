package mx.ine.redes.evaluation.notification;

import java.util.List;
import java.util.UUID;

/**
 * E-mail notifications in Spanish. Queuing joins the caller's transaction; the mail goes out in
 * business time (or at once during an electoral process), to whoever the notice's audience is when
 * it leaves. The instant it really left is recorded, because terms run from it.
 */
public interface Notifier {

    /** Queues the notice; a notice about a deadline supersedes queued older ones of its kind. Returns its id. */
    UUID enqueue(Notice notice);

    /**
     * Queues the first notice of a subject created in this transaction: nothing of it can be queued
     * yet, so nothing is looked up to supersede (bulk issuing: no query, no flush per notice).
     */
    UUID enqueueFirst(Notice notice);

    /** Cancels the subject's queued or held notices of these kinds; returns how many. */
    int cancelQueued(UUID subjectId, List<NoticeKind> kinds, String reason);
}
