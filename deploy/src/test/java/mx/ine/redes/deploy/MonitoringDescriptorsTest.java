package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring of the compose stack, checked without Docker: Prometheus (deploy/prometheus) scrapes every
 * service's metrics where the service serves them, Grafana (deploy/grafana) is provisioned with that Prometheus and
 * the dashboards, every file compose mounts exists, and every metric a dashboard queries is one a service registers
 * (reporting-service's business gauges, service-support's dead-letter gauge). That the running service exposes them
 * with the expected values is reporting-service's BusinessGaugesTest.
 */
class MonitoringDescriptorsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\s*(?:\\{|\\))");

    private static Path deploy;
    private static Path root;
    private static JsonNode compose;
    private static JsonNode prometheus;
    private static JsonNode datasources;
    private static JsonNode providers;
    private static Map<String, JsonNode> dashboards;

    @BeforeAll
    static void readEverything() throws IOException {
        deploy = Files.isRegularFile(Path.of("deploy", "docker-compose.yml")) ? Path.of("deploy") : Path.of(".");
        root = deploy.resolve("..").normalize();
        compose = YAML.readTree(deploy.resolve("docker-compose.yml").toFile());
        prometheus = YAML.readTree(deploy.resolve("prometheus/prometheus.yml").toFile());
        datasources = YAML.readTree(deploy.resolve("grafana/provisioning/datasources/prometheus.yml").toFile());
        providers = YAML.readTree(deploy.resolve("grafana/provisioning/dashboards/redes-ine.yml").toFile());
        dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(deploy.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), new ObjectMapper().readTree(file.toFile()));
            }
        }
    }

    @Test
    void shouldScrapeEveryServiceOnItsManagementPort() throws IOException {
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            for (JsonNode config : job.path("static_configs")) {
                for (JsonNode target : config.path("targets")) {
                    targets.put(job.path("job_name").asText(), target.asText());
                }
            }
            paths.put(job.path("job_name").asText(), job.path("metrics_path").asText());
        }
        List<String> services = serviceModules();
        assertThat(targets.keySet()).containsExactlyInAnyOrderElementsOf(services);
        Map<String, String> managementPorts = new LinkedHashMap<>();
        for (String service : services) {
            Properties properties = properties(root.resolve(service).resolve("src/main/resources/application.properties"));
            managementPorts.put(service, defaultOf(properties.getProperty("quarkus.management.port")));
        }
        SoftAssertions.assertSoftly(softly -> {
            for (String service : services) {
                String port = managementPorts.get(service);
                softly.assertThat(targets.get(service)).as("%s: Prometheus target (compose host:management port)", service)
                        .isEqualTo(service + ":" + port);
                softly.assertThat(compose.path("services").path(service).isObject()).as("compose service %s", service).isTrue();
                softly.assertThat(paths.get(service)).as("%s: metrics path", service).isEqualTo("/q/metrics");
            }
        });
    }

    @Test
    void shouldMountOnlyFilesThatExistAndProvisionGrafanaFromThem() {
        JsonNode grafana = compose.path("services").path("grafana");
        JsonNode prometheusService = compose.path("services").path("prometheus");
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode service : List.of(grafana, prometheusService)) {
            for (JsonNode volume : service.path("volumes")) {
                String[] parts = volume.asText().split(":");
                if (parts[0].startsWith("./")) {
                    mounts.put(parts[1], parts[0]);
                }
            }
        }
        SoftAssertions.assertSoftly(softly -> {
            mounts.forEach((target, source) -> softly.assertThat(deploy.resolve(source)).as("compose mounts %s", source).exists());
            softly.assertThat(mounts).containsEntry("/etc/prometheus/prometheus.yml", "./prometheus/prometheus.yml")
                    .containsEntry("/etc/grafana/provisioning", "./grafana/provisioning");
            String dashboardsPath = providers.path("providers").get(0).path("options").path("path").asText();
            softly.assertThat(mounts).as("the dashboard provider's path is where compose mounts deploy/grafana/dashboards")
                    .containsEntry(dashboardsPath, "./grafana/dashboards");
            softly.assertThat(textList(prometheusService.path("command")))
                    .contains("--config.file=/etc/prometheus/prometheus.yml");
            JsonNode source = datasources.path("datasources").get(0);
            softly.assertThat(source.path("type").asText()).isEqualTo("prometheus");
            softly.assertThat(source.path("url").asText()).isEqualTo("http://prometheus:9090");
            softly.assertThat(grafana.path("environment").path("GF_SECURITY_ADMIN_PASSWORD").asText())
                    .as("Grafana's admin password comes from deploy/.env, never a literal").startsWith("${");
            softly.assertThat(dashboards).as("dashboards in deploy/grafana/dashboards").isNotEmpty();
        });
    }

    @Test
    void shouldQueryOnlyTheProvisionedDataSourceAndMetricsTheServicesRegister() throws IOException {
        String uid = datasources.path("datasources").get(0).path("uid").asText();
        Set<String> registered = registeredMetrics();
        SoftAssertions.assertSoftly(softly -> dashboards.forEach((file, dashboard) -> {
            List<JsonNode> sources = new ArrayList<>();
            List<String> expressions = new ArrayList<>();
            collect(dashboard, sources, expressions);
            softly.assertThat(expressions).as("%s: queries", file).isNotEmpty();
            for (JsonNode source : sources) {
                softly.assertThat(source.path("uid").asText()).as("%s: data source", file).isEqualTo(uid);
            }
            Set<String> queried = new TreeSet<>();
            for (String expression : expressions) {
                Matcher names = METRIC.matcher(expression);
                while (names.find()) {
                    queried.add(names.group(1));
                }
            }
            softly.assertThat(registered).as("%s: every metric it queries %s is registered by a service", file, queried)
                    .containsAll(queried);
        }));
    }

    /**
     * The gauges the code registers, read from its sources: reporting-service's BusinessGauges names and
     * service-support's DeadLetterGauges, as Prometheus spells them (dots as underscores).
     */
    private static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        String business = Files.readString(root.resolve(
                "reporting-service/src/main/java/mx/ine/redes/reporting/service/BusinessGauges.java"));
        Matcher constants = Pattern.compile("public static final String [A-Z_]+ = \"([a-z.]+)\"").matcher(business);
        while (constants.find()) {
            names.add(constants.group(1).replace('.', '_'));
        }
        String deadLetters = Files.readString(root.resolve(
                "service-support/src/main/java/mx/ine/redes/support/consumer/DeadLetterGauges.java"));
        Matcher gauge = Pattern.compile("GAUGE = \"([a-z.]+)\"").matcher(deadLetters);
        assertThat(gauge.find()).as("DeadLetterGauges.GAUGE").isTrue();
        names.add(gauge.group(1).replace('.', '_'));
        assertThat(names).as("gauges found in the sources").hasSizeGreaterThan(1);
        return names;
    }

    /** Every data source a panel or target names, and every query expression, anywhere in the dashboard. */
    private static void collect(JsonNode node, List<JsonNode> sources, List<String> expressions) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("datasource") && entry.getValue().isObject()) {
                    sources.add(entry.getValue());
                } else if (entry.getKey().equals("expr") && entry.getValue().isTextual()) {
                    expressions.add(entry.getValue().asText());
                } else {
                    collect(entry.getValue(), sources, expressions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, sources, expressions));
        }
    }

    private static List<String> serviceModules() throws IOException {
        return Pattern.compile("<module>([^<]+-service)</module>").matcher(Files.readString(root.resolve("pom.xml")))
                .results().map(m -> m.group(1).trim()).toList();
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** {@code ${MANAGEMENT_PORT:9084}} → {@code 9084}. */
    private static String defaultOf(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}").matcher(value.trim());
        return m.matches() ? m.group(1) : value.trim();
    }

    private static List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }
}
