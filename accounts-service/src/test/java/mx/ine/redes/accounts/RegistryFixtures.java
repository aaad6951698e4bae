package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.TestTokens;

/** Registers areas, people and accounts over the real REST API, with unique codes and handles per call. */
final class RegistryFixtures {

    private RegistryFixtures() {
    }

    static String cncsToken() {
        return TestTokens.forRole(Roles.CNCS);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** The state board the default fixture's district boards hang from (one per state: tests share it). */
    static final String SHARED_STATE_BOARD = "JLE-PRUEBAS";

    /**
     * A new district board, headed by {@code titular.prueba@ine.mx}, under the shared state board
     * (also headed by {@code titular.prueba@ine.mx}): each state has one state board and each
     * district number one board, so tests share the state board and take a free district number.
     */
    static synchronized String registerArea() {
        if (given().auth().oauth2(cncsToken()).get("/api/areas/" + SHARED_STATE_BOARD).statusCode() == 404) {
            registerArea(SHARED_STATE_BOARD, "LOCAL", freeState(), null, null, "titular.prueba@ine.mx");
        }
        return registerArea("DISTRICT", SHARED_STATE_BOARD, "titular.prueba@ine.mx");
    }

    /** A new area of this level: a state board takes a state without one, a district board the next free number of its parent's state. */
    static synchronized String registerArea(String level, String parentCode, String headEmail) {
        String code = unique(level.equals("LOCAL") ? "JLE-" : level.equals("DISTRICT") ? "JDE-" : "DIR-");
        Integer state = switch (level) {
            case "LOCAL" -> freeState();
            case "DISTRICT" -> stateOf(parentCode);
            default -> null;
        };
        Integer district = level.equals("DISTRICT") ? freeDistrict(state) : null;
        return registerArea(code, level, state, district, parentCode, headEmail);
    }

    private static String registerArea(String code, String level, Integer state, Integer district, String parentCode,
                                       String headEmail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Área de prueba " + code);
        body.put("level", level);
        if (state != null) {
            body.put("state", state);
        }
        if (district != null) {
            body.put("district", district);
        }
        if (parentCode != null) {
            body.put("parentCode", parentCode);
        }
        body.put("headName", "Titular de prueba");
        body.put("headEmail", headEmail);
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON).body(body)
                .post("/api/areas")
                .then().statusCode(201);
        return code;
    }

    /** A state (1–32) that has no state board yet in this test JVM's database. */
    static int freeState() {
        return first("""
                select s from generate_series(1, 32) s
                where not exists (select 1 from area where level = 'LOCAL' and state = s) order by s limit 1""", null,
                "Every state has a state board: the tests use too many");
    }

    /** A district number (1–300) of this state that has no district board yet. */
    static int freeDistrict(int state) {
        return first("""
                select d from generate_series(1, 300) d
                where not exists (select 1 from area where level = 'DISTRICT' and state = :state and district = d)
                order by d limit 1""", state, "Every district of state " + state + " is taken");
    }

    private static int first(String sql, Integer state, String exhausted) {
        List<?> found = QuarkusTransaction.requiringNew().call(() -> {
            var query = Account.getEntityManager().createNativeQuery(sql);
            if (state != null) {
                query.setParameter("state", state);
            }
            return query.getResultList();
        });
        if (found.isEmpty()) {
            throw new IllegalStateException(exhausted);
        }
        return ((Number) found.get(0)).intValue();
    }

    private static Integer stateOf(String areaCode) {
        return given().auth().oauth2(cncsToken()).get("/api/areas/" + areaCode).then().statusCode(200)
                .extract().path("state");
    }

    /** The day the account was registered (the service's clock, which tests may have moved on): the earliest a baja may be. */
    static String registeredOn(String accountId) {
        return given().auth().oauth2(cncsToken()).get("/api/accounts/" + accountId).then().statusCode(200)
                .extract().path("registeredOn");
    }

    static String registerPerson(String email) {
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Persona " + email, "email", email))
                .post("/api/people")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String uniqueStaffEmail(String prefix) {
        return unique(prefix).toLowerCase() + "@ine.mx";
    }

    static String registerAccount(String areaCode, String handle) {
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(accountBody(areaCode, handle))
                .post("/api/accounts")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String registerAccountFromUrl(String areaCode, String url) {
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "displayName", "Cuenta " + url, "kind", "INSTITUTIONAL", "areaCode", areaCode))
                .post("/api/accounts")
                .then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> accountBody(String areaCode, String handle) {
        return Map.of("network", "X", "handle", handle, "displayName", "Cuenta de prueba " + handle,
                "kind", "INSTITUTIONAL", "areaCode", areaCode);
    }

    /** A handle unique to this run, legal on X (at most 15 characters). */
    static String uniqueXHandle() {
        return ("t" + UUID.randomUUID().toString().replace("-", "")).substring(0, 15);
    }

    static long count(String jpql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Account.getEntityManager().createQuery(jpql, Long.class);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.getSingleResult();
        });
    }
}
