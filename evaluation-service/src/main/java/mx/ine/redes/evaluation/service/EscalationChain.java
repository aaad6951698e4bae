package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.evaluation.SubmissionRequest;
import mx.ine.redes.evaluation.config.RequestsConfig;
import mx.ine.redes.evaluation.notification.NoticeKind;
import mx.ine.redes.evaluation.notification.Notifier;
import mx.ine.redes.evaluation.timer.TimerHandler;
import mx.ine.redes.evaluation.timer.Timers;
import mx.ine.redes.events.EscalatedToAreaHead;
import mx.ine.redes.events.ReportedToCommittee;
import mx.ine.redes.events.SubmissionOverdue;
import mx.ine.redes.support.outbox.EventPublisher;

/**
 * Art. 15 for a request not attended: reminded before the deadline, overdue and escalated to the
 * head of the area at the deadline, reported to the Committee if still not attended when the
 * head's period ends. Each step runs in the transaction of its timer, so it happens once.
 */
@ApplicationScoped
public class EscalationChain {

    @Inject
    RequestService requests;

    @Inject
    CalendarService calendar;

    @Inject
    Timers timers;

    @Inject
    Notifier notifier;

    @Inject
    EventPublisher events;

    @Inject
    RequestsConfig config;

    void remind(UUID requestId) {
        find(requestId).filter(request -> request.status == SubmissionRequest.Status.OPEN)
                .filter(request -> !request.administratorEmails.isEmpty())
                .ifPresent(request -> notifier.enqueue(requests.notice(NoticeKind.DEADLINE_REMINDER, request,
                        request.administratorEmails, Map.of())));
    }

    void overdue(UUID requestId, Instant firedAt) {
        Optional<SubmissionRequest> found = find(requestId).filter(request -> request.status == SubmissionRequest.Status.OPEN);
        if (found.isEmpty()) {
            return;
        }
        SubmissionRequest request = found.get();
        request.status = SubmissionRequest.Status.OVERDUE;
        events.publish(new SubmissionOverdue(request.id, request.accountId, request.cycleId, request.areaCode, request.dueAt));
        if (!request.administratorEmails.isEmpty()) {
            notifier.enqueue(requests.notice(NoticeKind.REQUEST_OVERDUE, request, request.administratorEmails, Map.of()));
        }
        request.status = SubmissionRequest.Status.ESCALATED;
        request.escalatedAt = firedAt;
        request.attendBy = calendar.afterBusinessDays(firedAt, config.escalationBusinessDays()).dueAt();
        events.publish(new EscalatedToAreaHead(request.id, "REQUEST", request.accountId, request.cycleId, request.areaCode,
                request.headEmail, request.escalatedAt, request.attendBy));
        if (request.headEmail != null) {
            notifier.enqueue(requests.notice(NoticeKind.ESCALATED_TO_AREA_HEAD, request, List.of(request.headEmail), Map.of()));
        }
        timers.schedule(RequestTimers.COMMITTEE, request.id, request.attendBy);
    }

    void reportToCommittee(UUID requestId, Instant firedAt) {
        find(requestId).filter(request -> request.status == SubmissionRequest.Status.ESCALATED).ifPresent(request -> {
            request.status = SubmissionRequest.Status.REPORTED;
            request.reportedAt = firedAt;
            events.publish(new ReportedToCommittee(request.id, "REQUEST", request.accountId, request.cycleId,
                    request.areaCode, firedAt));
        });
    }

    private static Optional<SubmissionRequest> find(UUID requestId) {
        return SubmissionRequest.findByIdOptional(requestId);
    }

    @ApplicationScoped
    static class Reminder implements TimerHandler {
        @Inject
        EscalationChain chain;

        @Override
        public String kind() {
            return RequestTimers.REMINDER;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            chain.remind(subjectId);
        }
    }

    @ApplicationScoped
    static class Due implements TimerHandler {
        @Inject
        EscalationChain chain;

        @Override
        public String kind() {
            return RequestTimers.DUE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            chain.overdue(subjectId, firedAt);
        }
    }

    @ApplicationScoped
    static class Committee implements TimerHandler {
        @Inject
        EscalationChain chain;

        @Override
        public String kind() {
            return RequestTimers.COMMITTEE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            chain.reportToCommittee(subjectId, firedAt);
        }
    }
}
