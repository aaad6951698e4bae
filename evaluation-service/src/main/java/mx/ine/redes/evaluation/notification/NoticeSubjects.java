package mx.ine.redes.evaluation.notification;

import java.time.Instant;
import java.util.Map;
import mx.ine.redes.evaluation.Notification;

/**
 * What the subject of a notice (a request, an observation) says about it around the moment it leaves. The sender
 * calls {@link #beforeSending} in the short transaction that claims the notice, under the
 * subject's lock, and {@link #afterSent} after the mail left, in a transaction of its own: a
 * failure there is retried without sending the mail again.
 */
public interface NoticeSubjects {

    /** Whether this subject decides notices of {@code kind} (each kind has exactly one). */
    boolean handles(NoticeKind kind);

    /** The values to send with (fresh from the subject), or a reason not to send at all. */
    Decision beforeSending(Notification notification, Instant now);

    /** Nobody to tell (no administrator, no head): the subject waits, flagged, and CNCS is alerted. */
    void nobodyToTell(Notification notification, Instant now);

    /** The notice left at {@code notification.sentAt}: terms that run from it start now. */
    void afterSent(Notification notification);

    /** Send with these values, cancel with a reason, or (with {@code retryAt}) decide again then. */
    record Decision(boolean send, Map<String, String> values, String cancelledReason, Instant retryAt) {

        public static Decision send(Map<String, String> values) {
            return new Decision(true, values, null, null);
        }

        public static Decision cancel(String reason) {
            return new Decision(false, Map.of(), reason, null);
        }

        /** Not yet decidable (something it depends on is still leaving): queued again until {@code at}. */
        public static Decision later(Instant at) {
            return new Decision(false, Map.of(), null, at);
        }
    }
}
