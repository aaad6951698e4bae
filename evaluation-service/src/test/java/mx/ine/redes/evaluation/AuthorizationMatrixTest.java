package mx.ine.redes.evaluation;

import static mx.ine.redes.support.security.Roles.ACCOUNT_ADMIN;
import static mx.ine.redes.support.security.Roles.AREA_HEAD;
import static mx.ine.redes.support.security.Roles.CNCS;
import static mx.ine.redes.support.security.Roles.COMMITTEE;
import static mx.ine.redes.support.security.Roles.INTEGRATION;
import static mx.ine.redes.support.security.Roles.TRANSPARENCY;
import static mx.ine.redes.support.testing.AuthorizationMatrixContract.Access.allBut;
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
 * Who may call each operation of evaluation-service (domain.md §1), checked against every role and every kind of bad token.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected Map<String, Access> matrix() {
        Map<String, Access> matrix = new TreeMap<>();
        // Cycles and requests: CNCS opens and withdraws (Art. 12); every role reads, narrowed to what it may see.
        matrix.put("POST /api/cycles", roles(CNCS));
        matrix.put("GET /api/cycles", everyRole());
        matrix.put("GET /api/cycles/{id}", everyRole());
        matrix.put("GET /api/cycles/{id}/progress", everyRole());
        matrix.put("GET /api/requests", everyRole());
        matrix.put("GET /api/requests/{id}", everyRole());
        matrix.put("POST /api/requests/ad-hoc", roles(CNCS));
        matrix.put("POST /api/requests/{id}/withdrawal", roles(CNCS));
        // The calendar: CNCS manages it; every role may compute a deadline and read the days; its change log is for CNCS and the readers of reports.
        matrix.put("GET /api/calendar/deadline", everyRole());
        matrix.put("GET /api/calendar/non-working-days", everyRole());
        matrix.put("POST /api/calendar/non-working-days", roles(CNCS));
        matrix.put("PUT /api/calendar/non-working-days/years/{year}", roles(CNCS));
        matrix.put("DELETE /api/calendar/non-working-days/{date}", roles(CNCS));
        matrix.put("GET /api/calendar/electoral-processes", everyRole());
        matrix.put("POST /api/calendar/electoral-processes", roles(CNCS));
        matrix.put("DELETE /api/calendar/electoral-processes/{id}", roles(CNCS));
        matrix.put("GET /api/calendar/changes", roles(CNCS, COMMITTEE, TRANSPARENCY, INTEGRATION));
        // Evaluations, observations and recommendations: CNCS evaluates (Art. 13, 14); an administrator answers a recommendation (Art. 7 II).
        matrix.put("GET /api/evaluations", everyRole());
        matrix.put("GET /api/evaluations/backlog", everyRole());
        matrix.put("GET /api/evaluations/{id}", everyRole());
        matrix.put("GET /api/evaluations/{id}/score", everyRole());
        matrix.put("POST /api/evaluations/{id}/completion", roles(CNCS));
        matrix.put("POST /api/evaluations/{id}/rating-override", roles(CNCS));
        matrix.put("POST /api/evaluations/{id}/recommendations", roles(CNCS));
        matrix.put("GET /api/observations", everyRole());
        matrix.put("POST /api/observations", roles(CNCS));
        matrix.put("GET /api/observations/{id}", everyRole());
        matrix.put("POST /api/observations/{id}/resolution", roles(CNCS));
        matrix.put("POST /api/observations/{id}/follow-up", roles(CNCS));
        matrix.put("GET /api/recommendations", everyRole());
        matrix.put("GET /api/recommendations/{id}", everyRole());
        matrix.put("POST /api/recommendations/{id}/answer", roles(ACCOUNT_ADMIN));
        matrix.put("POST /api/recommendations/{id}/non-attendance", roles(CNCS));
        matrix.put("GET /api/baja-proposals", everyRole());
        matrix.put("GET /api/baja-proposals/{id}", everyRole());
        // Art. 15 and the Committee: escalations go to heads, not to administrators; the Committee records its resolutions (Art. 8).
        matrix.put("GET /api/escalations", allBut(ACCOUNT_ADMIN));
        matrix.put("GET /api/committee/items", everyRole());
        matrix.put("POST /api/committee/resolutions", roles(COMMITTEE));
        matrix.put("GET /api/committee/resolutions", everyRole());
        matrix.put("GET /api/committee/resolutions/{id}", everyRole());
        // Notices are read by the people they are sent to (and CNCS); the audit trail by every role, narrowed.
        matrix.put("GET /api/notifications", roles(CNCS, ACCOUNT_ADMIN, AREA_HEAD, COMMITTEE));
        matrix.put("GET /api/audit", everyRole());
        // Dead timers: CNCS alone.
        matrix.put("GET /api/operations/timers", roles(CNCS));
        matrix.put("POST /api/operations/timers/{id}/retry", roles(CNCS));
        matrix.putAll(registryViewOperations());
        matrix.putAll(supportOperations());
        return matrix;
    }
}
