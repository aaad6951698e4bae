package mx.ine.redes.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mx.ine.redes.support.outbox.OutboxProducerFactory;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The relay's real producer, which can be told to lose the broker part-way through one key's
 * records: the first {@code k} sends of that key go to the broker, every later one fails as a
 * send does when the broker went away, until {@link #heal}. Enabled only by {@link SmallBatches}.
 */
@Alternative
@ApplicationScoped
public class ScriptedProducerFactory extends OutboxProducerFactory {

    /** Sends still allowed per armed key; absent keys pass through. */
    private final Map<String, AtomicInteger> allowed = new ConcurrentHashMap<>();

    public void failAfter(String key, int sends) {
        allowed.put(key, new AtomicInteger(sends));
    }

    public void heal(String key) {
        allowed.remove(key);
    }

    @Override
    public Producer<String, String> create(Map<String, Object> config) {
        return new KafkaProducer<>(config) {
            @Override
            public Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
                AtomicInteger left = record.key() == null ? null : allowed.get(record.key());
                if (left != null && left.getAndDecrement() <= 0) {
                    TimeoutException lost = new TimeoutException("scripted: broker lost after the allowed sends");
                    if (callback != null) {
                        callback.onCompletion(null, lost);
                    }
                    return CompletableFuture.failedFuture(lost);
                }
                return super.send(record, callback);
            }
        };
    }
}
