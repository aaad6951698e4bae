package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What Kafka may really do to the reporting consumers: deliver an event more than once (a consumer that
 * crashed before committing its offset reads again from the last commit) and interleave keys in any order
 * (only the order within a key, i.e. within an aggregate's partition, is guaranteed). The
 * {@link MultiYearWorld} is published in order and its reports rendered; then the read model and its inbox
 * rows for those events are emptied, and every event is delivered again through the broker, each key's
 * history twice over (the second pass as a rewound partition would bring it), the keys interleaved by a
 * seeded shuffle. The reports must come out byte for byte the same.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShuffledRedeliveryTest {

    /** Fixed, so that a failure replays the same interleaving; printed by the assertion messages. */
    private static final long SEED = 20261201L;
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final List<String> REPORTS = List.of(
            "/api/reports/semiannual/" + MultiYearWorld.S1_2034,
            "/api/reports/semiannual/" + MultiYearWorld.S2_2034,
            "/api/reports/semiannual/" + MultiYearWorld.S1_2035,
            "/api/reports/annual/2034");
    private static final List<String> FORMATS = List.of("json", "pdf");

    final Map<String, byte[]> inOrder = new LinkedHashMap<>();
    final Map<String, byte[]> redelivered = new LinkedHashMap<>();
    MultiYearWorld world;
    int deliveries;
    long emptiedInbox;

    boolean delivered;

    // Not @BeforeAll: RestAssured knows the test port only once the first test begins.
    @BeforeEach
    void publishInOrderThenRedeliverShuffledAndTwice() throws Exception {
        if (delivered) {
            return;
        }
        delivered = true;
        world = new MultiYearWorld().build();
        renderInto(inOrder);

        List<EventEnvelope> events = world.world.published();
        ReportWorld.clearReadModel();
        forget(events);
        emptiedInbox = appliedCount(events);

        List<Delivery> shuffled = shuffledTwice(events, new Random(SEED));
        deliveries = shuffled.size();
        try (KafkaProducer<String, String> producer = producer()) {
            for (Delivery delivery : shuffled) {
                producer.send(new ProducerRecord<>(delivery.topic(), delivery.envelope().aggregateId(),
                        EventJson.write(delivery.envelope())));
            }
            producer.flush();
            awaitConsumedBehind(producer);
        }
        renderInto(redelivered);
    }

    @Test
    void shouldRenderTheSameReportsByteForByteAfterEveryEventCameTwiceAndShuffledAcrossKeys() {
        assertThat(emptiedInbox).as("the read model started empty: no event of the world recorded as applied").isZero();
        assertThat(deliveries).isEqualTo(2 * world.world.published().size());
        for (String report : inOrder.keySet()) {
            assertThat(redelivered.get(report)).as(report + " (seed " + SEED + ")").isEqualTo(inOrder.get(report));
        }
    }

    @Test
    void shouldStillShowTheWorldAsPublishedAfterTheRedelivery() {
        // From MultiYearWorld's table: 2034-S1 asked a1–a5, all five reported and were evaluated; in 2034-S2
        // a5's request was withdrawn (four asked), a4 did not report (three), three evaluated.
        JsonPath first = json("/api/reports/semiannual/" + MultiYearWorld.S1_2034);
        assertThat(first.getInt("statistics.accountsRequested")).isEqualTo(5);
        assertThat(first.getInt("statistics.accountsReporting")).isEqualTo(5);
        assertThat(first.getInt("evaluation.completed")).isEqualTo(5);
        JsonPath second = json("/api/reports/semiannual/" + MultiYearWorld.S2_2034);
        assertThat(second.getInt("statistics.accountsRequested")).isEqualTo(4);
        assertThat(second.getInt("statistics.accountsReporting")).isEqualTo(3);
        assertThat(second.getInt("evaluation.completed")).isEqualTo(3);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private record Delivery(String topic, EventEnvelope envelope) {
    }

    /**
     * Each key's events in their published order, followed by the same events again (a partition rewound to
     * an earlier commit); the keys drawn at random, so that their records interleave in another order than
     * they were published.
     */
    static List<Delivery> shuffledTwice(List<EventEnvelope> events, Random random) {
        Map<String, Deque<Delivery>> byKey = new LinkedHashMap<>();
        for (EventEnvelope envelope : events) {
            String topic = envelope.payload().type().topic();
            byKey.computeIfAbsent(topic + "/" + envelope.aggregateId(), key -> new ArrayDeque<>())
                    .add(new Delivery(topic, envelope));
        }
        byKey.values().forEach(queue -> queue.addAll(List.copyOf(queue)));
        List<Deque<Delivery>> pending = new ArrayList<>(byKey.values());
        List<Delivery> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            int pick = random.nextInt(pending.size());
            order.add(pending.get(pick).poll());
            if (pending.get(pick).isEmpty()) {
                pending.remove(pick);
            }
        }
        return order;
    }

    /** Deletes the inbox rows of these events, so that the emptied read model takes them as new. */
    private static void forget(List<EventEnvelope> events) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from processed_event where event_id in (:ids)")
                .setParameter("ids", events.stream().map(EventEnvelope::eventId).toList()).executeUpdate());
    }

    private static long appliedCount(List<EventEnvelope> events) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where event_id in (:ids)")
                .setParameter("ids", events.stream().map(EventEnvelope::eventId).toList()).getSingleResult()).longValue());
    }

    /**
     * Behind everything sent, on every partition of the three topics, a record of a type this version does not
     * know: the consumers record it as seen and change nothing else. Once all of them are recorded, every
     * delivery before them on their partitions has been consumed.
     */
    private static void awaitConsumedBehind(KafkaProducer<String, String> producer) throws Exception {
        List<UUID> markers = new ArrayList<>();
        for (String topic : List.of(Topics.ACCOUNTS, Topics.EVALUATION, Topics.SUBMISSIONS)) {
            int partitions = producer.partitionsFor(topic).size();
            for (int partition = 0; partition < partitions; partition++) {
                UUID eventId = UUID.randomUUID();
                markers.add(eventId);
                String aggregateId = "marcador-" + eventId;
                producer.send(new ProducerRecord<>(topic, partition, aggregateId, "{\"eventId\":\"" + eventId
                        + "\",\"type\":\"MarcadorDePrueba\",\"occurredAt\":\"2034-01-01T00:00:00Z\",\"aggregateId\":\""
                        + aggregateId + "\",\"schemaVersion\":1,\"payload\":{}}")).get(30, TimeUnit.SECONDS);
            }
        }
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(distinct event_id) from processed_event where event_id in (:ids)")
                        .setParameter("ids", markers).getSingleResult()).longValue()) == markers.size());
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private void renderInto(Map<String, byte[]> rendered) {
        for (String report : REPORTS) {
            for (String format : FORMATS) {
                rendered.put(report + "?format=" + format, given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                        .queryParam("format", format).get(report).then().statusCode(200).extract().asByteArray());
            }
        }
    }

    private JsonPath json(String report) {
        return JsonPath.from(new String(redelivered.get(report + "?format=json"), StandardCharsets.UTF_8));
    }
}
