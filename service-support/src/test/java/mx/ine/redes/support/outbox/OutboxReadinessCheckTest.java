package mx.ine.redes.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** What the outbox readiness check says for each state of the relay and the backlog. */
class OutboxReadinessCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldStayUpWithTheBacklogAsDataWhileTheRelayRuns() {
        HealthCheckResponse response = check(running(Duration.ofSeconds(21)),
                backlog(3, NOW.minus(Duration.ofMinutes(10)), OptionalLong.of(2))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsAllEntriesOf(Map.of(
                "relay", "running",
                "relaySecondsSinceLastRound", 21L,
                "unpublished", 3L,
                "oldestUnpublishedAgeSeconds", 600L,
                "parkedRecords", 2L));
    }

    @Test
    void shouldReportNoAgeAndNoParkedRecordsWhenNothingWaitsAndThereIsNoDeadLetterStore() {
        HealthCheckResponse response = check(running(Duration.ZERO), backlog(0, null, OptionalLong.empty())).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow())
                .containsEntry("oldestUnpublishedAgeSeconds", 0L)
                .doesNotContainKey("parkedRecords");
    }

    @Test
    void shouldGoDownWhenTheRelayThreadHasDied() {
        HealthCheckResponse response = check(new OutboxRelay.RelayState(true, false, Duration.ofSeconds(5)),
                backlog(1, NOW, OptionalLong.empty())).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("relay", "dead");
    }

    @Test
    void shouldGoDownWhenTheRelayHasNotGoneRoundForStaleAfter() {
        HealthCheckResponse justInTime = check(running(Duration.ofMinutes(2)), backlog(0, null, OptionalLong.empty())).call();
        HealthCheckResponse stalled = check(running(Duration.ofMinutes(2).plusSeconds(1)),
                backlog(0, null, OptionalLong.empty())).call();

        assertThat(justInTime.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(stalled.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(stalled.getData().orElseThrow()).containsEntry("relay", "stalled");
    }

    @Test
    void shouldStayUpWhenTheRelayIsDisabled() {
        HealthCheckResponse response = check(new OutboxRelay.RelayState(false, false, Duration.ZERO),
                backlog(4, NOW.minus(Duration.ofHours(1)), OptionalLong.empty())).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("relay", "disabled");
    }

    @Test
    void shouldGoDownWhenTheOutboxCannotBeRead() {
        OutboxBacklog unreadable = new OutboxBacklog() {
            @Override
            public Snapshot snapshot() throws SQLException {
                throw new SQLException("connection refused");
            }
        };

        HealthCheckResponse response = check(running(Duration.ZERO), unreadable).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("database", "connection refused");
    }

    private static OutboxRelay.RelayState running(Duration sinceLastRound) {
        return new OutboxRelay.RelayState(true, true, sinceLastRound);
    }

    private static OutboxBacklog backlog(long unpublished, Instant oldest, OptionalLong parked) {
        return new OutboxBacklog() {
            @Override
            public Snapshot snapshot() {
                return new Snapshot(unpublished, Optional.ofNullable(oldest));
            }

            @Override
            public OptionalLong parkedRecords() {
                return parked;
            }
        };
    }

    private static OutboxReadinessCheck check(OutboxRelay.RelayState state, OutboxBacklog backlog) {
        OutboxReadinessCheck check = new OutboxReadinessCheck();
        check.relay = new OutboxRelay() {
            @Override
            public RelayState state() {
                return state;
            }
        };
        check.backlog = backlog;
        check.config = new OutboxConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration sendTimeout() {
                return Duration.ofSeconds(20);
            }

            @Override
            public Duration staleAfter() {
                return Duration.ofMinutes(2);
            }
        };
        check.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return check;
    }
}
