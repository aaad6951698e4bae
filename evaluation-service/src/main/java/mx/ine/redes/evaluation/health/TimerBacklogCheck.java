package mx.ine.redes.evaluation.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import mx.ine.redes.evaluation.timer.TimerEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reports the durable timers' backlog: pending timers already due (a healthy sweep keeps
 * it near zero) and DEAD ones waiting for an operator. Neither takes the service out of readiness —
 * the REST API still works — but both are what an operator looks at first.
 */
@Readiness
@ApplicationScoped
public class TimerBacklogCheck implements HealthCheck {

    @Inject
    TimerEngine engine;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("durable-timers").up()
                .withData("dueNotFired", engine.overdueCount())
                .withData("dead", engine.deadCount())
                .build();
    }
}
