package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.RegistryFixtures.accountBody;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import mx.ine.redes.events.AccountFlaggedDormant;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.outbox.EventPublisher;
import mx.ine.redes.support.outbox.OutboxRelay;
import mx.ine.redes.support.testing.BrokerOutage;
import mx.ine.redes.support.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import mx.ine.redes.support.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OutboxDeliveryTest {

    @Inject
    EventPublisher publisher;

    @Inject
    OutboxRelay relay;

    @Test
    void shouldDeliverExactlyOnceAcrossBrokerOutage() {
        String areaCode = registerArea();
        BrokerOutage.stopBroker();
        String id;
        try {
            id = given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                    .body(accountBody(areaCode, unique("caida")))
                    .post("/api/accounts")
                    .then().statusCode(201)
                    .extract().path("id");
            assertThat(unpublishedFor(id)).as("event waits in the outbox while the broker is down").isEqualTo(1);
        } finally {
            BrokerOutage.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(unpublishedFor(id)).isZero());
        List<EventEnvelope> delivered = KafkaTestClient.eventsFor(Topics.ACCOUNTS, id);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.getFirst().type()).isEqualTo("AccountRegistered");
    }

    @Test
    void shouldKeepPerKeyOrderAndNeverPublishTwiceWithConcurrentRelays() throws Exception {
        UUID accountId = UUID.randomUUID();
        int events = 300;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int day = 0; day < events; day++) {
                publisher.publish(new AccountFlaggedDormant(accountId, "JDE-PRUEBA",
                        LocalDate.of(2020, 1, 1).plusDays(day), 400 + day, false));
            }
        });

        ExecutorService relays = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(relays.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        relay.publishBatch();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            relays.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unpublishedFor(accountId.toString())).isZero());
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(Topics.ACCOUNTS).stream()
                .filter(record -> accountId.toString().equals(record.key()))
                .toList();
        Map<UUID, Long> copies = records.stream()
                .collect(Collectors.groupingBy(record -> EventJson.read(record.value()).eventId(), Collectors.counting()));
        assertThat(copies).hasSize(events);
        assertThat(Set.copyOf(copies.values())).containsExactly(1L);
        List<Long> days = records.stream()
                .map(record -> ((AccountFlaggedDormant) EventJson.read(record.value()).payload()).daysWithoutPublication())
                .toList();
        assertThat(days).isSorted();
    }

    @Test
    void shouldWriteNoEventWhenTheStateChangeRollsBack() {
        UUID accountId = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                publisher.publish(new AccountFlaggedDormant(accountId, "JDE-PRUEBA", LocalDate.of(2024, 1, 1), 500, false));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(rowsFor(accountId.toString())).isZero();
    }

    static long unpublishedFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Account.getEntityManager()
                .createQuery("select count(o) from OutboxMessage o where o.messageKey = :key and o.publishedAt is null")
                .setParameter("key", key).getSingleResult());
    }

    static long rowsFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Account.getEntityManager()
                .createQuery("select count(o) from OutboxMessage o where o.messageKey = :key")
                .setParameter("key", key).getSingleResult());
    }

}
