package mx.ine.redes.events;

import java.util.List;

/**
 * Kafka topic names, one per producing service. There are no dead-letter topics: a consumer parks
 * a record it cannot decode in its own database (service-support {@code DeadLetterStore}).
 */
public final class Topics {

    public static final String ACCOUNTS = "ine.accounts.events";
    public static final String EVALUATION = "ine.evaluation.events";
    public static final String SUBMISSIONS = "ine.submissions.events";

    public static final List<String> ALL = List.of(ACCOUNTS, EVALUATION, SUBMISSIONS);

    private Topics() {
    }
}
