package mx.ine.redes.evaluation.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event fired inside the transaction that records a notification as sent, so that a deadline
 * that counts from the notice can be moved if the mail left later than planned.
 */
public record NotificationSent(UUID notificationId, NoticeKind kind, UUID subjectId, Instant sentAt) {
}
