package mx.ine.redes.support.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Test infrastructure handles shared across class loaders (Quarkus may load these classes more than
 * once): addresses and keys as string system properties, the broker's and the database's stop/start
 * as platform MBeans.
 */
final class JvmWide {

    static final String JDBC_URL = "redes.test.jdbc-url";
    static final String KAFKA_BOOTSTRAP = "redes.test.kafka-bootstrap";
    static final String JWT_PRIVATE_KEY = "redes.test.jwt-private-key";
    static final String JWT_PUBLIC_KEY = "redes.test.jwt-public-key";
    private static final String BROKER_CONTROL = "mx.ine.redes.test:type=KafkaBroker";
    private static final String POSTGRES_CONTROL = "mx.ine.redes.test:type=PostgreSQL";

    private JvmWide() {
    }

    static String get(String key) {
        return System.getProperty(key);
    }

    static void put(String key, String value) {
        System.setProperty(key, value);
    }

    static void registerBroker(BrokerControlMBean control) {
        register(BROKER_CONTROL, control);
    }

    static void registerPostgres(BrokerControlMBean control) {
        register(POSTGRES_CONTROL, control);
    }

    static void brokerOperation(String operation) {
        invoke(BROKER_CONTROL, operation);
    }

    static void postgresOperation(String operation) {
        invoke(POSTGRES_CONTROL, operation);
    }

    private static void register(String name, BrokerControlMBean control) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(control, new ObjectName(name));
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register the test control " + name, e);
        }
    }

    private static void invoke(String name, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(name), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("Test server " + name + " could not " + operation, e);
        }
    }

    /**
     * Stops and starts a test server (the broker, the database); an MBean so that every class
     * loader reaches the same one.
     */
    public interface BrokerControlMBean {
        void stop();

        void start();
    }

    record BrokerControl(Runnable stopper, Runnable starter) implements BrokerControlMBean {
        @Override
        public void stop() {
            stopper.run();
        }

        @Override
        public void start() {
            starter.run();
        }
    }
}
