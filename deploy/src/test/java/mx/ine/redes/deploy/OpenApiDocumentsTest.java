package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four services' OpenAPI documents, as each build wrote them ({@code <service>/target/openapi/},
 * {@code quarkus.smallrye-openapi.store-schema-directory}): what a client generator needs is there,
 * and Redocly's linter with its recommended rules ({@code deploy/redocly.yaml}) passes on them.
 */
class OpenApiDocumentsTest {

    static final String REDOCLY_VERSION = "2.77.0";
    /** Operations anybody may call without a token (README: health, metrics, OpenAPI, the public check and the open data). */
    static final Set<String> PUBLIC_OPERATIONS = Set.of("GET /api/public/verify", "GET /api/public/accounts",
            "GET /api/public/accounts.csv");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    static final String PROBLEM = "application/problem+json";

    private static Path root;
    private static Map<String, JsonNode> documents;

    @BeforeAll
    static void readTheDocuments() throws IOException {
        Path deploy = Files.isRegularFile(Path.of("deploy", "redocly.yaml")) ? Path.of("deploy") : Path.of(".");
        root = deploy.toAbsolutePath().resolve("..").normalize();
        documents = new LinkedHashMap<>();
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            Path file = openApiFile(service);
            assertThat(file).as("%s: OpenAPI document written by its build", service.name()).isRegularFile();
            documents.put(service.name(), new ObjectMapper().readTree(file.toFile()));
        }
    }

    @Test
    void shouldNameEveryOperationUniquelyForAClientGenerator() {
        SoftAssertions.assertSoftly(softly -> documents.forEach((service, document) -> {
            List<String> ids = new ArrayList<>();
            operations(document).forEach((name, operation) -> {
                softly.assertThat(operation.path("operationId").asText()).as("%s: operationId of %s", service, name)
                        .matches("[a-z][A-Za-z0-9]*");
                ids.add(operation.path("operationId").asText());
            });
            softly.assertThat(ids).as("%s: operationIds", service).doesNotHaveDuplicates();
            softly.assertThat(document.path("servers").path(0).path("url").asText()).as("%s: servers", service)
                    .startsWith("http");
        }));
    }

    @Test
    void shouldRequireATokenOnEveryOperationButThePublicCheck() {
        SoftAssertions.assertSoftly(softly -> documents.forEach((service, document) ->
                operations(document).forEach((name, operation) -> {
                    if (PUBLIC_OPERATIONS.contains(name)) {
                        softly.assertThat(operation.path("security").isEmpty()).as("%s: %s is public", service, name).isTrue();
                        return;
                    }
                    softly.assertThat(operation.path("security").path(0).has("SecurityScheme"))
                            .as("%s: %s requires the bearer token", service, name).isTrue();
                    softly.assertThat(operation.path("responses").path("401").path("content").has(PROBLEM))
                            .as("%s: %s answers 401 as a problem", service, name).isTrue();
                    softly.assertThat(operation.path("responses").path("403").path("content").has(PROBLEM))
                            .as("%s: %s answers 403 as a problem", service, name).isTrue();
                })));
    }

    @Test
    void shouldListTheGenericProblemResponsesWithTheProblemSchemaAndASpanishExample() {
        SoftAssertions.assertSoftly(softly -> documents.forEach((service, document) -> {
            softly.assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("errors"))
                    .as("%s: the Problem schema", service).isTrue();
            operations(document).forEach((name, operation) -> {
                List<String> expected = new ArrayList<>(List.of("400", "500", "503"));
                if (operation.has("requestBody")) {
                    expected.addAll(List.of("413", "415"));
                }
                for (String status : expected) {
                    JsonNode problem = operation.path("responses").path(status).path("content").path(PROBLEM);
                    softly.assertThat(problem.path("schema").path("$ref").asText())
                            .as("%s: %s answers %s with the Problem schema", service, name, status)
                            .isEqualTo("#/components/schemas/Problem");
                }
                JsonNode example = operation.path("responses").path("400").path("content").path(PROBLEM)
                        .path("examples").path("es").path("value");
                if (!example.isMissingNode()) {
                    softly.assertThat(example.path("title").asText()).as("%s: %s 400 example", service, name)
                            .isEqualTo("Petición inválida");
                }
                softly.assertThat(operation.path("responses").properties().stream().map(Map.Entry::getKey)
                                .filter(status -> status.startsWith("2")).toList())
                        .as("%s: %s says what it answers on success", service, name).isNotEmpty();
            });
        }));
    }

    @Test
    void shouldPassRedoclysRecommendedRules() throws Exception {
        Path redocly = installRedocly();
        List<String> command = new ArrayList<>(List.of(redocly.toString(), "lint", "--format=stylish",
                "--config=" + root.resolve("deploy/redocly.yaml")));
        for (ServiceProcess.Service service : ServiceProcess.SERVICES) {
            command.add(openApiFile(service).toString());
        }
        Result lint = run(command, root, 3);
        System.out.println("redocly lint of the four OpenAPI documents:\n" + lint.output());
        assertThat(lint.exitCode()).as("redocly lint (recommended rules):%n%s", lint.output()).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    private static Path openApiFile(ServiceProcess.Service service) {
        return root.resolve(service.name()).resolve("target/openapi/openapi.json");
    }

    /** "GET /api/x" -> operation, in document order. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    /** The pinned linter in deploy/target/redocly, installed by npm without a lockfile unless already there. */
    private static Path installRedocly() throws Exception {
        Path prefix = root.resolve("deploy/target/redocly");
        Path binary = prefix.resolve("node_modules/.bin/redocly");
        if (Files.isExecutable(binary) && Files.readString(prefix.resolve("node_modules/@redocly/cli/package.json"))
                .contains("\"version\": \"" + REDOCLY_VERSION + "\"")) {
            return binary;
        }
        Files.createDirectories(prefix);
        Result install = run(List.of("npm", "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
                "--prefix", prefix.toString(), "@redocly/cli@" + REDOCLY_VERSION), prefix, 10);
        assertThat(install.exitCode()).as("npm install @redocly/cli@%s:%n%s", REDOCLY_VERSION, install.output()).isZero();
        return binary;
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path directory, int minutes) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = builder.start();
        } catch (java.io.IOException e) {
            throw new AssertionError("Cannot run " + command.getFirst() + ": the OpenAPI lint needs Node.js with npm on the PATH", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
