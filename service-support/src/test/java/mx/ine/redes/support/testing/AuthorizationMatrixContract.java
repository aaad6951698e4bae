package mx.ine.redes.support.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mx.ine.redes.support.security.Roles;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix of a service (domain.md §1): every operation of its own OpenAPI document
 * against every role, and against no token, an expired one, one signed by another key, one from
 * another issuer and one for another audience. A service runs it with a {@code @QuarkusTest} subclass
 * whose {@link #matrix()} writes out, by hand, who may call each operation; an operation missing from
 * the matrix (or listed but gone) fails the suite, so a new endpoint cannot arrive without its row.
 *
 * <p>A role the matrix lets through must never be answered 401 or 403 (whatever else the harmless
 * request gets: 400, 404, 409…); a role it does not must be answered 403 as a problem. Object-level
 * rules (another area's account → 404) are each service's own tests.
 */
public abstract class AuthorizationMatrixContract {

    /** Every role of domain.md §1. */
    public static final List<String> ROLES = List.of(Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD, Roles.COMMITTEE,
            Roles.TRANSPARENCY, Roles.INTEGRATION);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Who may call an operation: anyone (no token needed), or the roles named. */
    public record Access(boolean open, Set<String> roles) {

        public static Access anyone() {
            return new Access(true, Set.of());
        }

        public static Access roles(String... roles) {
            return new Access(false, Set.of(roles));
        }

        public static Access everyRole() {
            return new Access(false, Set.copyOf(ROLES));
        }

        /** Every role but the ones named. */
        public static Access allBut(String... excluded) {
            Set<String> roles = new java.util.HashSet<>(ROLES);
            roles.removeAll(Set.of(excluded));
            return new Access(false, Set.copyOf(roles));
        }
    }

    /** service-support's own operations, in every service: its dead letters and the simulation clock. */
    protected static Map<String, Access> supportOperations() {
        Map<String, Access> rows = new LinkedHashMap<>();
        // Parked records: CNCS alone.
        rows.put("GET /api/operations/dead-letters", Access.roles(Roles.CNCS));
        rows.put("POST /api/operations/dead-letters/replay", Access.roles(Roles.CNCS));
        rows.put("POST /api/operations/dead-letters/{id}/replay", Access.roles(Roles.CNCS));
        // The simulation clock (local stack and tests): integration may read it, CNCS moves it.
        rows.put("GET /api/simulation/clock", Access.roles(Roles.CNCS, Roles.INTEGRATION));
        rows.put("POST /api/simulation/clock/advance", Access.roles(Roles.CNCS));
        return rows;
    }

    /** service-support's view of the registry as a consuming service projected it: CNCS and other systems. */
    protected static Map<String, Access> registryViewOperations() {
        Map<String, Access> rows = new LinkedHashMap<>();
        rows.put("GET /api/registry/accounts", Access.roles(Roles.CNCS, Roles.INTEGRATION));
        rows.put("GET /api/registry/accounts/{id}", Access.roles(Roles.CNCS, Roles.INTEGRATION));
        return rows;
    }

    private JsonNode document;

    /** {@code "GET /api/accounts/{id}"} → who may call it, written out from domain.md §1 (path as the document spells it). */
    protected abstract Map<String, Access> matrix();

    /**
     * Operations that, called by a role the matrix lets through, start real work that other test classes of the same
     * JVM would see (say which where it is overridden): only their refusals are tried. None by default.
     */
    protected boolean startsRealWork(String operation) {
        return false;
    }

    /** Test-only operations the suite cannot call as they are (say why where it is overridden); none by default. */
    protected boolean excluded(String method, String path) {
        return false;
    }

    @BeforeEach
    void readOwnDocument() throws Exception {
        if (document == null) {
            document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        }
    }

    @Test
    void shouldHaveARowForEveryOperationOfTheDocumentAndNoOther() {
        Set<String> documented = new TreeSet<>();
        operations().forEach(operation -> documented.add(operation.key()));
        assertThat(new TreeSet<>(matrix().keySet())).as("the matrix's operations").isEqualTo(documented);
    }

    @Test
    void shouldLetThroughExactlyTheRolesOfTheMatrix() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            Access access = matrix().get(operation.key());
            if (access == null || access.open()) {
                continue;
            }
            for (String role : ROLES) {
                if (access.roles().contains(role) && startsRealWork(operation.key())) {
                    continue;
                }
                Response response = operation.call(TestTokens.forRole(role));
                if (access.roles().contains(role)) {
                    softly.assertThat(response.statusCode()).as("%s as %s may pass: %s", operation, role, brief(response))
                            .isNotIn(401, 403).isLessThan(500);
                } else {
                    softly.assertThat(response.statusCode()).as("%s as %s is refused: %s", operation, role, brief(response))
                            .isEqualTo(403);
                    softly.assertThat(response.contentType()).as("%s as %s: a problem", operation, role)
                            .startsWith("application/problem+json");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseEveryTokenThatIsNotAValidOneWith401() {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("an expired token", TestTokens.expired(Roles.CNCS));
        badTokens.put("a token signed by another key", TestTokens.forgedFor(Roles.CNCS));
        badTokens.put("a token from another issuer", TestTokens.fromIssuer("https://sso.example.com/otro", Roles.CNCS));
        badTokens.put("a token for another audience", TestTokens.forAudience("otro-sistema", "cncs@ine.mx", Set.of(Roles.CNCS),
                Map.of()));
        badTokens.put("not a token", "abc.def.ghi");
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            Access access = matrix().get(operation.key());
            if (access == null || access.open()) {
                continue;
            }
            badTokens.forEach((what, token) -> {
                Response response = operation.call(token);
                softly.assertThat(response.statusCode()).as("%s with %s: %s", operation, what, brief(response)).isEqualTo(401);
                softly.assertThat(response.contentType()).as("%s with %s: a problem", operation, what)
                        .startsWith("application/problem+json");
            });
        }
        softly.assertAll();
    }

    @Test
    void shouldAnswerTheOpenOperationsWithoutAToken() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            Access access = matrix().get(operation.key());
            if (access != null && access.open()) {
                Response response = operation.call(null);
                softly.assertThat(response.statusCode()).as("%s without a token: %s", operation, brief(response))
                        .isNotIn(401, 403).isLessThan(500);
            }
        }
        softly.assertAll();
    }

    private static String brief(Response response) {
        String body = response.asString();
        return response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    // --- the operations of the document -------------------------------------------------------

    /** One operation, called with harmless values: a refusal is then about who asks, not what. */
    protected final class Operation {
        private final String method;
        private final String path;
        private final JsonNode node;
        private final List<JsonNode> pathParameters;

        Operation(String method, String path, JsonNode node, List<JsonNode> pathParameters) {
            this.method = method;
            this.path = path;
            this.node = node;
            this.pathParameters = pathParameters;
        }

        String key() {
            return method.toUpperCase() + " " + path;
        }

        Response call(String token) {
            String target = path;
            for (JsonNode parameter : pathParameters) {
                target = target.replace("{" + parameter.path("name").asText() + "}", harmless(resolve(parameter.path("schema"))));
            }
            RequestSpecification request = given().urlEncodingEnabled(false);
            if (token != null) {
                request.auth().oauth2(token);
            }
            JsonNode content = resolve(node.path("requestBody")).path("content");
            Iterator<String> types = content.fieldNames();
            if (types.hasNext()) {
                String type = types.next();
                request.contentType(type).body((type.contains("json") ? "{}" : "").getBytes(StandardCharsets.UTF_8));
            }
            return request.request(method.toUpperCase(), target);
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private List<Operation> operations() {
        List<Operation> found = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey()) || excluded(entry.getKey(), path.getKey())) {
                return;
            }
            List<JsonNode> pathParameters = new ArrayList<>();
            for (JsonNode source : List.of(path.getValue().path("parameters"), entry.getValue().path("parameters"))) {
                source.forEach(parameter -> {
                    JsonNode resolved = resolve(parameter);
                    if (resolved.path("in").asText().equals("path")) {
                        pathParameters.add(resolved);
                    }
                });
            }
            found.add(new Operation(entry.getKey(), path.getKey(), entry.getValue(), pathParameters));
        }));
        return found;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            JsonNode target = document;
            for (String part : current.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    /** A value of the parameter's type that names nothing that exists. */
    private static String harmless(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            return schema.path("enum").get(0).asText();
        }
        if (format.equals("uuid")) {
            return "00000000-0000-4000-8000-00000000a11c";
        }
        if (format.equals("date")) {
            return "2031-01-15";
        }
        if (type.equals("integer") || type.equals("number")) {
            return "2031";
        }
        if (schema.has("pattern") && schema.path("pattern").asText().contains("S")) {
            return "2031-S1";
        }
        return "ZZ-NINGUNA";
    }
}
