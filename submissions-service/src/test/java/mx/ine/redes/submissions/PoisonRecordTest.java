package mx.ine.redes.submissions;

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
import mx.ine.redes.support.testing.PoisonRecordContract;
import mx.ine.redes.support.testing.RealInfrastructure;

/** A poison record on the evaluation events' consumer, which keeps the requests that intake answers. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PoisonRecordTest extends PoisonRecordContract {

    @Override
    protected String consumer() {
        return "submissions-requests";
    }

    @Override
    protected String topic() {
        return Topics.EVALUATION;
    }

    @Override
    protected DomainEvent event() {
        Instant opens = Instant.parse("2027-01-01T06:00:00Z");
        return new SubmissionRequested(UUID.randomUUID(), UUID.randomUUID(), "2026-S2", "CYCLE", List.of("posts"), "JDE-CHIS-03",
                List.of("admin.redes.jde03@ine.mx"), opens, opens, opens.plus(Duration.ofDays(14)));
    }
}
