package mx.ine.redes.reporting;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import mx.ine.redes.events.DomainEvent;
import mx.ine.redes.events.SubmissionRequested;
import mx.ine.redes.events.Topics;
import mx.ine.redes.reporting.service.ReportFeed;
import mx.ine.redes.support.testing.PoisonRecordContract;
import mx.ine.redes.support.testing.RealInfrastructure;

/**
 * A poison record on the evaluation events' consumer, which feeds the reports. The request belongs to a cycle no
 * other test reports on (2001-S1).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PoisonRecordTest extends PoisonRecordContract {

    @Override
    protected String consumer() {
        return ReportFeed.EVALUATION_CONSUMER;
    }

    @Override
    protected String topic() {
        return Topics.EVALUATION;
    }

    @Override
    protected DomainEvent event() {
        Instant opens = Instant.parse("2001-07-01T06:00:00Z");
        return new SubmissionRequested(UUID.randomUUID(), UUID.randomUUID(), "2001-S1", "CYCLE", List.of("posts"), "PZ-CEN",
                List.of(), opens, opens, opens.plus(Duration.ofDays(14)));
    }
}
