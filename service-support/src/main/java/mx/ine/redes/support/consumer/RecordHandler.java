package mx.ine.redes.support.consumer;

/**
 * One consumer of one topic, as {@link EventConsumption} and the dead-letter replay see it. A
 * service's {@code @Incoming} bean implements it, so that a parked record can be replayed through
 * exactly the code that consumes it live.
 */
public interface RecordHandler {

    /** Unique within the service; names the consumer's dead letters and its metrics. */
    String consumerName();

    /**
     * Decodes one record and applies it once (through the inbox) in the caller's transaction.
     *
     * @throws mx.ine.redes.events.MalformedEventException if the record cannot be decoded
     */
    void apply(String record);
}
