package mx.ine.redes.submissions;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.ine.redes.support.testing.RealInfrastructure;
import mx.ine.redes.support.testing.RegistryProjectionContract;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class RegistryProjectionTest extends RegistryProjectionContract {

    @Override
    protected String registryConsumer() {
        return "submissions-registry";
    }
}
