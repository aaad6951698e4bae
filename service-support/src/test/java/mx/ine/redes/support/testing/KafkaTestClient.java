package mx.ine.redes.support.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the test broker's topics directly, as another service would. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    public static String bootstrapServers() {
        return JvmWide.get(JvmWide.KAFKA_BOOTSTRAP);
    }

    /** The last sequence this test JVM gave each aggregate, as a producer's outbox would. */
    private static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();

    /**
     * Publishes an event as its producing service would (envelope, key = aggregate id, the
     * aggregate's next sequence number).
     */
    public static EventEnvelope publish(DomainEvent event) {
        long sequence = SEQUENCES.computeIfAbsent(event.aggregateId(), id -> new AtomicLong()).incrementAndGet();
        return publish(event, sequence);
    }

    /** Publishes with the given sequence: for tests of late (older) and repeated events. */
    public static EventEnvelope publish(DomainEvent event, long sequence) {
        SEQUENCES.computeIfAbsent(event.aggregateId(), id -> new AtomicLong()).accumulateAndGet(sequence, Math::max);
        EventEnvelope envelope = EventEnvelope.wrap(event, java.time.Instant.now(), UUID.randomUUID().toString(), sequence);
        send(event.type().topic(), envelope.aggregateId(), EventJson.write(envelope));
        return envelope;
    }

    public static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /**
     * A fresh key that the default partitioner puts on the same partition as {@code key}, so that a
     * test can tell when an earlier record of that partition has certainly been consumed.
     */
    public static String keyOnSamePartitionAs(String key, int partitions) {
        int target = partitionOf(key, partitions);
        while (true) {
            String candidate = UUID.randomUUID().toString();
            if (partitionOf(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key, int partitions) {
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes)) % partitions;
    }

    /** Every record on the topic, from the beginning up to its current end. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (!consumer.assignment().isEmpty() && endReached(consumer)) {
                    return records;
                }
            }
        }
        throw new IllegalStateException("Could not read topic " + topic + " to its end");
    }

    private static boolean endReached(KafkaConsumer<String, String> consumer) {
        var ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    /** The envelopes on the topic keyed by the given aggregate id, in topic order. */
    public static List<EventEnvelope> eventsFor(String topic, String aggregateId) {
        return readAll(topic).stream()
                .filter(record -> aggregateId.equals(record.key()))
                .map(record -> EventJson.read(record.value()))
                .toList();
    }
}
