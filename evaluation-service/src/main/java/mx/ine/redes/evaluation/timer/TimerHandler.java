package mx.ine.redes.evaluation.timer;

import java.time.Instant;
import java.util.UUID;

/**
 * The effect of a timer of one kind. The engine calls {@link #fire} inside the transaction that
 * marks the timer fired, so the effect (database rows, outbox events) commits exactly once with
 * it; throwing rolls both back and the timer is tried again later.
 */
public interface TimerHandler {

    String kind();

    void fire(UUID subjectId, Instant dueAt, Instant firedAt);
}
