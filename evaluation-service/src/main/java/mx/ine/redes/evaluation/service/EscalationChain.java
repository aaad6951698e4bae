package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import mx.ine.redes.evaluation.timer.TimerHandler;

/**
 * The timers of a request's Art. 15 chain: each one wakes {@link RequestService}, which decides
 * under the request's lock what, if anything, is due — reminded before the deadline, overdue and
 * escalated to the head of the area after it, reported to the Committee when the head's term ends.
 * Each step runs in the transaction of its timer, so it happens once.
 */
final class EscalationChain {

    private EscalationChain() {
    }

    @ApplicationScoped
    static class Reminder implements TimerHandler {
        @Inject
        RequestService requests;

        @Override
        public String kind() {
            return RequestTimers.REMINDER;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            requests.remind(subjectId, firedAt);
        }
    }

    @ApplicationScoped
    static class Due implements TimerHandler {
        @Inject
        RequestService requests;

        @Override
        public String kind() {
            return RequestTimers.DUE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            requests.overdue(subjectId, firedAt);
        }
    }

    @ApplicationScoped
    static class Committee implements TimerHandler {
        @Inject
        RequestService requests;

        @Override
        public String kind() {
            return RequestTimers.COMMITTEE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            requests.reportToCommittee(subjectId, firedAt);
        }
    }
}
