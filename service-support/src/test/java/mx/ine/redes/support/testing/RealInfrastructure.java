package mx.ine.redes.support.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import mx.ine.redes.events.Topics;
import mx.ine.redes.support.embedded.EmbeddedKafkaBroker;
import mx.ine.redes.support.embedded.EmbeddedPostgresServer;

/**
 * Starts a real PostgreSQL and a real single-node Kafka broker inside the test JVM, once per JVM
 * (however many test classes or profiles start Quarkus), plus a signing key for test tokens, and
 * hands their addresses to Quarkus.
 *
 * <p>State is kept in {@link JvmWide} rather than in static fields because Quarkus may load this
 * class more than once, in different class loaders; the lock is {@code System.class} for the same reason.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://pruebas.redes.ine.mx";

    @Override
    public Map<String, String> start() {
        synchronized (System.class) {
            if (JvmWide.get(JvmWide.JDBC_URL) == null) {
                startAll();
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", JvmWide.get(JvmWide.JDBC_URL),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", JvmWide.get(JvmWide.KAFKA_BOOTSTRAP),
                "mp.jwt.verify.publickey", JvmWide.get(JvmWide.JWT_PUBLIC_KEY),
                "mp.jwt.verify.issuer", ISSUER);
    }

    @Override
    public void stop() {
        // Deliberately empty: the infrastructure lives as long as the JVM (see the shutdown hook),
        // so the next test class or profile does not pay for another start.
    }

    /**
     * The infrastructure's loggers, quiet (WARN) already while it starts, before Quarkus applies its
     * {@code %test.quarkus.log.category} levels; held here so that the levels are not collected.
     */
    private static final java.util.List<java.util.logging.Logger> QUIET = java.util.stream.Stream.of(
                    "kafka", "state.change.logger", "org.apache.kafka", "io.zonky.test.db.postgres")
            .map(java.util.logging.Logger::getLogger)
            .toList();

    private static void startAll() {
        long started = System.nanoTime();
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
        Path kafkaLogs;
        try {
            kafkaLogs = Files.createTempDirectory("kafka-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaLogs, 0);
        broker.createTopics(Topics.ALL, 3);
        KeyPair keys = rsaKeys();

        JvmWide.put(JvmWide.JDBC_URL, postgres.jdbcUrl("postgres"));
        JvmWide.put(JvmWide.KAFKA_BOOTSTRAP, broker.bootstrapServers());
        JvmWide.registerBroker(new JvmWide.BrokerControl(broker::stop, broker::restart));
        JvmWide.registerPostgres(new JvmWide.BrokerControl(postgres::stop, postgres::restart));
        JvmWide.put(JvmWide.JWT_PRIVATE_KEY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        JvmWide.put(JvmWide.JWT_PUBLIC_KEY, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            postgres.close();
        }, "test-infrastructure-shutdown"));
        System.out.printf("Real PostgreSQL (%s) and Kafka (%s) started in %d ms%n",
                postgres.jdbcUrl("postgres"), broker.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
