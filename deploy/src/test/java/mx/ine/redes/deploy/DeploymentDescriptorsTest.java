package mx.ine.redes.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mx.ine.redes.events.Topics;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the deployment descriptors (docker-compose.yml with its PostgreSQL init script, the
 * services' Dockerfiles and the Kustomize base in k8s/base) against the services' own configuration,
 * read from disk: each service's application.properties and the shared
 * META-INF/microprofile-config.properties of service-support.
 *
 * <p>Nothing about the services is written here: their ports, the environment variables they
 * understand (every {@code ${NAME:default}} placeholder), the variables that reach PostgreSQL, Kafka
 * and the token issuer, their databases and the topics they use all come from those files (and from
 * {@link Topics#ALL}), so a change there that the descriptors do not follow turns this test red.
 */
class DeploymentDescriptorsTest {

    /** {@code ${NAME}} or {@code ${NAME:default}} in a MicroProfile Config value. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    /** A compose interpolation: {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}}. */
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?-][^}]*)?}$");

    private static final String HTTP_PORT = "quarkus.http.port";
    private static final String MANAGEMENT_PORT = "quarkus.management.port";
    private static final String DATABASE_URL = "quarkus.datasource.jdbc.url";
    private static final String DATABASE_USER = "quarkus.datasource.username";
    private static final String DATABASE_PASSWORD = "quarkus.datasource.password";
    private static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";
    private static final String JWT_ISSUER = "mp.jwt.verify.issuer";
    private static final String JWT_AUDIENCE = "mp.jwt.verify.audiences";
    private static final String JWT_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    /** What a service needs to reach its infrastructure in production; each must be set by the descriptors. */
    private static final List<String> INFRASTRUCTURE_PROPERTIES =
            List.of(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, KAFKA_BOOTSTRAP, JWT_ISSUER, JWT_AUDIENCE,
                    JWT_KEY_LOCATION);

    private static final String NAMESPACE = "redes-ine";
    private static final int TOPIC_PARTITIONS = 6;
    private static final int TOPIC_REPLICAS = 3;

    private static final YAMLMapper YAML = new YAMLMapper();

    private static Path deployDir;
    private static List<ServiceConfig> services;
    private static JsonNode compose;
    private static Path k8sBase;
    private static Map<String, List<JsonNode>> k8sFiles;
    private static List<JsonNode> k8s;

    @BeforeAll
    static void readEverything() throws IOException {
        deployDir = Files.isRegularFile(Path.of("deploy", "docker-compose.yml")) ? Path.of("deploy") : Path.of(".");
        Path root = deployDir.resolve("..").normalize();
        Properties shared = properties(root.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"));

        String rootPom = Files.readString(root.resolve("pom.xml"));
        List<String> serviceModules = Pattern.compile("<module>([^<]+-service)</module>").matcher(rootPom)
                .results().map(m -> m.group(1).trim()).toList();
        assertThat(serviceModules).as("service modules in the root pom").isNotEmpty();
        services = serviceModules.stream()
                .map(name -> new ServiceConfig(name, root.resolve(name),
                        properties(root.resolve(name).resolve("src/main/resources/application.properties")), shared))
                .toList();

        compose = readAll(deployDir.resolve("docker-compose.yml")).getFirst();

        k8sBase = deployDir.resolve("k8s/base");
        k8sFiles = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(k8sBase)) {
            for (Path file : files.filter(DeploymentDescriptorsTest::isYaml).sorted().toList()) {
                k8sFiles.put(file.getFileName().toString(), readAll(file));
            }
        }
        k8s = k8sFiles.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("kustomization."))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    // ------------------------------------------------------------------------------------------
    // Ports
    // ------------------------------------------------------------------------------------------

    @Test
    void shouldExposeEachServiceOnItsOwnPort() {
        assertThat(services.stream().map(ServiceConfig::port).toList())
                .as("the services' ports (%s in application.properties)", HTTP_PORT)
                .doesNotHaveDuplicates();
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                int port = service.port();
                String portVariable = service.variableOf(HTTP_PORT);

                JsonNode composeService = composeService(service.name());
                softly.assertThat(publishedPorts(composeService))
                        .as("%s: compose ports (host:container)", service.name())
                        .contains(port + ":" + port);
                softly.assertThat(composeEnvironment(composeService).getOrDefault(portVariable, String.valueOf(port)))
                        .as("%s: %s in compose", service.name(), portVariable).isEqualTo(String.valueOf(port));
                softly.assertThat(healthcheckCommand(composeService))
                        .as("%s: compose healthcheck on the management port", service.name())
                        .contains(":" + service.managementPort() + "/");
                softly.assertThat(publishedPorts(composeService))
                        .as("%s: the management port is not published on the host", service.name())
                        .noneMatch(published -> published.endsWith(":" + service.managementPort()));

                softly.assertThat(dockerfile(service)).as("%s: Dockerfile.jvm", service.name())
                        .containsPattern("(?m)^EXPOSE\\s+(\\d+\\s+)*" + port + "\\b");

                JsonNode container = container(service);
                softly.assertThat(container.path("ports").findValuesAsText("containerPort"))
                        .as("%s: containerPorts (API, management)", service.name())
                        .containsExactly(String.valueOf(port), String.valueOf(service.managementPort()));
                softly.assertThat(k8sEnvironment(service).getOrDefault(portVariable, String.valueOf(port)))
                        .as("%s: %s in its ConfigMap/env", service.name(), portVariable).isEqualTo(String.valueOf(port));
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    softly.assertThat(containerPort(container, container.path(probe).path("httpGet").path("port")))
                            .as("%s: %s on the management port", service.name(), probe).isEqualTo(service.managementPort());
                }

                JsonNode k8sService = k8sResource("Service", service.name());
                JsonNode servicePorts = k8sService.path("spec").path("ports");
                softly.assertThat(servicePorts.size()).as("%s: Service ports", service.name()).isEqualTo(1);
                softly.assertThat(servicePorts.path(0).path("port").asInt())
                        .as("%s: Service port", service.name()).isEqualTo(port);
                JsonNode targetPort = servicePorts.path(0).path("targetPort");
                softly.assertThat(targetPort.isMissingNode() ? port : containerPort(container, targetPort))
                        .as("%s: Service targetPort", service.name()).isEqualTo(port);
                softly.assertThat(k8sService.path("spec").path("selector"))
                        .as("%s: the Service selects the Deployment's pods", service.name())
                        .isEqualTo(deployment(service).path("spec").path("selector").path("matchLabels"));
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // Environment variables
    // ------------------------------------------------------------------------------------------

    @Test
    void shouldSetOnlyEnvironmentVariablesTheServicesUnderstand() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                softly.assertThat(composeEnvironment(composeService(service.name())).keySet())
                        .as("%s: compose environment, against the variables its configuration reads %s",
                                service.name(), service.understood())
                        .isNotEmpty()
                        .isSubsetOf(service.understood());
                softly.assertThat(k8sEnvironment(service).keySet())
                        .as("%s: Kubernetes environment (ConfigMap and env), against the variables its configuration reads %s",
                                service.name(), service.understood())
                        .isNotEmpty()
                        .isSubsetOf(service.understood());
                softly.assertThat(container(service).path("envFrom").findValues("secretRef"))
                        .as("%s: envFrom a Secret sets variables nobody can check; use env with secretKeyRef",
                                service.name())
                        .isEmpty();
            }
        });
    }

    @Test
    void shouldSetEveryVariableTheServicesNeedToReachTheirInfrastructure() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                Set<String> needed = new LinkedHashSet<>();
                for (String property : INFRASTRUCTURE_PROPERTIES) {
                    needed.add(service.variableOf(property));
                }
                softly.assertThat(needed).as("%s: the variables behind %s", service.name(), INFRASTRUCTURE_PROPERTIES)
                        .contains("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
                                "JWT_ISSUER", "JWT_AUDIENCE", "JWT_PUBLIC_KEY_LOCATION");
                softly.assertThat(composeEnvironment(composeService(service.name())).keySet())
                        .as("%s: compose environment", service.name()).containsAll(needed);
                softly.assertThat(k8sEnvironment(service).keySet())
                        .as("%s: Kubernetes environment", service.name()).containsAll(needed);
                for (String variable : needed) {
                    softly.assertThat(composeEnvironment(composeService(service.name())).get(variable))
                            .as("%s: %s in compose", service.name(), variable).isNotBlank();
                }
            }
        });
    }

    @Test
    void shouldRefuseToStartInProductionWithoutDatabaseCredentials() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                for (String key : List.of(DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD)) {
                    softly.assertThat(service.prodDefaultOf(key))
                            .as("%s: %s in the prod profile has no default (a start without it fails)", service.name(), key)
                            .isEmpty();
                }
            }
        });
    }

    @Test
    void shouldGiveEveryServiceItsOwnManagementPortApartFromTheApi() {
        List<Integer> ports = new ArrayList<>();
        services.forEach(service -> ports.addAll(List.of(service.port(), service.managementPort())));
        assertThat(ports).as("API and management ports of every service").doesNotHaveDuplicates();
        assertThat(services.getFirst().shared().getProperty("quarkus.management.enabled")).isEqualTo("true");
    }

    @Test
    void shouldKeepDatabasePasswordsOutOfTheDescriptors() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                String passwordVariable = service.variableOf(DATABASE_PASSWORD);
                softly.assertThat(composeEnvironment(composeService(service.name())).get(passwordVariable))
                        .as("%s: %s in compose comes from the environment (deploy/.env), never a literal",
                                service.name(), passwordVariable)
                        .matches(COMPOSE_VARIABLE);
                softly.assertThat(configMapData(service).keySet())
                        .as("%s: ConfigMap", service.name()).doesNotContain(passwordVariable);
                softly.assertThat(secretKeyRef(service, passwordVariable))
                        .as("%s: %s comes from a Secret (secretKeyRef)", service.name(), passwordVariable)
                        .isPresent();
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // PostgreSQL
    // ------------------------------------------------------------------------------------------

    @Test
    void shouldPointEachServiceAtItsOwnDatabase() {
        assertThat(services.stream().map(ServiceConfig::database).toList())
                .as("each service has its own database").doesNotHaveDuplicates();
        SoftAssertions.assertSoftly(softly -> {
            Set<String> clusters = k8sNames("Cluster");
            for (ServiceConfig service : services) {
                String urlVariable = service.variableOf(DATABASE_URL);

                JdbcUrl composeUrl = JdbcUrl.parse(composeEnvironment(composeService(service.name())).get(urlVariable));
                softly.assertThat(composeUrl.database()).as("%s: database in compose %s", service.name(), urlVariable)
                        .isEqualTo(service.database());
                softly.assertThat(composeImage(composeUrl.host()))
                        .as("%s: compose %s host '%s' is the PostgreSQL container", service.name(), urlVariable,
                                composeUrl.host())
                        .startsWith("postgres:");

                JdbcUrl k8sUrl = JdbcUrl.parse(k8sEnvironment(service).get(urlVariable));
                softly.assertThat(k8sUrl.database()).as("%s: database in Kubernetes %s", service.name(), urlVariable)
                        .isEqualTo(service.database());
                softly.assertThat(clusters.stream().map(name -> name + "-rw").toList())
                        .as("%s: Kubernetes %s host is the read-write service of a CloudNativePG Cluster",
                                service.name(), urlVariable)
                        .contains(k8sUrl.host());
                softly.assertThat(k8sUrl.port()).as("%s: Kubernetes %s port", service.name(), urlVariable)
                        .isIn(-1, 5432);
            }
        });
    }

    @Test
    void shouldCreateEachDatabaseWithItsOwnerInComposePostgres() throws IOException {
        String sql = Files.readString(deployDir.resolve("compose/postgres-init.sql"));
        Map<String, String> owners = matches(sql, "(?i)CREATE\\s+DATABASE\\s+(\\w+)\\s+OWNER\\s+(\\w+)");
        Map<String, String> rolePasswordVariables = matches(sql, "(?i)CREATE\\s+ROLE\\s+(\\w+)\\s+[^;]*PASSWORD\\s+:'(\\w+)'");
        Map<String, String> psqlVariableSources = matches(sql, "\\\\getenv\\s+(\\w+)\\s+(\\w+)");

        JsonNode postgres = composeService("postgres");
        assertThat(textList(postgres.path("volumes")))
                .as("compose postgres mounts the init script")
                .anyMatch(v -> v.startsWith("./compose/postgres-init.sql:/docker-entrypoint-initdb.d/"));
        Map<String, String> postgresEnvironment = composeEnvironment(postgres);

        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                Map<String, String> environment = composeEnvironment(composeService(service.name()));
                String user = environment.get(service.variableOf(DATABASE_USER));
                softly.assertThat(owners).as("%s: postgres-init.sql creates its database", service.name())
                        .containsKey(service.database());
                softly.assertThat(owners.get(service.database()))
                        .as("%s: owner of database %s is its %s", service.name(), service.database(),
                                service.variableOf(DATABASE_USER))
                        .isEqualTo(user);

                // The role's password and the service's DATABASE_PASSWORD come from the same compose variable.
                String psqlVariable = rolePasswordVariables.get(user);
                softly.assertThat(psqlVariable).as("%s: postgres-init.sql creates role %s with a password",
                        service.name(), user).isNotNull();
                String containerVariable = psqlVariableSources.get(psqlVariable);
                softly.assertThat(containerVariable).as("%s: psql variable %s read with \\getenv", service.name(),
                        psqlVariable).isNotNull();
                softly.assertThat(composeVariable(postgresEnvironment.get(containerVariable)))
                        .as("%s: the password of role %s (postgres %s) and the service's %s", service.name(), user,
                                containerVariable, service.variableOf(DATABASE_PASSWORD))
                        .isPresent()
                        .isEqualTo(composeVariable(environment.get(service.variableOf(DATABASE_PASSWORD))));
            }
        });
    }

    @Test
    void shouldCreateEachDatabaseWithItsOwnerInCloudNativePg() {
        List<JsonNode> clusters = k8sResources("Cluster");
        assertThat(clusters).as("CloudNativePG Clusters").hasSize(1);
        JsonNode cluster = clusters.getFirst();
        String clusterName = cluster.path("metadata").path("name").asText();
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.path("spec").path("instances").asInt()).as("PostgreSQL instances").isGreaterThanOrEqualTo(3);

        // database -> owner, and the Secret the initdb owner's password comes from
        Map<String, String> owners = new HashMap<>();
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        if (initdb.hasNonNull("database")) {
            owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        }
        for (JsonNode database : k8sResources("Database")) {
            assertThat(database.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
            if (database.path("spec").path("cluster").path("name").asText().equals(clusterName)
                    && !database.path("spec").path("ensure").asText("present").equals("absent")) {
                assertThat(owners.put(database.path("spec").path("name").asText(), database.path("spec").path("owner").asText()))
                        .as("database %s declared twice", database.path("spec").path("name").asText())
                        .isNull();
            }
        }
        Map<String, JsonNode> roles = new HashMap<>();
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            roles.put(role.path("name").asText(), role);
        }

        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                String user = k8sEnvironment(service).get(service.variableOf(DATABASE_USER));
                softly.assertThat(owners).as("%s: Cluster %s has database %s (initdb or a Database)", service.name(),
                        clusterName, service.database()).containsKey(service.database());
                softly.assertThat(owners.get(service.database())).as("%s: owner of %s is its %s", service.name(),
                        service.database(), service.variableOf(DATABASE_USER)).isEqualTo(user);

                JsonNode role = roles.get(user);
                softly.assertThat(role).as("%s: managed role %s", service.name(), user).isNotNull();
                if (role == null) {
                    continue;
                }
                softly.assertThat(role.path("login").asBoolean()).as("%s: role %s can log in", service.name(), user).isTrue();
                softly.assertThat(role.path("ensure").asText("present")).isEqualTo("present");
                String passwordSecret = role.path("passwordSecret").path("name").asText(null);
                softly.assertThat(secretKeyRef(service, service.variableOf(DATABASE_PASSWORD)).map(ref -> ref.path("name").asText()))
                        .as("%s: its %s and role %s's password come from the same Secret", service.name(),
                                service.variableOf(DATABASE_PASSWORD), user)
                        .contains(passwordSecret);
                softly.assertThat(secretKeyRef(service, service.variableOf(DATABASE_PASSWORD)).map(ref -> ref.path("key").asText()))
                        .as("%s: key of a kubernetes.io/basic-auth Secret", service.name()).contains("password");
                if (service.database().equals(initdb.path("database").asText())) {
                    softly.assertThat(initdb.path("secret").path("name").asText())
                            .as("initdb owner's Secret").isEqualTo(passwordSecret);
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // Kafka
    // ------------------------------------------------------------------------------------------

    @Test
    void shouldPointEachServiceAtTheKafkaBrokers() {
        List<JsonNode> kafkas = k8sResources("Kafka");
        assertThat(kafkas).as("Strimzi Kafka clusters").hasSize(1);
        JsonNode kafka = kafkas.getFirst();
        Set<String> plainBootstrap = new TreeSet<>();
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (listener.path("type").asText().equals("internal") && !listener.path("tls").asBoolean()) {
                plainBootstrap.add(kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:"
                        + listener.path("port").asInt());
            }
        }
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                String variable = service.variableOf(KAFKA_BOOTSTRAP);
                softly.assertThat(List.of(k8sEnvironment(service).get(variable).split(",")))
                        .as("%s: Kubernetes %s is the Strimzi bootstrap service of a plain internal listener",
                                service.name(), variable)
                        .isSubsetOf(plainBootstrap);

                for (String broker : composeEnvironment(composeService(service.name())).get(variable).split(",")) {
                    String host = broker.substring(0, broker.lastIndexOf(':'));
                    softly.assertThat(composeImage(host)).as("%s: compose %s host '%s' is a Kafka container",
                            service.name(), variable, host).startsWith("apache/kafka:");
                    softly.assertThat(composeEnvironment(composeService(host)).getOrDefault("KAFKA_ADVERTISED_LISTENERS", ""))
                            .as("%s: compose Kafka advertises %s", service.name(), broker).contains("://" + broker);
                }
            }
        });
    }

    @Test
    void shouldDeclareAKafkaTopicForEveryTopicTheServicesUse() {
        JsonNode kafka = k8sResources("Kafka").getFirst();
        String clusterName = kafka.path("metadata").path("name").asText();
        assertThat(kafka.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
        int minInsync = kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt();
        assertThat(minInsync).as("min.insync.replicas").isEqualTo(2);

        int brokers = 0;
        for (JsonNode pool : k8sResources("KafkaNodePool")) {
            if (pool.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(clusterName)
                    && textList(pool.path("spec").path("roles")).contains("broker")) {
                brokers += pool.path("spec").path("replicas").asInt();
            }
        }
        assertThat(brokers).as("brokers in the KafkaNodePools of %s", clusterName).isEqualTo(TOPIC_REPLICAS);

        Map<String, JsonNode> declared = new HashMap<>();
        for (JsonNode topic : k8sResources("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            assertThat(declared.put(name, topic)).as("KafkaTopic %s declared twice", name).isNull();
        }

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(declared.keySet()).as("KafkaTopics: those the services use, no other (no dead-letter topics)")
                    .containsExactlyInAnyOrderElementsOf(topicsInUse());
            for (String topicName : Topics.ALL) {
                JsonNode spec = declared.getOrDefault(topicName, YAML.createObjectNode()).path("spec");
                softly.assertThat(spec.path("partitions").asInt()).as("%s partitions", topicName).isEqualTo(TOPIC_PARTITIONS);
                softly.assertThat(spec.path("replicas").asInt()).as("%s replicas", topicName).isEqualTo(TOPIC_REPLICAS);
            }
            for (Map.Entry<String, JsonNode> topic : declared.entrySet()) {
                softly.assertThat(topic.getValue().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                        .as("KafkaTopic %s belongs to cluster", topic.getKey()).isEqualTo(clusterName);
                softly.assertThat(topic.getValue().path("spec").path("replicas").asInt())
                        .as("KafkaTopic %s replicas: one broker may be down with acks=all", topic.getKey())
                        .isGreaterThan(minInsync);
            }
        });
    }

    @Test
    void shouldCreateEveryTopicTheServicesUseInCompose() {
        String commands = composeServices().values().stream()
                .filter(s -> s.path("image").asText().startsWith("apache/kafka:"))
                .map(s -> textList(s.path("command")) + " " + textList(s.path("entrypoint")))
                .collect(Collectors.joining("\n"));
        Map<String, String> partitions = matches(commands, "--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)");
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(partitions.keySet()).as("topics created in compose: those the services use, no other")
                    .containsExactlyInAnyOrderElementsOf(topicsInUse());
            for (String topic : Topics.ALL) {
                softly.assertThat(partitions.get(topic)).as("%s partitions in compose", topic)
                        .isEqualTo(String.valueOf(TOPIC_PARTITIONS));
            }
        });
    }

    @Test
    void shouldKeepEveryIncomingRecordOnItsPartitionUntilItIsApplied() {
        // Retry, never skip (service-support EventConsumption): no channel parks a record on a
        // dead-letter topic or ignores a failure, and none is failed for a record that waits long.
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                for (Properties file : List.of(service.own(), service.shared())) {
                    for (String key : file.stringPropertyNames()) {
                        String value = file.getProperty(key).trim();
                        softly.assertThat(key).as("%s: %s", service.name(), key).doesNotContain("dead-letter-queue");
                        if (key.endsWith(".failure-strategy")) {
                            softly.assertThat(value).as("%s: %s", service.name(), key).isEqualTo("fail");
                        }
                        if (key.endsWith("throttled.unprocessed-record-max-age.ms")) {
                            softly.assertThat(Long.parseLong(value)).as("%s: %s (0 = no limit)", service.name(), key)
                                    .isLessThanOrEqualTo(0);
                        }
                    }
                }
                softly.assertThat(service.shared().getProperty("mp.messaging.connector.smallrye-kafka.throttled.unprocessed-record-max-age.ms"))
                        .as("%s: the throttled commit strategy's age check is off", service.name()).isEqualTo("0");
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // Health, start-up order, JWT key
    // ------------------------------------------------------------------------------------------

    @Test
    void shouldProbeTheHealthEndpoints() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                JsonNode container = container(service);
                softly.assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                        .as("%s: readiness probe", service.name()).isEqualTo("/q/health/ready");
                softly.assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                        .as("%s: liveness probe", service.name()).isEqualTo("/q/health/live");
                softly.assertThat(container.path("startupProbe").path("httpGet").path("path").asText())
                        .as("%s: startup probe", service.name()).isEqualTo("/q/health/started");
                softly.assertThat(healthcheckCommand(composeService(service.name())))
                        .as("%s: compose healthcheck", service.name())
                        .contains(":" + service.managementPort() + "/q/health/ready");
            }
        });
    }

    @Test
    void shouldStartEachServiceOnlyOnceItsInfrastructureIsHealthy() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                JsonNode composeService = composeService(service.name());
                Map<String, String> environment = composeEnvironment(composeService);
                Set<String> infrastructure = new LinkedHashSet<>();
                infrastructure.add(JdbcUrl.parse(environment.get(service.variableOf(DATABASE_URL))).host());
                for (String broker : environment.get(service.variableOf(KAFKA_BOOTSTRAP)).split(",")) {
                    infrastructure.add(broker.substring(0, broker.lastIndexOf(':')));
                }
                JsonNode dependsOn = composeService.path("depends_on");
                for (String host : infrastructure) {
                    softly.assertThat(dependsOn.path(host).path("condition").asText())
                            .as("%s: depends_on %s", service.name(), host).isEqualTo("service_healthy");
                    softly.assertThat(composeService(host).path("healthcheck").path("test").isMissingNode())
                            .as("compose %s has a healthcheck", host).isFalse();
                }
                for (Map.Entry<String, JsonNode> other : composeServices().entrySet()) {
                    if (other.getValue().path("image").asText().startsWith("apache/kafka:")
                            && other.getValue().has("command")) {
                        softly.assertThat(dependsOn.path(other.getKey()).path("condition").asText())
                                .as("%s: depends_on the topic creation %s", service.name(), other.getKey())
                                .isEqualTo("service_completed_successfully");
                    }
                }
            }
        });
    }

    @Test
    void shouldMountTheJwtPublicKeyWhereTheServicesReadIt() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                String variable = service.variableOf(JWT_KEY_LOCATION);
                String location = service.defaultOf(variable);
                softly.assertThat(location).as("%s: default of %s", service.name(), variable).startsWith("/");

                JsonNode composeService = composeService(service.name());
                softly.assertThat(composeEnvironment(composeService).getOrDefault(variable, location))
                        .as("%s: %s in compose", service.name(), variable).isEqualTo(location);
                List<String> secretTargets = new ArrayList<>();
                for (JsonNode secret : composeService.path("secrets")) {
                    String source = secret.isTextual() ? secret.asText() : secret.path("source").asText();
                    secretTargets.add(secret.path("target").asText("/run/secrets/" + source));
                    softly.assertThat(compose.path("secrets").path(source).path("file").asText())
                            .as("%s: compose secret %s is read from a file", service.name(), source).isNotBlank();
                }
                softly.assertThat(secretTargets).as("%s: compose secret targets", service.name()).contains(location);

                softly.assertThat(k8sEnvironment(service).getOrDefault(variable, location))
                        .as("%s: %s in Kubernetes", service.name(), variable).isEqualTo(location);
                softly.assertThat(secretFiles(deployment(service), container(service)))
                        .as("%s: files mounted from Secrets", service.name()).contains(location);
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // Images, Deployments, Kustomization
    // ------------------------------------------------------------------------------------------

    @Test
    void shouldBuildEachImageFromTheQuarkusFastJar() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                JsonNode build = composeService(service.name()).path("build");
                Path context = deployDir.resolve(build.path("context").asText()).normalize();
                softly.assertThat(context).as("%s: compose build context", service.name())
                        .isEqualTo(service.moduleDir().normalize());
                softly.assertThat(build.path("dockerfile").asText()).as("%s: compose dockerfile", service.name())
                        .isEqualTo("src/main/docker/Dockerfile.jvm");
                softly.assertThat(composeService(service.name()).path("image").asText())
                        .as("%s: compose and Kubernetes use the same image name", service.name())
                        .isEqualTo(container(service).path("image").asText());

                String dockerfile = dockerfile(service);
                softly.assertThat(dockerfile).as("%s: Dockerfile.jvm", service.name())
                        .containsPattern("(?m)^FROM\\s+\\S*openjdk-21")
                        .containsPattern("(?m)^COPY\\s+.*target/quarkus-app/lib/\\s+/deployments/lib/")
                        .containsPattern("(?m)^COPY\\s+.*target/quarkus-app/\\*\\.jar\\s+/deployments/")
                        .containsPattern("(?m)^COPY\\s+.*target/quarkus-app/app/\\s+/deployments/app/")
                        .containsPattern("(?m)^COPY\\s+.*target/quarkus-app/quarkus/\\s+/deployments/quarkus/")
                        .containsPattern("(?m)^USER\\s+185\\s*$")
                        .contains("/deployments/quarkus-run.jar");
            }
        });
    }

    @Test
    void shouldRunEachServiceReplicatedLimitedAndUnprivileged() {
        SoftAssertions.assertSoftly(softly -> {
            for (ServiceConfig service : services) {
                JsonNode deployment = deployment(service);
                JsonNode pod = deployment.path("spec").path("template").path("spec");
                JsonNode container = container(service);
                softly.assertThat(deployment.path("spec").path("replicas").asInt()).as("%s: replicas", service.name())
                        .isGreaterThanOrEqualTo(2);
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        softly.assertThat(container.path("resources").path(kind).path(resource).asText())
                                .as("%s: resources.%s.%s", service.name(), kind, resource).isNotBlank();
                    }
                }
                softly.assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()
                                || container.path("securityContext").path("runAsNonRoot").asBoolean())
                        .as("%s: runAsNonRoot", service.name()).isTrue();
                softly.assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true))
                        .as("%s: allowPrivilegeEscalation", service.name()).isFalse();
                JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
                JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
                softly.assertThat(selector.isEmpty()).as("%s: Deployment selector", service.name()).isFalse();
                selector.properties().forEach(label -> softly.assertThat(podLabels.path(label.getKey()))
                        .as("%s: pod label %s (selector)", service.name(), label.getKey()).isEqualTo(label.getValue()));
            }
        });
    }

    @Test
    void shouldListEveryManifestInTheKustomization() {
        JsonNode kustomization = k8sFiles.get("kustomization.yaml").getFirst();
        List<String> resources = textList(kustomization.path("resources"));
        Set<String> manifests = k8sFiles.keySet().stream()
                .filter(name -> !name.startsWith("kustomization."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(resources).as("kustomization.yaml resources").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(resources)).as("kustomization.yaml resources, against the files in %s", k8sBase)
                .isEqualTo(manifests);
        assertThat(resources).allSatisfy(resource -> assertThat(k8sBase.resolve(resource)).isRegularFile());
    }

    @Test
    void shouldPlaceEveryResourceInTheNamespace() {
        JsonNode kustomization = k8sFiles.get("kustomization.yaml").getFirst();
        assertThat(kustomization.path("namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(k8sNames("Namespace")).containsExactly(NAMESPACE);
        SoftAssertions.assertSoftly(softly -> {
            for (JsonNode resource : k8s) {
                softly.assertThat(resource.path("apiVersion").asText()).as("apiVersion of %s", resource.path("kind"))
                        .isNotBlank();
                softly.assertThat(resource.path("metadata").path("name").asText()).as("name of a %s", resource.path("kind"))
                        .isNotBlank();
                if (!resource.path("kind").asText().equals("Namespace")) {
                    softly.assertThat(resource.path("metadata").path("namespace").asText(NAMESPACE))
                            .as("namespace of %s %s", resource.path("kind").asText(), resource.path("metadata").path("name").asText())
                            .isEqualTo(NAMESPACE);
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------
    // The services' configuration
    // ------------------------------------------------------------------------------------------

    /**
     * One service's configuration as the prod profile sees it: its application.properties (ordinal
     * 250) over the shared microprofile-config.properties (ordinal 100), a {@code %prod.} key over
     * the plain one within the same file.
     */
    record ServiceConfig(String name, Path moduleDir, Properties own, Properties shared) {

        /** Every environment variable named in a placeholder of either file: what the service understands. */
        Set<String> understood() {
            return placeholders().keySet();
        }

        /** variable -> its default (the first one seen, the service's own file first). */
        Map<String, String> placeholders() {
            Map<String, String> placeholders = new LinkedHashMap<>();
            for (Properties file : List.of(own, shared)) {
                for (String key : new TreeSet<>(file.stringPropertyNames())) {
                    Matcher m = PLACEHOLDER.matcher(file.getProperty(key));
                    while (m.find()) {
                        if (placeholders.get(m.group(1)) == null) {
                            placeholders.put(m.group(1), m.group(2));
                        }
                    }
                }
            }
            return placeholders;
        }

        String prodValue(String key) {
            for (Properties file : List.of(own, shared)) {
                String value = file.getProperty("%prod." + key, file.getProperty(key));
                if (value != null) {
                    return value;
                }
            }
            throw new AssertionError(name + ": no property " + key + " in its configuration");
        }

        /** The environment variable the prod value of {@code key} is read from. */
        String variableOf(String key) {
            Matcher m = PLACEHOLDER.matcher(prodValue(key));
            assertThat(m.matches()).as("%s: %s=%s is set by an environment variable", name, key, prodValue(key)).isTrue();
            return m.group(1);
        }

        String defaultOf(String variable) {
            return placeholders().get(variable);
        }

        int port() {
            return portOf(HTTP_PORT);
        }

        /** Where health and metrics answer (the management interface). */
        int managementPort() {
            return portOf(MANAGEMENT_PORT);
        }

        private int portOf(String key) {
            String variable = variableOf(key);
            return Integer.parseInt(Optional.ofNullable(defaultOf(variable))
                    .orElseThrow(() -> new AssertionError(name + ": " + key + " has no default")));
        }

        /** The default of {@code key}'s variable in the prod profile: empty when production must set it. */
        Optional<String> prodDefaultOf(String key) {
            Matcher m = PLACEHOLDER.matcher(prodValue(key));
            assertThat(m.matches()).as("%s: %s=%s is set by an environment variable", name, key, prodValue(key)).isTrue();
            return Optional.ofNullable(m.group(2));
        }

        /** The database named by the default JDBC URL. */
        String database() {
            return JdbcUrl.parse(defaultOf(variableOf(DATABASE_URL))).database();
        }
    }

    record JdbcUrl(String host, int port, String database) {
        static JdbcUrl parse(String url) {
            assertThat(url).as("JDBC URL").startsWith("jdbc:postgresql://");
            URI uri = URI.create(url.substring("jdbc:".length()));
            return new JdbcUrl(uri.getHost(), uri.getPort(), uri.getPath().replaceFirst("^/", ""));
        }
    }

    // ------------------------------------------------------------------------------------------
    // Reading the descriptors
    // ------------------------------------------------------------------------------------------

    private static Set<String> topicsInUse() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        Pattern topicKey = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic");
        for (ServiceConfig service : services) {
            for (Properties file : List.of(service.own(), service.shared())) {
                for (String key : file.stringPropertyNames()) {
                    if (topicKey.matcher(key.replaceFirst("^%prod\\.", "")).matches()) {
                        topics.add(file.getProperty(key).trim());
                    }
                }
            }
        }
        return topics;
    }

    private static Map<String, JsonNode> composeServices() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").properties().forEach(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    private static JsonNode composeService(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("compose service %s", name).isTrue();
        return service;
    }

    private static String composeImage(String serviceName) {
        return compose.path("services").path(serviceName).path("image").asText("<no such compose service>");
    }

    private static Map<String, String> composeEnvironment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.properties().forEach(e -> environment.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else {
            for (JsonNode entry : node) {
                String[] pair = entry.asText().split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return environment;
    }

    private static Optional<String> composeVariable(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = COMPOSE_VARIABLE.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** "host:container" for each published port, in short or long syntax. */
    private static List<String> publishedPorts(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                ports.add(port.path("published").asText() + ":" + port.path("target").asText());
            } else {
                String[] parts = port.asText().replaceFirst("/(tcp|udp)$", "").split(":");
                ports.add(parts.length == 1 ? parts[0] + ":" + parts[0]
                        : parts[parts.length - 2] + ":" + parts[parts.length - 1]);
            }
        }
        return ports;
    }

    private static String healthcheckCommand(JsonNode service) {
        return String.join(" ", textList(service.path("healthcheck").path("test")));
    }

    private static String dockerfile(ServiceConfig service) {
        Path file = service.moduleDir().resolve("src/main/docker/Dockerfile.jvm");
        assertThat(file).as("%s: Dockerfile", service.name()).isRegularFile();
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> k8sResources(String kind) {
        return k8s.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static Set<String> k8sNames(String kind) {
        return k8sResources(kind).stream().map(r -> r.path("metadata").path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode k8sResource(String kind, String name) {
        List<JsonNode> found = k8sResources(kind).stream()
                .filter(r -> r.path("metadata").path("name").asText().equals(name)).toList();
        assertThat(found).as("Kubernetes %s %s", kind, name).hasSize(1);
        return found.getFirst();
    }

    private static JsonNode deployment(ServiceConfig service) {
        return k8sResource("Deployment", service.name());
    }

    private static JsonNode container(ServiceConfig service) {
        JsonNode containers = deployment(service).path("spec").path("template").path("spec").path("containers");
        for (JsonNode container : containers) {
            if (container.path("name").asText().equals(service.name())) {
                return container;
            }
        }
        assertThat(containers.size()).as("%s: containers (none named after the service)", service.name()).isEqualTo(1);
        return containers.get(0);
    }

    private static Map<String, String> configMapData(ServiceConfig service) {
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode source : container(service).path("envFrom")) {
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                String prefix = source.path("prefix").asText("");
                k8sResource("ConfigMap", name).path("data").properties()
                        .forEach(e -> data.put(prefix + e.getKey(), e.getValue().asText()));
            }
        }
        return data;
    }

    /** The container's environment: ConfigMaps through envFrom, then env (a Secret's value shows as "<secret>"). */
    private static Map<String, String> k8sEnvironment(ServiceConfig service) {
        Map<String, String> environment = new LinkedHashMap<>(configMapData(service));
        for (JsonNode variable : container(service).path("env")) {
            String value = variable.has("value") ? variable.path("value").asText()
                    : variable.path("valueFrom").has("configMapKeyRef")
                            ? k8sResource("ConfigMap", variable.path("valueFrom").path("configMapKeyRef").path("name").asText())
                                    .path("data").path(variable.path("valueFrom").path("configMapKeyRef").path("key").asText()).asText()
                            : "<from " + String.join(",", (Iterable<String>) variable.path("valueFrom")::fieldNames) + ">";
            environment.put(variable.path("name").asText(), value);
        }
        return environment;
    }

    private static Optional<JsonNode> secretKeyRef(ServiceConfig service, String variable) {
        for (JsonNode env : container(service).path("env")) {
            if (env.path("name").asText().equals(variable) && env.path("valueFrom").has("secretKeyRef")) {
                return Optional.of(env.path("valueFrom").path("secretKeyRef"));
            }
        }
        return Optional.empty();
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return -1;
    }

    /** The paths of the files the container sees from Secret volumes. */
    private static Set<String> secretFiles(JsonNode deployment, JsonNode container) {
        Map<String, JsonNode> secretVolumes = new HashMap<>();
        for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
            if (volume.has("secret")) {
                secretVolumes.put(volume.path("name").asText(), volume.path("secret"));
            }
        }
        Set<String> files = new TreeSet<>();
        for (JsonNode mount : container.path("volumeMounts")) {
            JsonNode secret = secretVolumes.get(mount.path("name").asText());
            if (secret == null) {
                continue;
            }
            String mountPath = mount.path("mountPath").asText().replaceFirst("/$", "");
            if (mount.hasNonNull("subPath")) {
                files.add(mountPath);
            } else if (secret.has("items")) {
                for (JsonNode item : secret.path("items")) {
                    files.add(mountPath + "/" + item.path("path").asText());
                }
            } else {
                files.add(mountPath + "/<every key of Secret " + secret.path("secretName").asText() + ">");
            }
        }
        return files;
    }

    private static List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }

    /** group(1) -> group(2) for every match. */
    private static Map<String, String> matches(String text, String regex) {
        Map<String, String> found = new LinkedHashMap<>();
        Pattern.compile(regex).matcher(text).results().forEach(m -> found.put(m.group(1), m.group(2)));
        return found;
    }

    private static List<JsonNode> readAll(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        assertThat(documents).as("YAML documents in %s", file).isNotEmpty();
        return documents;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
