package mx.ine.redes.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * How far the outbox is behind: the age of its oldest unpublished row (readiness data and the
 * gauge {@code outbox_oldest_unpublished_age_seconds}), and how many rows wait. Plain JDBC outside
 * any transaction: the health endpoint and the metrics scrape must not join or open a JTA one.
 */
@ApplicationScoped
public class OutboxBacklog {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    /** What is waiting: the number of unpublished rows and when the oldest was written. */
    public record Snapshot(long unpublished, Optional<Instant> oldestCreatedAt) {

        /** Age of the oldest unpublished row at {@code now}; zero when nothing waits. */
        public Duration oldestAge(Instant now) {
            return oldestCreatedAt.map(created -> Duration.between(created, now))
                    .filter(age -> !age.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    void registerGauge(@Observes StartupEvent startup) {
        Gauge.builder("outbox.oldest.unpublished.age", this, OutboxBacklog::oldestAgeSecondsOrNaN)
                .description("Age of the oldest outbox row not yet acknowledged by the broker (0 when none waits)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    public Snapshot snapshot() throws SQLException {
        // The partial index on unpublished rows answers both without touching published ones.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement oldest = connection.prepareStatement(
                     "select created_at from outbox_message where published_at is null order by id limit 1");
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from outbox_message where published_at is null")) {
            Optional<Instant> createdAt = Optional.empty();
            try (ResultSet rows = oldest.executeQuery()) {
                if (rows.next()) {
                    Timestamp timestamp = rows.getTimestamp(1);
                    createdAt = Optional.of(timestamp.toInstant());
                }
            }
            long unpublished;
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                unpublished = rows.getLong(1);
            }
            return new Snapshot(unpublished, createdAt);
        }
    }

    /**
     * Records the consumers parked, where the service keeps a dead-letter store (table
     * {@code dead_letter}); empty where it has none.
     */
    public OptionalLong parkedRecords() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement exists = connection.prepareStatement("select to_regclass('dead_letter') is not null");
             ResultSet found = exists.executeQuery()) {
            found.next();
            if (!found.getBoolean(1)) {
                return OptionalLong.empty();
            }
            try (PreparedStatement count = connection.prepareStatement("select count(*) from dead_letter");
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                return OptionalLong.of(rows.getLong(1));
            }
        }
    }

    private double oldestAgeSecondsOrNaN() {
        try {
            return snapshot().oldestAge(clock.instant()).toMillis() / 1000.0;
        } catch (SQLException | RuntimeException e) {
            // A gauge must not throw into the scrape; NaN says "not known" to Prometheus.
            return Double.NaN;
        }
    }
}
