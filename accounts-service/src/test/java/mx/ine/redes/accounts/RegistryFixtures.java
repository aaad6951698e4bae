package mx.ine.redes.accounts;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import mx.ine.redes.support.security.Roles;
import mx.ine.redes.support.testing.TestTokens;

/** Registers areas and accounts over the real REST API, with unique codes and handles per call. */
final class RegistryFixtures {

    private RegistryFixtures() {
    }

    static String cncsToken() {
        return TestTokens.forRole(Roles.CNCS);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String registerArea() {
        String code = unique("JDE-");
        given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Junta Distrital Ejecutiva de prueba", "level", "DISTRICT",
                        "state", 7, "district", 3, "headName", "Titular de prueba", "headEmail", "titular.prueba@ine.mx"))
                .post("/api/areas")
                .then().statusCode(201);
        return code;
    }

    static String registerAccount(String areaCode, String handle) {
        return given().auth().oauth2(cncsToken()).contentType(ContentType.JSON)
                .body(accountBody(areaCode, handle))
                .post("/api/accounts")
                .then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> accountBody(String areaCode, String handle) {
        return Map.of("network", "X", "handle", handle, "displayName", "Cuenta de prueba " + handle,
                "kind", "INSTITUTIONAL", "areaCode", areaCode);
    }
}
