package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
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

    /** A district board under a new state board of Chiapas, both headed by {@code titular.prueba@ine.mx}. */
    static String registerArea() {
        String local = registerArea("LOCAL", null, "titular.prueba@ine.mx");
        return registerArea("DISTRICT", local, "titular.prueba@ine.mx");
    }

    static String registerArea(String level, String parentCode, String headEmail) {
        String code = unique(level.equals("LOCAL") ? "JLE-" : level.equals("DISTRICT") ? "JDE-" : "DIR-");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Área de prueba " + code);
        body.put("level", level);
        if (!level.equals("CENTRAL")) {
            body.put("state", 7);
        }
        if (level.equals("DISTRICT")) {
            body.put("district", 3);
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
