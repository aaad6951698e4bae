package mx.ine.redes.evaluation.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.evaluation.Notification;
import mx.ine.redes.evaluation.ReviewedAccount;
import mx.ine.redes.evaluation.calendar.Deadlines;
import mx.ine.redes.evaluation.config.CalendarConfig;
import mx.ine.redes.evaluation.config.NotificationsConfig;
import mx.ine.redes.events.AreaLink;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

/**
 * Notices by e-mail, one notification per transaction, and SMTP never talked to inside a
 * transaction that holds locks:
 * <ol>
 * <li>claim: in a short transaction, one due notice is locked ({@code SKIP LOCKED}), its recipients
 * are resolved from the registry as it is now, its subject decides (under its own lock) whether
 * and with which values it still goes, and it is marked {@code SENDING} with a lease;</li>
 * <li>send: the mail goes to the SMTP server, outside any transaction;</li>
 * <li>record: the sent instant is recorded ({@code SENT}) — deadlines count from it;</li>
 * <li>follow up: in a transaction of its own, the subject starts the terms that run from the
 * notice. If that fails it is retried later; the mail is never sent again for it.</li>
 * </ol>
 * Notices leave in business time, or at once during an electoral process (domain.md §3: an act
 * outside hours takes effect the next business morning, and so is sent then).
 *
 * <p>SMTP is not transactional: if the process dies after the server accepted a mail and before it
 * was recorded as sent, the lease runs out and the mail is sent again, with the same
 * {@code Message-ID} (derived from the notification id), so mail clients show one.
 */
@ApplicationScoped
public class MailNotifier implements Notifier {

    private static final Logger LOG = Logger.getLogger(MailNotifier.class);
    private static final Set<String> CHAIN_KINDS = Set.of(NoticeKind.REQUEST_OVERDUE.name(),
            NoticeKind.ESCALATED_TO_AREA_HEAD.name(), NoticeKind.OBSERVATION_OVERDUE.name(),
            NoticeKind.OBSERVATION_ESCALATED.name());

    @Inject
    Clock clock;

    @Inject
    Deadlines deadlines;

    /**
     * The configured Vert.x mail client (quarkus.mailer.*) rather than Quarkus' Mail, which always
     * sends an empty "Cc:" header: a message carries only the headers it has something to say in.
     */
    @Inject
    MailClient mailClient;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    /** The mail client's pool is not thread-safe across event loops: every send runs on this one context. */
    private io.vertx.mutiny.core.Context mailContext;

    @Inject
    NotificationsConfig config;

    @Inject
    CalendarConfig calendarConfig;

    @Inject
    EntityManager entityManager;

    @Inject
    Instance<NoticeSubjects> subjects;

    @Inject
    MeterRegistry meters;

    private volatile boolean stopping;

    @PostConstruct
    void init() {
        mailContext = vertx.getOrCreateContext();
        meters.gauge("notifications_queued", this, notifier -> notifier.count("QUEUED"));
        meters.gauge("notifications_held", this, notifier -> notifier.count("HELD"));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(Notice notice) {
        return queue(notice, notice.kind().aboutTheDeadline());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueueFirst(Notice notice) {
        return queue(notice, false);
    }

    private UUID queue(Notice notice, boolean supersede) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.kind = notice.kind().name();
        notification.audience = notice.audience().name();
        notification.recipients = notice.recipients();
        notification.subjectId = notice.subjectId();
        notification.accountId = notice.accountId();
        notification.values = notice.values();
        notification.status = "QUEUED";
        notification.queuedAt = clock.instant();
        notification.notBefore = deadlines.nextBusinessTime(notification.queuedAt);
        if (supersede) {
            cancelQueued(notice.subjectId(), List.of(notice.kind()), "Sustituida por una notificación posterior del mismo plazo.");
        }
        notification.persist();
        return notification.id;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelQueued(UUID subjectId, List<NoticeKind> kinds, String reason) {
        // SKIP LOCKED: a notice being claimed right now is not waited for (its claim holds the subject's
        // lock after this transaction); its subject then decides afresh whether it still goes.
        return entityManager.createNativeQuery("""
                        update notification set status = 'CANCELLED', cancelled_reason = :reason
                        where id in (select id from notification
                                     where subject_id = :subject and status in ('QUEUED', 'HELD') and kind in (:kinds)
                                     for update skip locked)""")
                .setParameter("reason", reason)
                .setParameter("subject", subjectId)
                .setParameter("kinds", kinds.stream().map(Enum::name).toList())
                .executeUpdate();
    }

    /** Held notices of this account (nobody to tell) are looked at again now: the registry changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recipientsMayHaveChanged(UUID accountId) {
        entityManager.createNativeQuery("""
                        update notification set status = 'QUEUED', not_before = :now
                        where id in (select id from notification where account_id = :account and status = 'HELD'
                                     for update skip locked)""")
                .setParameter("now", clock.instant())
                .setParameter("account", accountId)
                .executeUpdate();
    }

    @Scheduled(every = "${notifications.poll-interval:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSend() {
        if (config.enabled() && !stopping) {
            sendDue();
        }
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Sends every notice whose time has come, and finishes pending follow-ups; returns how many left. */
    public int sendDue() {
        int sent = 0;
        followUps();
        for (int i = 0; i < config.maxPerSweep(); i++) {
            Optional<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claimNext);
            if (claimed.isEmpty()) {
                break;
            }
            if (claimed.get().mail() != null && send(claimed.get())) {
                sent++;
            }
        }
        followUps();
        return sent;
    }

    private record Claimed(UUID id, MailMessage mail) {
    }

    /** One due notice, decided and marked SENDING; an empty result means nothing more is due. */
    private Optional<Claimed> claimNext() {
        Instant now = clock.instant();
        List<Notification> due = entityManager.createQuery("""
                        select n from Notification n
                        where (n.status = 'QUEUED' and n.notBefore <= :now) or (n.status = 'SENDING' and n.leaseUntil < :now)
                        order by n.notBefore, n.id""", Notification.class)
                .setParameter("now", now)
                .setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Notification notification = due.get(0);
        if (!deadlines.isBusinessTime(now)) {
            notification.status = "QUEUED";
            notification.notBefore = deadlines.nextBusinessTime(now);
            return Optional.of(new Claimed(notification.id, null));
        }
        Optional<NoticeSubjects> subject = subjectOf(notification);
        Map<String, String> values = new HashMap<>(notification.values);
        if (subject.isPresent()) {
            NoticeSubjects.Decision decision = subject.get().beforeSending(notification, now);
            if (decision.retryAt() != null) {
                notification.status = "QUEUED";
                notification.notBefore = decision.retryAt();
                return Optional.of(new Claimed(notification.id, null));
            }
            if (!decision.send()) {
                notification.status = "CANCELLED";
                notification.cancelledReason = decision.cancelledReason();
                return Optional.of(new Claimed(notification.id, null));
            }
            values.putAll(decision.values());
        }
        Recipients recipients = recipients(notification);
        if (recipients.deferUntil() != null) {
            notification.status = "QUEUED";
            notification.notBefore = recipients.deferUntil();
            return Optional.of(new Claimed(notification.id, null));
        }
        if (recipients.emails().isEmpty()) {
            if (Audience.valueOf(notification.audience) == Audience.TOLD_OF_CHAIN) {
                notification.status = "CANCELLED";
                notification.cancelledReason = "Nadie había sido notificado de la cadena del artículo 15.";
            } else {
                notification.status = "HELD";
                subject.ifPresent(s -> s.nobodyToTell(notification, now));
            }
            return Optional.of(new Claimed(notification.id, null));
        }
        values.putAll(recipients.values());
        NoticeTemplates.Text text = NoticeTemplates.render(NoticeKind.valueOf(notification.kind), values);
        notification.recipients = recipients.emails();
        notification.cc = recipients.cc();
        notification.values = values;
        notification.subject = text.subject();
        notification.body = text.body();
        notification.status = "SENDING";
        notification.leaseUntil = now.plus(config.sendingLease());
        notification.attempts++;
        MailMessage mail = new MailMessage().setFrom(config.from()).setTo(List.copyOf(notification.recipients))
                .setCc(recipients.cc().isEmpty() ? null : List.copyOf(recipients.cc()))
                .setSubject(text.subject()).setText(text.body())
                .setHeaders(MultiMap.caseInsensitiveMultiMap()
                        .add("Message-ID", "<" + notification.id + "@redes.ine.mx>")
                        // The service clock, not the host's: in the local stack the simulation clock.
                        .add("Date", DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                                .format(ZonedDateTime.ofInstant(now, calendarConfig.zone()))));
        return Optional.of(new Claimed(notification.id, mail));
    }

    private boolean send(Claimed claimed) {
        try {
            io.smallrye.mutiny.Uni.createFrom().<Void>emitter(done -> mailContext.runOnContext(() -> mailClient
                            .sendMail(claimed.mail()).subscribe().with(result -> done.complete(null), done::fail)))
                    .await().atMost(config.smtpTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("Notice %s to %s not sent: %s", claimed.id(), claimed.mail().getTo(), e.toString());
            QuarkusTransaction.requiringNew().run(() -> {
                Notification notification = Notification.findById(claimed.id());
                notification.status = "QUEUED";
                notification.lastError = e.toString();
                Duration backoff = config.retryBackoff().multipliedBy(1L << Math.min(7, Math.max(0, notification.attempts - 1)));
                notification.notBefore = clock.instant().plus(backoff.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : backoff);
            });
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Notification notification = Notification.findById(claimed.id());
            notification.status = "SENT";
            notification.sentAt = clock.instant();
            notification.leaseUntil = null;
            notification.followUpPending = true;
        });
        return true;
    }

    /** Terms that run from notices that left; each in its own transaction, none sends mail. */
    private void followUps() {
        for (int i = 0; i < config.maxPerSweep(); i++) {
            try {
                boolean more = QuarkusTransaction.requiringNew().call(() -> {
                    List<Notification> pending = entityManager.createQuery(
                                    "select n from Notification n where n.followUpPending = true order by n.sentAt, n.id",
                                    Notification.class)
                            .setMaxResults(1)
                            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                            .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                            .getResultList();
                    if (pending.isEmpty()) {
                        return false;
                    }
                    subjectOf(pending.get(0)).ifPresent(s -> s.afterSent(pending.get(0)));
                    pending.get(0).followUpPending = false;
                    return true;
                });
                if (!more) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Follow-up of a sent notice failed; it is retried on the next sweep", e);
                return;
            }
        }
    }

    /** The subject that decides this notice's kind (a request, an observation). */
    private Optional<NoticeSubjects> subjectOf(Notification notification) {
        NoticeKind kind = NoticeKind.valueOf(notification.kind);
        return subjects.stream().filter(s -> s.handles(kind)).findFirst();
    }

    /** Whom a notice goes to as it leaves, and whom it copies ({@code cc}: the area's liaison, Art. 9). */
    private record Recipients(List<String> emails, Map<String, String> values, Instant deferUntil, List<String> cc) {

        Recipients(List<String> emails, Map<String, String> values, Instant deferUntil) {
            this(emails, values, deferUntil, List.of());
        }
    }

    /** The area's liaison copies the notices to the administrators, unless they are one of them or none is named. */
    private static List<String> liaisonCopy(ReviewedAccount account) {
        if (account.liaisonEmail == null || account.liaisonEmail.isBlank()
                || account.administratorEmails.stream().anyMatch(account.liaisonEmail::equalsIgnoreCase)) {
            return List.of();
        }
        return List.of(account.liaisonEmail);
    }

    private Recipients recipients(Notification notification) {
        Audience audience = Audience.valueOf(notification.audience);
        Optional<ReviewedAccount> account = notification.accountId == null ? Optional.empty()
                : ReviewedAccount.findByIdOptional(notification.accountId);
        return switch (audience) {
            case FIXED -> new Recipients(notification.recipients, Map.of(), null);
            case CNCS -> new Recipients(List.of(config.cncsAddress()), Map.of(), null);
            case ADMINISTRATORS -> new Recipients(account.map(a -> List.copyOf(a.administratorEmails)).orElse(List.of()),
                    Map.of(), null, account.map(MailNotifier::liaisonCopy).orElse(List.of()));
            case AREA_HEAD -> account.flatMap(ReviewedAccount::responsibleHead)
                    .map(head -> new Recipients(List.of(head.headEmail()), headValues(account.get(), head), null))
                    .orElseGet(() -> new Recipients(List.of(), Map.of(), null));
            case TOLD_OF_CHAIN -> toldOfChain(notification);
        };
    }

    private static Map<String, String> headValues(ReviewedAccount account, AreaLink head) {
        Map<String, String> values = new HashMap<>();
        values.put("headArea", head.code());
        values.put("headIsOwnArea", String.valueOf(head.code().equals(account.areaCode)));
        return values;
    }

    /** Who really received a notice of the chain; wait while one of them is still leaving. */
    private Recipients toldOfChain(Notification notification) {
        List<Notification> chain = entityManager.createQuery("""
                        select n from Notification n where n.subjectId = :subject and n.kind in :kinds
                        and n.status in ('SENT', 'SENDING')""", Notification.class)
                .setParameter("subject", notification.subjectId)
                .setParameter("kinds", CHAIN_KINDS)
                .getResultList();
        if (chain.stream().anyMatch(n -> n.status.equals("SENDING"))) {
            return new Recipients(List.of(), Map.of(), clock.instant().plus(Duration.ofMinutes(1)));
        }
        Set<String> told = new LinkedHashSet<>();
        chain.forEach(n -> {
            told.addAll(n.recipients);
            told.addAll(n.cc); // a liaison copied on the overdue notice was told too
        });
        return new Recipients(new ArrayList<>(told), Map.of(), null);
    }

    long count(String status) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                    .createNativeQuery("select count(*) from notification where status = :status")
                    .setParameter("status", status).getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
