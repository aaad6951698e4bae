package mx.ine.redes.evaluation.calendar;

/**
 * The named rules of domain.md §3. Each deadline says which ones it applied; the service README
 * explains each.
 */
public final class DeadlinePolicy {

    /** An act outside business hours or on a non-business day takes effect at the next opening (09:00). */
    public static final String EFFECT_AT_NEXT_OPENING = "EFFECT_AT_NEXT_OPENING";
    /** Counting starts on the business day after the day the act takes effect. */
    public static final String COUNT_FROM_NEXT_BUSINESS_DAY = "COUNT_FROM_NEXT_BUSINESS_DAY";
    /** The deadline is the close (18:00) of the N-th counted day; 23:59:59 if that day is in an electoral process. */
    public static final String DUE_AT_CLOSE_OF_LAST_DAY = "DUE_AT_CLOSE_OF_LAST_DAY";
    /** Semester requests: 18:00 of the 10th business day of January/July, never fewer than 10 business days after effect. */
    public static final String SUBMISSION_WINDOW = "SUBMISSION_WINDOW_TENTH_BUSINESS_DAY_MIN_TEN";

    /** Art. 13: CNCS evaluates within 10 business days of receiving a submission. */
    public static final int EVALUATION_TERM_BUSINESS_DAYS = 10;
    /** Art. 14: an observation is corrected within 2 business days. */
    public static final int OBSERVATION_TERM_BUSINESS_DAYS = 2;
    /** The submission window is the first ten business days of the month. */
    public static final int SUBMISSION_WINDOW_BUSINESS_DAYS = 10;

    private DeadlinePolicy() {
    }
}
