package mx.ine.redes.support.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.support.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * A poison record on one of the service's consumers, over the real broker: a producer's record cut in half
 * (as a broken serialiser or a disk-full producer would write it). It is parked in the service's dead-letter
 * store, the consumer goes on with the records behind it on the same partition, and the service stays live
 * and ready. Once the cause is fixed the operator replays it ({@code POST /api/operations/dead-letters/{id}/replay},
 * cncs only) and it is applied exactly once, through the handler that consumes live: a second replay is refused
 * (409) and the same event arriving again from the broker changes nothing.
 *
 * <p>The fix itself (a version of the consumer that reads the record, or the producer's corrected record) cannot
 * happen inside one test JVM; the test stands for it by storing in the dead letter the record as the fixed
 * version reads it. Everything after that is the service's own code.
 *
 * <p>A service runs it by extending this class in a {@code @QuarkusTest}, naming one of its consumers, its
 * topic and an event that consumer applies (and, if it can, how the effect shows).
 */
public abstract class PoisonRecordContract {

    private static final int PARTITIONS = 3;
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = "/api/operations/dead-letters";

    /** The consumer's name, as its dead letters and inbox rows carry it. */
    protected abstract String consumer();

    /** The topic it consumes. */
    protected abstract String topic();

    /** A new event of that topic that the consumer applies (any setup it needs is done here). */
    protected abstract DomainEvent event();

    /** Checks the event's effect, as the service shows it; by default only the inbox row is checked. */
    protected void assertApplied(DomainEvent event) {
    }

    @Test
    void shouldParkAPoisonRecordGoOnStayReadyAndApplyItOnceWhenReplayedAfterTheFix() {
        EventEnvelope envelope = EventEnvelope.wrap(event(), java.time.Instant.now(), UUID.randomUUID().toString(), 1);
        String whole = EventJson.write(envelope);
        String key = envelope.aggregateId();
        KafkaTestClient.send(topic(), key, whole.substring(0, whole.length() / 2));
        UUID behind = sendMarkerBehind(key);

        await().atMost(WITHIN).until(() -> applications(behind) == 1);
        Map<String, Object> parked = await().atMost(WITHIN)
                .until(() -> RegistryProjectionContract.deadLetterWithKey(key), Optional::isPresent).orElseThrow();
        assertThat(parked.get("consumer")).isEqualTo(consumer());
        assertThat(parked.get("topic")).isEqualTo(topic());
        assertThat((String) parked.get("error")).contains("Unreadable event");
        assertThat(applications(envelope.eventId())).as("nothing of the cut record applied").isZero();
        assertLiveAndReady();

        storeAsTheFixedVersionReadsIt(((Number) parked.get("id")).longValue(), whole);
        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).post(DEAD_LETTERS + "/" + parked.get("id") + "/replay")
                .then().statusCode(200)
                .body("replayedAt", notNullValue())
                .body("lastReplayError", nullValue());
        assertThat(applications(envelope.eventId())).as("applied by the replay").isEqualTo(1);
        assertApplied(envelope.payload());

        given().auth().oauth2(TestTokens.forRole(Roles.CNCS)).post(DEAD_LETTERS + "/" + parked.get("id") + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ya fue reprocesado"));
        KafkaTestClient.send(topic(), key, whole);
        UUID afterRedelivery = sendMarkerBehind(key);
        await().atMost(WITHIN).until(() -> applications(afterRedelivery) == 1);
        assertThat(applications(envelope.eventId())).as("the same event from the broker again: still once").isEqualTo(1);
        assertApplied(envelope.payload());
        assertLiveAndReady();
    }

    private static void assertLiveAndReady() {
        given().get(ManagementInterface.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * A record of a type this version does not know, on the same partition as {@code key}: the consumer records it
     * as seen and changes nothing else, so once it is recorded everything before it on the partition was consumed.
     */
    private UUID sendMarkerBehind(String key) {
        UUID eventId = UUID.randomUUID();
        String markerKey = KafkaTestClient.keyOnSamePartitionAs(key, PARTITIONS);
        KafkaTestClient.send(topic(), markerKey, "{\"eventId\":\"" + eventId + "\",\"type\":\"MarcadorDePrueba\","
                + "\"occurredAt\":\"2026-11-20T17:00:00Z\",\"aggregateId\":\"" + markerKey + "\",\"schemaVersion\":1,\"payload\":{}}");
        return eventId;
    }

    /** How many times this consumer recorded the event as applied (its inbox row commits with the effect). */
    private long applications(UUID eventId) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where event_id = :id and consumer = :consumer")
                .setParameter("id", eventId).setParameter("consumer", consumer()).getSingleResult()).longValue());
    }

    private static void storeAsTheFixedVersionReadsIt(long deadLetterId, String record) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> assertThat(entityManager
                .createNativeQuery("update dead_letter set record_value = :record where id = :id")
                .setParameter("record", record).setParameter("id", deadLetterId).executeUpdate()).isEqualTo(1));
    }
}
