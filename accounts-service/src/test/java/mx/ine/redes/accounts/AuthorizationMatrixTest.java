package mx.ine.redes.accounts;

import static mx.ine.redes.support.security.Roles.CNCS;
import static mx.ine.redes.support.security.Roles.COMMITTEE;
import static mx.ine.redes.support.security.Roles.INTEGRATION;
import static mx.ine.redes.support.security.Roles.TRANSPARENCY;
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
 * Who may call each operation of accounts-service (domain.md §1), checked against every role and every kind of bad token.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected Map<String, Access> matrix() {
        Map<String, Access> matrix = new TreeMap<>();
        // The registry (domain.md §1: CNCS does everything in it; every role reads accounts, narrowed to what it may see).
        matrix.put("POST /api/accounts", roles(CNCS));
        matrix.put("GET /api/accounts", everyRole());
        matrix.put("GET /api/accounts/export", everyRole());
        matrix.put("POST /api/accounts/import", roles(CNCS));
        matrix.put("GET /api/accounts/{id}", everyRole());
        matrix.put("PATCH /api/accounts/{id}", roles(CNCS));
        matrix.put("GET /api/accounts/{id}/history", everyRole());
        matrix.put("POST /api/accounts/{id}/administrators", roles(CNCS));
        matrix.put("DELETE /api/accounts/{id}/administrators/{personId}", roles(CNCS));
        matrix.put("POST /api/accounts/{id}/decommission", roles(CNCS));
        matrix.put("POST /api/accounts/{id}/permanence", roles(CNCS));
        matrix.put("POST /api/accounts/{id}/hijack-clearance", roles(CNCS));
        // Areas (with their heads and liaisons, people's names): not for administrators or heads, who see their accounts.
        matrix.put("POST /api/areas", roles(CNCS));
        matrix.put("GET /api/areas", roles(CNCS, COMMITTEE, TRANSPARENCY, INTEGRATION));
        matrix.put("POST /api/areas/import", roles(CNCS));
        matrix.put("GET /api/areas/{code}", roles(CNCS, COMMITTEE, TRANSPARENCY, INTEGRATION));
        matrix.put("PATCH /api/areas/{code}", roles(CNCS));
        matrix.put("GET /api/areas/{code}/history", roles(CNCS, COMMITTEE, TRANSPARENCY, INTEGRATION));
        // People (names and e-mails): CNCS and other systems only.
        matrix.put("POST /api/people", roles(CNCS));
        matrix.put("GET /api/people", roles(CNCS, INTEGRATION));
        // Trainings (Art. 6 V) are reported; support documents (Art. 6 IV) are published to every administrator.
        matrix.put("POST /api/trainings", roles(CNCS));
        matrix.put("GET /api/trainings", roles(CNCS, COMMITTEE, TRANSPARENCY, INTEGRATION));
        matrix.put("POST /api/documents", roles(CNCS));
        matrix.put("GET /api/documents", everyRole());
        // The public's one question (domain.md §1).
        matrix.put("GET /api/public/verify", anyone());
        matrix.putAll(supportOperations());
        // A test resource someone forgot to annotate: nobody may call it (deny by default).
        matrix.put("GET /api/test/sin-anotar", roles());
        return matrix;
    }

    /** ErrorContractTest's resource that fails on purpose (a 500 is what it is for). */
    @Override
    protected boolean excluded(String method, String path) {
        return path.equals("/api/test/falla");
    }
}
