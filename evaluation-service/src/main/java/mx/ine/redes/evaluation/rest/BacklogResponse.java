package mx.ine.redes.evaluation.rest;

import java.time.Instant;
import java.util.List;

/**
 * The evaluation backlog as of {@code asOf}: {@code dueWithinLimit} is the close of the
 * {@code withinBusinessDays}-th business day from now, the end of "due soon".
 */
public record BacklogResponse(Instant asOf, int withinBusinessDays, Instant dueWithinLimit, Counts total, List<Level> levels) {

    /**
     * {@code open}: not completed; {@code dueWithin}: open, term not passed, due by {@code dueWithinLimit};
     * {@code pastTerm}: open and past its term; {@code completedLate}: completed after the term passed.
     */
    public record Counts(long open, long dueWithin, long pastTerm, long completedLate) {
    }

    /** One area level (DISTRICT, LOCAL, CENTRAL…). */
    public record Level(String level, Counts counts) {
    }
}
