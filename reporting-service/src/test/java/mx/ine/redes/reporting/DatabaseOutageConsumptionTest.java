package mx.ine.redes.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.events.AccountRegistered;
import mx.ine.redes.events.AccountSnapshot;
import mx.ine.redes.events.AccountUpdated;
import mx.ine.redes.events.AreaLink;
import mx.ine.redes.events.EventEnvelope;
import mx.ine.redes.events.EventJson;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.DatabaseOutage;
import mx.ine.redes.support.testing.ManagementInterface;
import mx.ine.redes.support.testing.KafkaTestClient;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Retry, never skip: events that arrive while the service's database is down wait on their
 * partition and are applied, each exactly once, when it is back; none is parked. It stops the
 * JVM's PostgreSQL, so it lives in the service with the smallest suite and restores everything
 * (database, connection pool, health) before it ends.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageConsumptionTest {

    private static final String CONSUMER = "reporting-inventory";
    private static final int ACCOUNTS = 6;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void shouldApplyEveryEventThatArrivedDuringADatabaseOutageExactlyOnceAfterItReturns() throws Exception {
        // The consumer is up and owns its partitions before the outage starts.
        UUID warmUp = UUID.randomUUID();
        KafkaTestClient.publish(new AccountRegistered(snapshot(warmUp, "antes_del_corte")));
        awaitProjected(warmUp, "antes_del_corte", Duration.ofSeconds(30));

        List<UUID> accounts = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        double failedAttemptsBefore = failedAttempts();
        DatabaseOutage.stopDatabase();
        try {
            for (int i = 0; i < ACCOUNTS; i++) {
                UUID accountId = UUID.randomUUID();
                accounts.add(accountId);
                EventEnvelope registered = KafkaTestClient.publish(new AccountRegistered(snapshot(accountId, "durante_" + i)));
                EventEnvelope updated = KafkaTestClient.publish(
                        new AccountUpdated(snapshot(accountId, "tras_corte_" + i), List.of("handle")));
                eventIds.add(registered.eventId());
                eventIds.add(updated.eventId());
                // The broker redelivers one, as after a consumer crash: it must change nothing.
                if (i == 0) {
                    KafkaTestClient.send(Topics.ACCOUNTS, registered.aggregateId(), EventJson.write(registered));
                }
            }
            // The consumer really met the outage, more than once, and kept the records.
            await().atMost(Duration.ofSeconds(60)).until(() -> failedAttempts() >= failedAttemptsBefore + 3);
        } finally {
            DatabaseOutage.startDatabase();
            // Connections broken by the outage must not reach the next test.
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }

        for (int i = 0; i < ACCOUNTS; i++) {
            awaitProjected(accounts.get(i), "tras_corte_" + i, Duration.ofSeconds(60));
        }
        assertThat(count("select count(*) from processed_event where consumer = ? and event_id = any (?)", eventIds))
                .as("each event recorded once in the inbox")
                .isEqualTo(eventIds.size());
        assertThat(count("select count(*) from dead_letter where record_key = any (?)",
                accounts.stream().map(UUID::toString).toList()))
                .as("nothing parked")
                .isZero();
        given().get(ManagementInterface.url("/q/health")).then().statusCode(200).body("status", equalTo("UP"));
    }

    private double failedAttempts() {
        Counter counter = registry.find("consumer.retries").tag("consumer", CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(String sql, List<?> values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (sql.contains("consumer = ?")) {
                statement.setString(index++, CONSUMER);
            }
            boolean uuids = !values.isEmpty() && values.get(0) instanceof UUID;
            statement.setArray(index, connection.createArrayOf(uuids ? "uuid" : "text", values.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void awaitProjected(UUID accountId, String handle, Duration within) {
        await().atMost(within).untilAsserted(() -> given().auth().oauth2(TestTokens.forRole(Roles.CNCS))
                .get("/api/registry/accounts/" + accountId)
                .then().statusCode(200)
                .body("handle", equalTo(handle)));
    }

    private static AccountSnapshot snapshot(UUID accountId, String handle) {
        return new AccountSnapshot(accountId, "X", handle, "https://x.com/" + handle, "Cuenta " + handle, "INSTITUTIONAL",
                "ACTIVE", "JDE-CHIS-03", "03 Junta Distrital Ejecutiva en Chiapas", "DISTRICT", 7, 3,
                "Titular de la 03 JDE", "titular.jde03.chis@ine.mx", List.of("admin.redes.jde03@ine.mx"),
                LocalDate.of(2026, 1, 15), LocalDate.of(2026, 11, 1),
                List.of(new AreaLink("JLE-CHIS", "Junta Local Ejecutiva en Chiapas", "LOCAL", "Titular de la JLE",
                        "titular.jle.chis@ine.mx")));
    }
}
