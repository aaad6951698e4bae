package mx.ine.redes.evaluation.service;

/** The timer kinds of an evaluation case's life (Art. 13). */
public final class EvaluationTimers {

    /** CNCS's own term of 10 business days from the first receipt: a case still open then is late. */
    public static final String TERM = "EVALUATION_TERM";

    private EvaluationTimers() {
    }
}
