package mx.ine.redes.support.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mx.ine.redes.support.security.Roles;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API conventions (shared/spec/api-conventions.md), checked on every operation of a service's
 * own OpenAPI document: a request with hostile values (NUL and control characters, wrong JSON types,
 * extreme numbers and dates, malformed ids, unknown fields, huge pages, a body one byte over
 * {@code api.max-body-size} with and without Content-Length, a string field of 100,000 characters,
 * JSON nested 5,000 deep) never gets a 5xx, is refused as {@code application/problem+json}, never
 * has a wrong type accepted, and a refused parameter or field is named. Every mutating request is
 * sent between two readings of the service's database ({@link StoredState}): a refused one (4xx)
 * must leave it as it was. A service runs it with a {@code @QuarkusTest} subclass that hands over
 * its DataSource; a new endpoint is covered by being in the document.
 */
public abstract class ApiConventionsContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private JsonNode document;
    private StoredState storedState;
    /** What refused requests changed in the database, noted by {@link Operation#call} and asserted after each test. */
    private final List<String> storedByRefusals = new ArrayList<>();

    /**
     * The service's own database (its injected {@code AgroalDataSource}), read around every mutating
     * request to prove that a refused one stored nothing.
     */
    protected abstract javax.sql.DataSource database();

    /**
     * Tables the "nothing stored" check does not read, because no request writes them (see
     * {@link StoredState}); a service adds its own with the reason where it overrides this.
     */
    protected Set<String> notWrittenByRequests() {
        return StoredState.NOT_WRITTEN_BY_REQUESTS;
    }

    private StoredState storedState() {
        if (storedState == null) {
            storedState = new StoredState(database(), notWrittenByRequests());
        }
        return storedState;
    }

    /** A bearer token with every role, so that a refusal is never about who asks. */
    protected String allRolesToken() {
        return TestTokens.forPerson("convenciones@ine.mx", Set.of(Roles.CNCS, Roles.ACCOUNT_ADMIN, Roles.AREA_HEAD,
                Roles.COMMITTEE, Roles.TRANSPARENCY, Roles.INTEGRATION), Map.of());
    }

    /** Operations a service cannot let the suite call (say why where it is overridden); none by default. */
    protected boolean excluded(String method, String path) {
        return false;
    }

    @BeforeEach
    void readOwnDocument() throws Exception {
        if (document == null) {
            document = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        }
        assertThat(operations()).as("operations in the service's OpenAPI document").isNotEmpty();
        storedByRefusals.clear();
        // Events of earlier test classes may still be applied; the readings start once they are.
        storedState().awaitQuiet(10_000);
    }

    @AfterEach
    void expectNothingStoredByARefusedRequest() {
        assertThat(storedByRefusals).as("what refused (4xx) requests stored; a refusal must change nothing").isEmpty();
    }

    @Test
    void shouldRefuseHostileParametersAsProblemsNamingThem() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            for (JsonNode parameter : operation.parameters()) {
                String in = parameter.path("in").asText();
                if (!in.equals("query") && !in.equals("path")) {
                    continue;
                }
                String name = parameter.path("name").asText();
                JsonNode schema = resolve(parameter.path("schema"));
                for (String control : List.of("a\u0000b", "\u0007", "x\u001b[2J")) {
                    Response response = operation.call(Map.of(name, control), null, null);
                    expectRefusal(softly, operation, name + "=" + printable(control), response, 400);
                    expectParameterNamed(softly, operation, name, response);
                }
                for (String value : hostileValues(schema)) {
                    Response response = operation.call(Map.of(name, value), null, null);
                    String what = name + "=" + value;
                    if (mustRefuse(schema, value)) {
                        expectRefusal(softly, operation, what, response, 400);
                        expectParameterNamed(softly, operation, name, response);
                    } else {
                        expectNoServerError(softly, operation, what, response);
                    }
                    // The same value with every other query parameter given a plausible one, so that it reaches the operation.
                    Map<String, String> withOthers = operation.plausibleQuery();
                    if (in.equals("query") && withOthers.size() > 1) {
                        withOthers.put(name, value);
                        expectNoServerError(softly, operation, what + " (with the others)", operation.call(withOthers, null, null));
                    }
                }
            }
            // A parameter the operation does not declare is ignored, but never with a NUL in it.
            Response undeclared = operation.call(Map.of("campoX", "\u0000"), null, null);
            expectRefusal(softly, operation, "campoX=NUL", undeclared, 400);
        }
        softly.assertAll();
    }

    @Test
    void shouldNeverCoerceAWrongJsonTypeNorAcceptHostileText() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            JsonNode body = operation.jsonBodySchema();
            if (body == null) {
                continue;
            }
            JsonNode sample = sample(body, 0);
            for (FieldCase field : fields(sample, body, "")) {
                for (JsonNode hostile : wrongTypes(field.schema())) {
                    Response response = operation.call(Map.of(), "application/json", replaced(sample, field.path(), hostile));
                    expectRefusal(softly, operation, field.path() + "=" + hostile, response, 0);
                }
                for (JsonNode hostile : extremeValues(field.schema())) {
                    Response response = operation.call(Map.of(), "application/json", replaced(sample, field.path(), hostile));
                    expectNoServerError(softly, operation, field.path() + "=" + hostile, response);
                }
            }
            if (sample instanceof ObjectNode object) {
                ObjectNode unknown = object.deepCopy();
                unknown.put("campoDesconocido", "x");
                Response response = operation.call(Map.of(), "application/json", unknown.toString());
                expectRefusal(softly, operation, "campoDesconocido", response, 400);
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldAnswerOtherBodyTypesWithoutServerErrors() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            for (String mediaType : operation.bodyMediaTypes()) {
                if (mediaType.contains("json")) {
                    continue;
                }
                for (String content : List.of("a\u0000b\r\n", "\uFEFF", "\"x\";\"=cmd\"\n\u0007\n")) {
                    Response response = operation.call(Map.of(), mediaType, content);
                    expectNoServerError(softly, operation, mediaType + " " + printable(content), response);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldAnswerEveryListInOnePagedShapeAndAHugePageEmpty() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            if (!operation.method().equals("get") || !operation.answersPage() || operation.hasPathParameters()) {
                continue;
            }
            Response first = operation.call(Map.of(), null, null);
            softly.assertThat(first.statusCode()).as(operation + " lists").isEqualTo(200);
            JsonNode page = read(first);
            softly.assertThat(page.has("items") && page.has("page") && page.has("size") && page.has("total"))
                    .as(operation + " answers {items, page, size, total}: " + first.asString()).isTrue();
            softly.assertThat(page.path("size").asInt()).as(operation + " default size").isEqualTo(50);

            // api-conventions: a huge page is an empty page or a 400 naming it, never a 500.
            Response huge = operation.call(Map.of("page", "2147483647"), null, null);
            softly.assertThat(huge.statusCode()).as(operation + " page=2147483647: " + printable(huge.asString())).isIn(200, 400);
            if (huge.statusCode() == 200) {
                softly.assertThat(read(huge).path("items").size()).as(operation + " page=2147483647 is empty").isZero();
            } else {
                expectRefusal(softly, operation, "page=2147483647", huge, 400);
                expectParameterNamed(softly, operation, "page", huge);
            }

            for (String size : List.of("abc", "0", "501")) {
                Response wrong = operation.call(Map.of("size", size), null, null);
                expectRefusal(softly, operation, "size=" + size, wrong, 400);
                expectParameterNamed(softly, operation, "size", wrong);
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldSpeakEnglishWhenAskedFieldMessagesIncluded() {
        Operation listing = operations().stream().filter(o -> o.method().equals("get") && o.answersPage() && !o.hasPathParameters())
                .findFirst().orElse(null);
        Operation withBody = operations().stream().filter(o -> o.jsonBodySchema() != null
                && sample(o.jsonBodySchema(), 0) instanceof ObjectNode).findFirst().orElse(null);
        assertThat(listing != null || withBody != null).as("an operation to ask in English").isTrue();
        if (listing != null) {
            Response english = listing.call(Map.of("size", "abc"), null, null, "en");
            assertThat(english.contentType()).startsWith("application/problem+json");
            assertThat(read(english).path("title").asText()).isEqualTo("Invalid request");
            assertThat(read(english).path("errors").get(0).path("parameter").asText()).isEqualTo("size");
            assertThat(read(english).path("errors").get(0).path("message").asText()).startsWith("Must be");
            Response spanish = listing.call(Map.of("size", "abc"), null, null);
            assertThat(read(spanish).path("title").asText()).isEqualTo("Solicitud inválida");
            assertThat(read(spanish).path("errors").get(0).path("message").asText()).startsWith("Debe ser");
        }
        if (withBody != null) {
            ObjectNode sample = (ObjectNode) sample(withBody.jsonBodySchema(), 0);
            sample.put("campoDesconocido", 5);
            Response english = withBody.call(Map.of(), "application/json", sample.toString(), "en");
            assertThat(english.statusCode()).isEqualTo(400);
            assertThat(read(english).path("title").asText()).isEqualTo("Invalid request");
            assertThat(read(english).path("errors").toString()).contains("campoDesconocido").contains("Is not a field");
        }
    }

    @Test
    void shouldRefuseABodyJustOverTheLimitAsAProblem() {
        long limit = configuredBytes("api.max-body-size", "2M");
        Set<String> readAtTheLimit = new java.util.HashSet<>();
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            for (String mediaType : operation.bodyMediaTypes()) {
                // A multipart body (evidence files) has its own, larger limit and per-file limits, proved by
                // the evidence tests of the service that accepts files; its files are streamed to disk.
                if (mediaType.startsWith("multipart/")) {
                    continue;
                }
                byte[] over = paddedBody(mediaType, limit + 1);
                Response announced = operation.send(Map.of(), mediaType, over, null);
                expectRefusal(softly, operation, mediaType + " of " + over.length + " bytes with Content-Length", announced, 413);
                Response chunked = operation.callChunked(mediaType, over);
                expectRefusal(softly, operation, mediaType + " of " + over.length + " bytes chunked", chunked, 413);
                if (!readAtTheLimit.add(mediaType)) {
                    continue;
                }
                // At the limit the body is read (one operation per media type: the limit is one filter for all):
                // whatever the operation makes of it, it is not refused for its size.
                Response atLimit = operation.send(Map.of(), mediaType, paddedBody(mediaType, limit), null);
                expectNoServerError(softly, operation, mediaType + " of " + limit + " bytes", atLimit);
                softly.assertThat(atLimit.statusCode()).as(operation + " a body of exactly the limit is not too large").isNotEqualTo(413);
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseAHugeStringFieldNamingIt() {
        // Far beyond every field's maximum length (api.max-text-length, or its own @Size), well within the body limit.
        JsonNode huge = NODES.textNode("x".repeat(100_000));
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            JsonNode body = operation.jsonBodySchema();
            if (body == null) {
                continue;
            }
            JsonNode sample = sample(body, 0);
            // When the sample itself is refused naming fields (an id that must exist, a hash that must be uploaded), the
            // operation may stop at those before it reads the huge one: then it must only be refused.
            boolean sampleNamesFields = read(operation.call(Map.of(), "application/json", sample.toString())).path("errors")
                    .findValues("field").stream().anyMatch(field -> !field.asText().isEmpty());
            for (FieldCase field : fields(sample, body, "")) {
                JsonNode schema = field.schema();
                if (!schema.path("type").asText().equals("string") || schema.has("format") || schema.has("enum")) {
                    continue;
                }
                Response response = operation.call(Map.of(), "application/json", replaced(sample, field.path(), huge));
                expectRefusal(softly, operation, field.path() + "=<100000 characters>", response, sampleNamesFields ? 0 : 400);
                if (!sampleNamesFields) {
                    expectFieldNamed(softly, operation, field.path(), response);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseDeeplyNestedJsonAsAProblem() {
        int depth = 5_000;
        String nestedArrays = "[".repeat(depth) + "]".repeat(depth);
        String nestedObjects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            JsonNode body = operation.jsonBodySchema();
            if (body == null) {
                continue;
            }
            Response arrays = operation.call(Map.of(), "application/json", nestedArrays);
            expectRefusal(softly, operation, depth + " nested arrays", arrays, 400);
            Response objects = operation.call(Map.of(), "application/json", nestedObjects);
            expectRefusal(softly, operation, depth + " nested objects", objects, 400);
            JsonNode sample = sample(body, 0);
            if (sample instanceof ObjectNode object && object.size() > 0) {
                String first = object.fieldNames().next();
                String inField = replaced(sample, first, NODES.textNode("@@anidado@@")).replace("\"@@anidado@@\"", nestedArrays);
                Response response = operation.call(Map.of(), "application/json", inField);
                expectRefusal(softly, operation, first + "=" + depth + " nested arrays", response, 400);
            }
        }
        softly.assertAll();
    }

    /** The "nothing stored" check itself: a row written between two readings shows, and so does its removal. */
    @Test
    void shouldSeeARowWrittenBetweenTwoReadings() throws Exception {
        String aggregate = "sondeo-" + UUID.randomUUID();
        Map<String, String> before = storedState().read();
        try (var connection = database().getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("insert into aggregate_sequence (aggregate_id, last_sequence) values ('" + aggregate + "', 1)");
            assertThat(storedState().changedSince(before)).as("a row written shows").anySatisfy(
                    changed -> assertThat(changed).startsWith("aggregate_sequence "));
            statement.executeUpdate("delete from aggregate_sequence where aggregate_id = '" + aggregate + "'");
        }
        assertThat(storedState().changedSince(before)).as("removed again, the table reads as before").isEmpty();
    }

    /** A body of exactly {@code bytes} bytes of the media type: a JSON object with one long text field, or text. */
    private static byte[] paddedBody(String mediaType, long bytes) {
        String opening = mediaType.contains("json") ? "{\"relleno\":\"" : "";
        String closing = mediaType.contains("json") ? "\"}" : "";
        return (opening + "x".repeat((int) bytes - opening.length() - closing.length()) + closing).getBytes(StandardCharsets.UTF_8);
    }

    /** A memory size of the service's configuration ({@code 2M}, {@code 512K}, bytes), as Quarkus reads it. */
    private static long configuredBytes(String key, String fallback) {
        String value = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(key, String.class)
                .orElse(fallback).strip().toUpperCase(java.util.Locale.ROOT);
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
    }

    // --- the operations of the document -------------------------------------------------------

    /** One operation of the document, callable with hostile values in one place. */
    protected final class Operation {
        private final String method;
        private final String path;
        private final JsonNode node;

        Operation(String method, String path, JsonNode node) {
            this.method = method;
            this.path = path;
            this.node = node;
        }

        String method() {
            return method;
        }

        /** True when the document lists this status for the operation: the document must not hide an answer. */
        boolean documents(int status) {
            return node.path("responses").has(Integer.toString(status)) || node.path("responses").has("default");
        }

        List<JsonNode> parameters() {
            List<JsonNode> all = new ArrayList<>();
            node.path("parameters").forEach(p -> all.add(resolve(p)));
            return all;
        }

        /** Every query parameter with its example, or a value of its declared type. */
        Map<String, String> plausibleQuery() {
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode parameter : parameters()) {
                if (parameter.path("in").asText().equals("query") && !parameter.path("name").asText().equals("page")) {
                    JsonNode schema = resolve(parameter.path("schema"));
                    JsonNode example = parameter.has("example") ? parameter.path("example") : schema.path("example");
                    values.put(parameter.path("name").asText(), example.isValueNode() ? example.asText() : harmless(schema));
                }
            }
            return values;
        }

        boolean hasPathParameters() {
            return parameters().stream().anyMatch(p -> p.path("in").asText().equals("path"));
        }

        List<String> bodyMediaTypes() {
            List<String> types = new ArrayList<>();
            resolve(node.path("requestBody")).path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        JsonNode jsonBodySchema() {
            JsonNode content = resolve(node.path("requestBody")).path("content");
            for (Iterator<String> types = content.fieldNames(); types.hasNext(); ) {
                String type = types.next();
                if (type.contains("json")) {
                    return resolve(content.path(type).path("schema"));
                }
            }
            return null;
        }

        boolean answersPage() {
            JsonNode schema = resolve(node.path("responses").path("200").path("content").path("application/json").path("schema"));
            JsonNode properties = schema.path("properties");
            return properties.has("items") && properties.has("page") && properties.has("size") && properties.has("total");
        }

        Response call(Map<String, String> values, String contentType, String body) {
            return call(values, contentType, body, null);
        }

        Response call(Map<String, String> values, String contentType, String body, String language) {
            return send(values, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), language);
        }

        /** Calls the operation with {@code values} for the named parameters and harmless ones for the other path parameters. */
        Response send(Map<String, String> values, String contentType, byte[] body, String language) {
            String target = path;
            Map<String, String> query = new LinkedHashMap<>();
            for (JsonNode parameter : parameters()) {
                String name = parameter.path("name").asText();
                if (parameter.path("in").asText().equals("path")) {
                    String value = values.getOrDefault(name, harmless(resolve(parameter.path("schema"))));
                    target = target.replace("{" + name + "}", encode(value));
                }
            }
            values.forEach((name, value) -> {
                if (!path.contains("{" + name + "}")) {
                    query.put(name, value);
                }
            });
            StringBuilder url = new StringBuilder(target);
            String separator = "?";
            for (var entry : query.entrySet()) {
                url.append(separator).append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
                separator = "&";
            }
            RequestSpecification request = given().urlEncodingEnabled(false).auth().oauth2(allRolesToken());
            if (language != null) {
                request.header("Accept-Language", language);
            }
            if (body != null) {
                request.contentType(contentType).body(body);
            } else if (!bodyMediaTypes().isEmpty()) {
                String type = bodyMediaTypes().getFirst();
                JsonNode schema = jsonBodySchema();
                // Bytes, not a String: rest-assured cannot encode a String as multipart without parts.
                request.contentType(type).body((type.contains("json") && schema != null ? sample(schema, 0).toString() : "")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return refusalsStoreNothing(() -> request.request(method.toUpperCase(), url.toString()), url, body);
        }

        /**
         * Sends a mutating request between two readings of the database, and notes what a refused one
         * (4xx) changed: a refusal changes nothing (api-conventions, "Bad input ... changes nothing").
         */
        private Response refusalsStoreNothing(java.util.function.Supplier<Response> send, CharSequence url, byte[] body) {
            if (method.equals("get")) {
                return send.get();
            }
            Map<String, String> before = storedState().read();
            Response response = send.get();
            if (response.statusCode() >= 400 && response.statusCode() < 500) {
                List<String> changed = storedState().changedSince(before);
                if (!changed.isEmpty()) {
                    String sent = body == null ? "" : printable(new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8));
                    storedByRefusals.add(method.toUpperCase() + " " + printable(url.toString()) + " " + sent + " answered "
                            + response.statusCode() + " yet changed " + changed);
                }
            }
            return response;
        }

        /** Sends {@code body} with no announced length (chunked), so that only the counting reader can stop it. */
        Response callChunked(String contentType, byte[] body) {
            String target = path;
            for (JsonNode parameter : parameters()) {
                if (parameter.path("in").asText().equals("path")) {
                    target = target.replace("{" + parameter.path("name").asText() + "}", encode(harmless(resolve(parameter.path("schema")))));
                }
            }
            String url = target;
            // A stream of unknown length: rest-assured sends it chunked, without Content-Length.
            return refusalsStoreNothing(() -> given().urlEncodingEnabled(false).auth().oauth2(allRolesToken()).contentType(contentType)
                    .body(new java.io.ByteArrayInputStream(body)).request(method.toUpperCase(), url), url, body);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    protected List<Operation> operations() {
        List<Operation> found = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey()) && !excluded(entry.getKey(), path.getKey())) {
                ObjectNode operation = entry.getValue().deepCopy();
                // Parameters common to the path belong to every operation on it.
                if (path.getValue().has("parameters")) {
                    ArrayNode all = NODES.arrayNode();
                    path.getValue().path("parameters").forEach(all::add);
                    operation.path("parameters").forEach(all::add);
                    operation.set("parameters", all);
                }
                found.add(new Operation(entry.getKey(), path.getKey(), operation));
            }
        }));
        return found;
    }

    // --- hostile values ------------------------------------------------------------------------

    private static List<String> hostileValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("abc", "../", "2147483648", "-1", "1e309", "7.5", "maybe",
                "+999999999-12-31T23:59:59Z", "0000-01-01", "x".repeat(1000)));
        if (schema.has("enum")) {
            values.add(schema.path("enum").get(0).asText().toLowerCase() + "x");
        }
        return values;
    }

    /** Whether {@code value} is not of the parameter's declared type (so it must be a 400). */
    private static boolean mustRefuse(JsonNode schema, String value) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            for (JsonNode constant : schema.path("enum")) {
                if (constant.asText().equals(value)) {
                    return false;
                }
            }
            return true;
        }
        return switch (type) {
            case "integer" -> !value.matches("-?[0-9]+") || (format.equals("int32") && Long.parseLong(value) > Integer.MAX_VALUE);
            case "number" -> !value.matches("-?[0-9]+(\\.[0-9]+)?");
            case "boolean" -> true;
            case "string" -> switch (format) {
                case "uuid", "date", "date-time" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    private static String harmless(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> switch (schema.path("format").asText()) {
                case "uuid" -> UUID.randomUUID().toString();
                case "date" -> "2031-03-05";
                case "date-time" -> "2031-03-05T10:00:00Z";
                default -> schema.has("enum") ? schema.path("enum").get(0).asText() : "x";
            };
        };
    }

    /** Values of the wrong JSON type for the field, or text no field accepts: each must be refused. */
    private static List<JsonNode> wrongTypes(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        String format = schema.path("format").asText();
        switch (schema.path("type").asText()) {
            case "string" -> {
                values.add(NODES.numberNode(5));
                values.add(NODES.booleanNode(true));
                values.add(NODES.textNode("a\u0000b"));
                values.add(NODES.textNode("a\u0007b"));
                values.add(NODES.arrayNode().add(2031).add(3).add(5));
                if (format.equals("date") || format.equals("date-time")) {
                    values.add(NODES.numberNode(1930000000));
                    values.add(NODES.textNode(format.equals("date") ? "0000-01-01" : "0000-01-01T00:00:00Z"));
                    values.add(NODES.textNode(format.equals("date") ? "+999999999-12-31" : "+999999999-12-31T23:59:59Z"));
                }
                if (format.equals("uuid")) {
                    values.add(NODES.textNode("abc"));
                }
                if (schema.has("enum")) {
                    values.add(NODES.textNode(schema.path("enum").get(0).asText().toLowerCase() + "x"));
                }
            }
            case "integer" -> {
                values.add(NODES.textNode("7"));
                values.add(NODES.numberNode(7.5));
                values.add(NODES.booleanNode(true));
                values.add(NODES.numberNode(new java.math.BigDecimal("1e309")));
                if (!format.equals("int64")) {
                    values.add(NODES.numberNode(2147483648L));
                }
            }
            case "number" -> {
                values.add(NODES.textNode("7"));
                values.add(NODES.booleanNode(true));
            }
            case "boolean" -> {
                values.add(NODES.numberNode(1));
                values.add(NODES.textNode("true"));
            }
            case "array" -> values.add(NODES.textNode("x"));
            case "object" -> values.add(NODES.numberNode(5));
            default -> {
            }
        }
        return values;
    }

    /** Values of the right type at the edges: never a 5xx, whatever the operation makes of them. */
    private static List<JsonNode> extremeValues(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "number" -> List.of(NODES.numberNode(new java.math.BigDecimal("1e309")), NODES.numberNode(-1));
            case "string" -> schema.has("format") || schema.has("enum") ? List.of()
                    : List.of(NODES.textNode("x".repeat(20000)), NODES.textNode("../../etc/passwd"), NODES.textNode("=cmd|' /C calc'!A0"));
            default -> List.of();
        };
    }

    private record FieldCase(String path, JsonNode schema) {
    }

    /** Every field of the sample body with its schema, nested ones as {@code a.b} and {@code a[0].b}. */
    private List<FieldCase> fields(JsonNode sample, JsonNode schema, String prefix) {
        List<FieldCase> found = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (sample instanceof ObjectNode object) {
            JsonNode properties = properties(resolved);
            object.fieldNames().forEachRemaining(name -> {
                JsonNode fieldSchema = resolve(properties.path(name));
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                found.add(new FieldCase(path, fieldSchema));
                found.addAll(fields(object.get(name), fieldSchema, path));
            });
        } else if (sample instanceof ArrayNode array && !array.isEmpty()) {
            JsonNode items = resolve(resolved.path("items"));
            found.add(new FieldCase(prefix + "[0]", items));
            found.addAll(fields(array.get(0), items, prefix + "[0]"));
        }
        return found;
    }

    private static String replaced(JsonNode sample, String path, JsonNode value) {
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy;
        String[] steps = java.util.Arrays.stream(path.replace("[", ".[").split("\\.")).filter(step -> !step.isEmpty())
                .toArray(String[]::new);
        for (int i = 0; i < steps.length && parent != null; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            if (step.startsWith("[")) {
                int index = Integer.parseInt(step.substring(1, step.length() - 1));
                if (last) {
                    ((ArrayNode) parent).set(index, value);
                } else {
                    parent = parent.get(index);
                }
            } else if (last) {
                ((ObjectNode) parent).set(step, value);
            } else {
                parent = parent.get(step);
            }
        }
        return copy.toString();
    }

    /** A plausible value of the schema: every property present, lists of one element. */
    protected JsonNode sample(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (resolved.has("allOf") || resolved.has("oneOf") || resolved.has("anyOf")) {
            JsonNode first = resolved.has("allOf") ? resolved.path("allOf").get(0)
                    : resolved.has("oneOf") ? resolved.path("oneOf").get(0) : resolved.path("anyOf").get(0);
            if (!properties(resolved).isEmpty()) {
                first = resolved;
            } else {
                return sample(first, depth + 1);
            }
        }
        if (resolved.has("enum")) {
            return NODES.textNode(resolved.path("enum").get(0).asText());
        }
        String type = resolved.path("type").asText(properties(resolved).isEmpty() ? "string" : "object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                properties(resolved).fields().forEachRemaining(p -> {
                    if (!resolve(p.getValue()).path("readOnly").asBoolean()) {
                        object.set(p.getKey(), sample(p.getValue(), depth + 1));
                    }
                });
                yield object;
            }
            case "array" -> NODES.arrayNode().add(sample(resolved.path("items"), depth + 1));
            case "integer", "number" -> NODES.numberNode(resolved.has("minimum") ? resolved.path("minimum").asLong() : 1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(harmless(resolved));
        };
    }

    private JsonNode properties(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        if (!properties.isMissingNode()) {
            return properties;
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.path("allOf").forEach(part -> merged.setAll((ObjectNode) properties(resolve(part)).deepCopy()));
            return merged;
        }
        return NODES.objectNode();
    }

    /** Follows a {@code $ref} into the document's components. */
    protected JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String reference = current.path("$ref").asText();
            current = document.at(reference.substring(1));
        }
        return current == null ? NODES.missingNode() : current;
    }

    // --- expectations --------------------------------------------------------------------------

    private static void expectNoServerError(SoftAssertions softly, Operation operation, String what, Response response) {
        softly.assertThat(response.statusCode()).as(operation + " " + printable(what) + " answered " + response.asString())
                .isLessThan(500);
        expectDocumented(softly, operation, what, response);
        if (response.statusCode() >= 400) {
            expectProblem(softly, operation, what, response);
        }
    }

    /** @param status the exact status, or 0 for any 4xx */
    private static void expectRefusal(SoftAssertions softly, Operation operation, String what, Response response, int status) {
        String as = operation + " " + printable(what) + " answered " + printable(response.asString());
        if (status == 0) {
            softly.assertThat(response.statusCode()).as(as).isBetween(400, 499);
        } else {
            softly.assertThat(response.statusCode()).as(as).isEqualTo(status);
        }
        expectDocumented(softly, operation, what, response);
        if (response.statusCode() >= 400) {
            expectProblem(softly, operation, what, response);
        }
    }

    private static void expectDocumented(SoftAssertions softly, Operation operation, String what, Response response) {
        softly.assertThat(operation.documents(response.statusCode()))
                .as(operation + " " + printable(what) + " answered " + response.statusCode()
                        + ", a status its OpenAPI responses do not list").isTrue();
    }

    private static void expectProblem(SoftAssertions softly, Operation operation, String what, Response response) {
        String as = operation + " " + printable(what);
        softly.assertThat(response.contentType()).as(as + " is a problem").startsWith("application/problem+json");
        JsonNode problem = read(response);
        softly.assertThat(problem.path("status").asInt()).as(as + " problem status").isEqualTo(response.statusCode());
        softly.assertThat(problem.path("title").asText()).as(as + " problem title").isNotBlank();
    }

    private static void expectParameterNamed(SoftAssertions softly, Operation operation, String name, Response response) {
        if (response.statusCode() != 400) {
            return;
        }
        List<String> named = new ArrayList<>();
        read(response).path("errors").forEach(e -> named.add(e.path("parameter").asText()));
        softly.assertThat(named).as(operation + " names the parameter " + name + ": " + printable(response.asString())).contains(name);
    }

    private static void expectFieldNamed(SoftAssertions softly, Operation operation, String field, Response response) {
        if (response.statusCode() != 400) {
            return;
        }
        List<String> named = new ArrayList<>();
        read(response).path("errors").forEach(e -> named.add(e.path("field").asText()));
        softly.assertThat(named).as(operation + " names the field " + field + ": " + printable(response.asString())).contains(field);
    }

    private static JsonNode read(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (Exception notJson) {
            return NODES.objectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String printable(String text) {
        String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(Character.getType(c) == Character.CONTROL ? String.format("\\u%04X", c) : Character.toString(c)));
        return out.toString();
    }
}
