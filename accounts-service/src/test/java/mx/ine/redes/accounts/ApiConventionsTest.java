package mx.ine.redes.accounts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import mx.ine.redes.support.testing.ApiConventionsContract;
import mx.ine.redes.support.testing.RealInfrastructure;

/** The API conventions on every operation of this service's own OpenAPI document. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class ApiConventionsTest extends ApiConventionsContract {

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected DataSource database() {
        return dataSource;
    }


    /** ErrorContractTest's endpoint without roles is refused to everybody (403) before any parameter is read. */
    @Override
    protected boolean excluded(String method, String path) {
        return path.equals("/api/test/sin-anotar");
    }
}
