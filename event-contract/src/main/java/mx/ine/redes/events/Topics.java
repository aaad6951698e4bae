package mx.ine.redes.events;

import java.util.List;

/** Kafka topic names. One topic per producing service; each consumer has its own dead-letter topic. */
public final class Topics {

    public static final String ACCOUNTS = "ine.accounts.events";
    public static final String EVALUATION = "ine.evaluation.events";
    public static final String SUBMISSIONS = "ine.submissions.events";

    public static final List<String> ALL = List.of(ACCOUNTS, EVALUATION, SUBMISSIONS);

    private Topics() {
    }

    /** The topic where a consumer parks the records it cannot process, so consumption goes on. */
    public static String deadLetter(String topic, String consumerService) {
        return topic + ".dlq." + consumerService;
    }
}
