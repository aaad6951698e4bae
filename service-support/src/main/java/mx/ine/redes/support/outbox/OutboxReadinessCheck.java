package mx.ine.redes.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the outbox. A broker outage is not a reason to take the service out of rotation: its
 * REST calls still succeed and their events wait here, so the backlog is reported as data (the
 * oldest unpublished row's age, the rows waiting, parked records) for dashboards and alerts. DOWN
 * only when the relay loop itself has died or has not gone round for {@code outbox.relay.stale-after},
 * since then nothing would ever publish. A service adds its own checks as further
 * {@code @Readiness} beans (e.g. evaluation-service's timer backlog).
 */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxBacklog backlog;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up();
        OutboxRelay.RelayState state = relay.state();
        if (!state.enabled()) {
            response.withData("relay", "disabled");
        } else if (!state.alive()) {
            response.down().withData("relay", "dead");
        } else if (state.sinceLastRound().compareTo(config.staleAfter()) > 0) {
            response.down().withData("relay", "stalled");
        } else {
            response.withData("relay", "running");
        }
        response.withData("relaySecondsSinceLastRound", state.sinceLastRound().toSeconds());
        try {
            OutboxBacklog.Snapshot waiting = backlog.snapshot();
            response.withData("unpublished", waiting.unpublished());
            response.withData("oldestUnpublishedAgeSeconds", waiting.oldestAge(clock.instant()).toSeconds());
            backlog.parkedRecords().ifPresent(parked -> response.withData("parkedRecords", parked));
        } catch (SQLException e) {
            response.down().withData("database", e.getMessage());
        }
        return response.build();
    }
}
