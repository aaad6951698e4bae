package mx.ine.redes.accounts;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import mx.ine.redes.support.testing.RealInfrastructure;

/** Every test of this service runs against the real PostgreSQL and Kafka of {@link RealInfrastructure}. */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
final class InfrastructureForTests {

    private InfrastructureForTests() {
    }
}
