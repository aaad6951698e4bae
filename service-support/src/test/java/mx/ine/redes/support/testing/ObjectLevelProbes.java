package mx.ine.redes.support.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;

/**
 * Object-level probes (api-conventions "Who sees what"): an object out of the caller's reach is
 * answered exactly like one that does not exist, 404 as a problem that names nothing of it. A
 * service's {@code ObjectLevelAccessTest} probes each operation of its OpenAPI document that takes
 * an object's id in its path, and {@link #expectEveryOperationAccountedFor} keeps that list honest:
 * a new operation with a path parameter is either probed or excluded with a written reason.
 */
public final class ObjectLevelProbes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final Set<String> probed = new HashSet<>();

    /** Every operation of the service's own document with a path parameter, as {@code "GET /api/x/{id}"}. */
    public static Set<String> operationsWithPathParameters() {
        JsonNode document;
        try {
            document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Set<String> found = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method) && path.getKey().contains("{")) {
                found.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return found;
    }

    /** Notes that {@code operation} ({@code "GET /api/x/{id}"}) is probed. */
    public ObjectLevelProbes probing(String operation) {
        probed.add(operation);
        return this;
    }

    /** Every operation with a path parameter is probed or excluded (with its reason), and nothing else is claimed. */
    public void expectEveryOperationAccountedFor(Map<String, String> excludedWithReason) {
        Set<String> documented = operationsWithPathParameters();
        Set<String> unaccounted = new TreeSet<>(documented);
        unaccounted.removeAll(probed);
        unaccounted.removeAll(excludedWithReason.keySet());
        assertThat(unaccounted).as("operations with an id in the path neither probed nor excluded with a reason").isEmpty();
        Set<String> claimed = new TreeSet<>(probed);
        claimed.addAll(excludedWithReason.keySet());
        claimed.removeAll(documented);
        assertThat(claimed).as("probed or excluded operations that the document does not have").isEmpty();
        excludedWithReason.forEach((operation, reason) -> assertThat(reason).as("why " + operation + " is not probed").isNotBlank());
    }

    /**
     * The answer to a foreign object is the answer to a missing one: 404, a problem, the same title,
     * and a detail that differs only by the id asked for; nothing of the object ({@code secrets}:
     * its handle, name, area, people) in it.
     *
     * @param foreignId the id in the foreign request, {@code missingId} the one in the missing request
     */
    public static void expectNotFound(SoftAssertions softly, String what, Response foreign, String foreignId,
                                      Response missing, String missingId, String... secrets) {
        String body = foreign.asString();
        softly.assertThat(foreign.statusCode()).as(what + " answered " + body).isEqualTo(404);
        softly.assertThat(foreign.contentType()).as(what + " is a problem").startsWith("application/problem+json");
        for (String secret : secrets) {
            softly.assertThat(body).as(what + " names nothing of the object").doesNotContain(secret);
        }
        if (missing != null) {
            JsonNode asForeign = read(body);
            JsonNode asMissing = read(missing.asString());
            softly.assertThat(missing.statusCode()).as(what + ", the same for a missing id").isEqualTo(404);
            softly.assertThat(asForeign.path("title").asText()).as(what + " title as for a missing id")
                    .isEqualTo(asMissing.path("title").asText());
            softly.assertThat(asForeign.path("detail").asText().replace(foreignId, "{id}"))
                    .as(what + " detail as for a missing id")
                    .isEqualTo(asMissing.path("detail").asText().replace(missingId, "{id}"));
            softly.assertThat(asForeign.path("errors").toString().replace(foreignId, "{id}"))
                    .as(what + " errors as for a missing id")
                    .isEqualTo(asMissing.path("errors").toString().replace(missingId, "{id}"));
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
