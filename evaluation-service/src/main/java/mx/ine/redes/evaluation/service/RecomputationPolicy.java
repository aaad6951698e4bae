package mx.ine.redes.evaluation.service;

import java.time.Instant;

/**
 * The named rules by which a request's and an observation's terms start and move (domain.md §3, Art. 7 III, Art. 12,
 * Art. 15); a request's {@code policy} lists those applied, and the README explains each.
 */
public final class RecomputationPolicy {

    /**
     * A term runs only from the notice that really left: the request's deadline is computed from the
     * instant its notice to the administrators was sent, the head's term from the head's notice.
     * Until then the deadline shown is provisional, and no timer runs.
     */
    public static final String TERM_RUNS_FROM_THE_NOTICE_SENT = "TERM_RUNS_FROM_THE_NOTICE_SENT";
    /** A deadline already told to someone never moves earlier than what they were told; it may move later. */
    public static final String NOTIFIED_DEADLINE_NEVER_EARLIER = "NOTIFIED_DEADLINE_NEVER_EARLIER";
    /** A recomputation that would put a deadline at or before now leaves it where it was. */
    public static final String NEVER_INTO_THE_PAST = "NEVER_INTO_THE_PAST";
    /** Before its notice left, a provisional deadline follows the calendar freely. */
    public static final String PROVISIONAL_FOLLOWS_THE_CALENDAR = "PROVISIONAL_FOLLOWS_THE_CALENDAR";
    /** Art. 12: the day CNCS set (18:00; 23:59:59 inside an electoral process). */
    public static final String AD_HOC_DUE_DATE = "AD_HOC_DUE_DATE (Art. 12)";
    /** An ad hoc notice that takes effect only after the day set runs at least one business day from its effect. */
    public static final String AD_HOC_AT_LEAST_ONE_BUSINESS_DAY = "AD_HOC_AT_LEAST_ONE_BUSINESS_DAY";

    /**
     * {@link #NOTIFIED_DEADLINE_NEVER_EARLIER} and {@link #NEVER_INTO_THE_PAST}, for every term that
     * was told to someone (a request's, an observation's, a head's): the recomputed instant, held at
     * what was told, and left where it was if it would land in the past.
     */
    public static Instant certain(Instant computed, Instant current, Instant notified,
                                            Instant now) {
        Instant target = notified != null && computed.isBefore(notified) ? notified : computed;
        if (!target.equals(current) && !target.isAfter(now)) {
            return current;
        }
        return target;
    }

    private RecomputationPolicy() {
    }

    /** The later of two instants, either of which may be absent (a deadline told, one computed). */
    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
