package mx.ine.redes.support.consumer;

/**
 * The application is stopping while a record is still being retried. The record is left
 * unacknowledged (the messaging layer sees a failure and commits nothing past it), so the next
 * instance to own the partition consumes it again.
 */
public class ConsumptionStoppedException extends RuntimeException {

    public ConsumptionStoppedException(String message) {
        super(message);
    }
}
