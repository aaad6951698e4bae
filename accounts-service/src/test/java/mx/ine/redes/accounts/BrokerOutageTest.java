package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;
import static mx.ine.redes.accounts.OutboxDeliveryTest.unpublishedFor;
import static mx.ine.redes.accounts.RegistryFixtures.accountBody;
import static mx.ine.redes.accounts.RegistryFixtures.cncsToken;
import static mx.ine.redes.accounts.RegistryFixtures.registerArea;
import static mx.ine.redes.accounts.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.testing.BrokerOutage;
import mx.ine.redes.support.testing.ManagementInterface;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.time.ShiftableClock;
import org.junit.jupiter.api.Test;

/**
 * The broker stopped while an account is registered. Without a test profile on purpose: the broker
 * was started by the first (profile-less) application's class loader, and can be restarted only
 * while that application runs.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BrokerOutageTest {

    @Inject
    ShiftableClock clock;

    @Test
    void shouldStayReadyAndDeliverExactlyOnceAcrossBrokerOutage() {
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

            // Ready all along; the backlog shows as data and grows with time (moved, not waited for).
            given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.relay", equalTo("running"))
                    .body("checks.find { it.name == 'outbox' }.data.unpublished", greaterThanOrEqualTo(1));
            clock.advance(Duration.ofMinutes(10));
            try {
                given().get(ManagementInterface.url("/q/health/ready")).then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'outbox' }.data.oldestUnpublishedAgeSeconds",
                                greaterThanOrEqualTo(600));
                assertThat(metric("outbox_oldest_unpublished_age_seconds")).isGreaterThanOrEqualTo(600.0);
            } finally {
                clock.reset();
            }
        } finally {
            BrokerOutage.startBroker();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(unpublishedFor(id)).isZero());
        List<EventEnvelope> delivered = KafkaTestClient.eventsFor(Topics.ACCOUNTS, id);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.getFirst().type()).isEqualTo("AccountRegistered");
        assertThat(delivered.getFirst().sequence()).isEqualTo(1);
    }

    private static double metric(String name) {
        String body = given().get(ManagementInterface.url("/q/metrics")).then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in /q/metrics"));
    }
}
