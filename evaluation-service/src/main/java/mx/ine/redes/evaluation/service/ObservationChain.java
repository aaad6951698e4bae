package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import mx.ine.redes.evaluation.timer.TimerHandler;

/**
 * The timers of an observation's Art. 15 chain, as {@link EscalationChain} for requests: each
 * wakes {@link ObservationService}, which decides under the observation's lock what is due.
 */
final class ObservationChain {

    private ObservationChain() {
    }

    @ApplicationScoped
    static class Due implements TimerHandler {
        @Inject
        ObservationService observations;

        @Override
        public String kind() {
            return ObservationTimers.DUE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            observations.overdue(subjectId, firedAt);
        }
    }

    @ApplicationScoped
    static class Committee implements TimerHandler {
        @Inject
        ObservationService observations;

        @Override
        public String kind() {
            return ObservationTimers.COMMITTEE;
        }

        @Override
        public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
            observations.reportToCommittee(subjectId, firedAt);
        }
    }
}
