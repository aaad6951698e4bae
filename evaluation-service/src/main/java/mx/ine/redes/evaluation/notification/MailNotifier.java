package mx.ine.redes.evaluation.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.evaluation.Notification;
import mx.ine.redes.evaluation.calendar.Deadlines;
import mx.ine.redes.evaluation.config.NotificationsConfig;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

/**
 * Notices by e-mail. Queued in the caller's transaction; a sender sends what is due: at once in
 * business time or during an electoral process, otherwise at the next business time (domain.md
 * §3: an act outside hours takes effect the next business morning, and so is sent then). The
 * instant a mail left is recorded, and announced, in the transaction that marks it sent.
 *
 * <p>SMTP is not transactional: if the process dies after the server accepted a mail and before
 * the commit, the mail is sent again. Both copies carry the same {@code Message-ID} (derived from
 * the notification id), so mail clients show one.
 */
@ApplicationScoped
public class MailNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(MailNotifier.class);

    @Inject
    Clock clock;

    @Inject
    Deadlines deadlines;

    @Inject
    Mailer mailer;

    @Inject
    NotificationsConfig config;

    @Inject
    Event<NotificationSent> sent;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(Notice notice) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.kind = notice.kind().name();
        notification.recipients = notice.recipients();
        notification.subjectId = notice.subjectId();
        notification.accountId = notice.accountId();
        notification.values = notice.values();
        notification.status = "QUEUED";
        notification.queuedAt = clock.instant();
        notification.notBefore = deadlines.nextBusinessTime(notification.queuedAt);
        notification.persist();
        return notification.id;
    }

    @Scheduled(every = "${notifications.poll-interval:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSend() {
        if (!stopping) {
            sendDue();
        }
    }

    private volatile boolean stopping;

    void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Sends every queued notice whose time has come; returns how many left. */
    public int sendDue() {
        int total = 0;
        while (true) {
            Batch batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
            total += batch.sent();
            // Unsent ones were moved to a later time, so a full batch means there may be more due now.
            if (batch.examined() < config.batchSize()) {
                return total;
            }
        }
    }

    private record Batch(int examined, int sent) {
    }

    private Batch sendBatch() {
        Instant now = clock.instant();
        List<Notification> due = Notification.getEntityManager().createQuery(
                        "select n from Notification n where n.status = 'QUEUED' and n.notBefore <= :now order by n.notBefore, n.id",
                        Notification.class)
                .setParameter("now", now)
                .setMaxResults(config.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultList();
        int count = 0;
        for (Notification notification : due) {
            if (!deadlines.isBusinessTime(now)) {
                // The calendar changed since it was queued: wait for business time again.
                notification.notBefore = deadlines.nextBusinessTime(now);
                continue;
            }
            NoticeTemplates.Text text = NoticeTemplates.render(NoticeKind.valueOf(notification.kind), notification.values);
            try {
                Mail mail = new Mail().setTo(notification.recipients).setFrom(config.from())
                        .setSubject(text.subject()).setText(text.body())
                        .addHeader("Message-ID", "<" + notification.id + "@redes.ine.mx>");
                mailer.send(mail);
            } catch (RuntimeException e) {
                notification.attempts++;
                notification.lastError = e.toString();
                Duration backoff = config.retryBackoff().multipliedBy(1L << Math.min(7, notification.attempts - 1));
                notification.notBefore = now.plus(backoff.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : backoff);
                LOG.warnf("Notice %s to %s not sent (attempt %d): %s", notification.id, notification.recipients,
                        notification.attempts, e.toString());
                continue;
            }
            notification.status = "SENT";
            notification.sentAt = clock.instant();
            notification.attempts++;
            sent.fire(new NotificationSent(notification.id, NoticeKind.valueOf(notification.kind),
                    notification.subjectId, notification.sentAt));
            count++;
        }
        return new Batch(due.size(), count);
    }
}
