package mx.ine.redes.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Makes the relay's Kafka producer. A bean of its own so that a test can put in a producer that
 * fails part-way through a batch (an {@code @Alternative} enabled by its test profile).
 */
@ApplicationScoped
public class OutboxProducerFactory {

    public Producer<String, String> create(Map<String, Object> config) {
        return new KafkaProducer<>(config);
    }
}
