package mx.ine.redes.evaluation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import mx.ine.redes.evaluation.timer.TimerHandler;

/**
 * CNCS's term (Art. 13) as a durable timer: it wakes {@link EvaluationCaseService}, which decides
 * under the case's lock whether the case is late; it runs in the timer's transaction, so it happens once.
 */
@ApplicationScoped
class EvaluationTermHandler implements TimerHandler {

    @Inject
    EvaluationCaseService cases;

    @Override
    public String kind() {
        return EvaluationTimers.TERM;
    }

    @Override
    public void fire(UUID subjectId, Instant dueAt, Instant firedAt) {
        cases.termPassed(subjectId, firedAt);
    }
}
