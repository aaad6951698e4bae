package mx.ine.redes.submissions;

import static mx.ine.redes.support.security.Roles.ACCOUNT_ADMIN;
import static mx.ine.redes.support.security.Roles.CNCS;
import static mx.ine.redes.support.security.Roles.TRANSPARENCY;
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
 * Who may call each operation of submissions-service (domain.md §1), checked against every role and every kind of bad token.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected Map<String, Access> matrix() {
        Map<String, Access> matrix = new TreeMap<>();
        // Forms per network: anyone signed in.
        matrix.put("GET /api/forms", everyRole());
        matrix.put("GET /api/forms/{network}", everyRole());
        // Requests and submissions: administrators submit for their accounts, CNCS on their behalf (Art. 9); the Transparency unit reads reports, not submissions.
        matrix.put("GET /api/requests", allBut(TRANSPARENCY));
        matrix.put("GET /api/requests/{id}", allBut(TRANSPARENCY));
        matrix.put("GET /api/requests/{id}/form", allBut(TRANSPARENCY));
        matrix.put("GET /api/requests/{id}/evidence", allBut(TRANSPARENCY));
        matrix.put("POST /api/requests/{id}/evidence", roles(ACCOUNT_ADMIN, CNCS));
        matrix.put("POST /api/submissions", roles(ACCOUNT_ADMIN, CNCS));
        matrix.put("GET /api/submissions", allBut(TRANSPARENCY));
        matrix.put("GET /api/submissions/export", allBut(TRANSPARENCY));
        matrix.put("GET /api/submissions/{id}", allBut(TRANSPARENCY));
        matrix.put("POST /api/submissions/{id}/versions", roles(ACCOUNT_ADMIN, CNCS));
        matrix.put("GET /api/submissions/{id}/versions/{version}", allBut(TRANSPARENCY));
        matrix.put("GET /api/submissions/{id}/evidence", allBut(TRANSPARENCY));
        matrix.put("GET /api/submissions/{id}/evidence/{sha256}", allBut(TRANSPARENCY));
        matrix.putAll(registryViewOperations());
        matrix.putAll(supportOperations());
        return matrix;
    }

    /** Resources other test classes add under {@code /api/test/}: not the service's. */
    @Override
    protected boolean excluded(String method, String path) {
        return path.startsWith("/api/test/");
    }
}
