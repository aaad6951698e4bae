package mx.ine.redes.evaluation.notification;

import java.util.UUID;

/**
 * E-mail notifications in Spanish. Queuing joins the caller's transaction; the mail goes out at
 * once in business time (or during an electoral process), otherwise at the next business time.
 * The instant it was actually sent is recorded and announced as {@link NotificationSent},
 * because deadlines count from it.
 */
public interface Notifier {

    /** Queues the notice; returns the notification's id. */
    UUID enqueue(Notice notice);
}
