package mx.ine.redes.reporting;

import static mx.ine.redes.support.security.Roles.ACCOUNT_ADMIN;
import static mx.ine.redes.support.security.Roles.CNCS;
import static mx.ine.redes.support.testing.AuthorizationMatrixContract.Access.allBut;
import static mx.ine.redes.support.testing.AuthorizationMatrixContract.Access.anyone;
import static mx.ine.redes.support.testing.AuthorizationMatrixContract.Access.everyRole;
import static mx.ine.redes.support.testing.AuthorizationMatrixContract.Access.roles;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.TreeMap;
import mx.ine.redes.support.testing.AuthorizationMatrixContract;
import mx.ine.redes.support.testing.RealInfrastructure;

/**
 * Who may call each operation of reporting-service (domain.md §1), checked against every role and every kind of bad token.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected Map<String, Access> matrix() {
        Map<String, Access> matrix = new TreeMap<>();
        // The reports (domain.md §1, §6): CNCS, the Committee, Transparency and other systems read them; an area head
        // reads its subtree's slice; an administrator only the series of the accounts they administer.
        matrix.put("GET /api/reports/semiannual/{cycle}", allBut(ACCOUNT_ADMIN));
        matrix.put("GET /api/reports/annual/{year}", allBut(ACCOUNT_ADMIN));
        matrix.put("GET /api/reports/trends", allBut(ACCOUNT_ADMIN));
        matrix.put("GET /api/reports/trends/accounts/{accountId}", everyRole());
        // Open data: the public's, no token.
        matrix.put("GET /api/public/accounts", anyone());
        matrix.put("GET /api/public/accounts.csv", anyone());
        // The read model's rebuild: an operator's act, CNCS alone.
        matrix.put("POST /api/operations/rebuilds", roles(CNCS));
        matrix.put("GET /api/operations/rebuilds/{id}", roles(CNCS));
        matrix.putAll(registryViewOperations());
        matrix.putAll(supportOperations());
        return matrix;
    }

    /** A rebuild started by CNCS empties the read model other test classes read (ReadModelRebuildTest starts its own). */
    @Override
    protected boolean startsRealWork(String operation) {
        return operation.equals("POST /api/operations/rebuilds");
    }
}
