package mx.ine.redes.support.testing;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Test infrastructure handles shared across class loaders (Quarkus may load these classes more than
 * once): addresses and keys as string system properties, the broker's stop/start as a platform MBean.
 */
final class JvmWide {

    static final String JDBC_URL = "redes.test.jdbc-url";
    static final String KAFKA_BOOTSTRAP = "redes.test.kafka-bootstrap";
    static final String JWT_PRIVATE_KEY = "redes.test.jwt-private-key";
    static final String JWT_PUBLIC_KEY = "redes.test.jwt-public-key";
    private static final String BROKER_CONTROL = "mx.ine.redes.test:type=KafkaBroker";

    private JvmWide() {
    }

    static String get(String key) {
        return System.getProperty(key);
    }

    static void put(String key, String value) {
        System.setProperty(key, value);
    }

    static void registerBroker(BrokerControlMBean control) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(control, new ObjectName(BROKER_CONTROL));
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register the test broker control", e);
        }
    }

    static void brokerOperation(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(BROKER_CONTROL), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("Test broker could not " + operation, e);
        }
    }

    /** Stops and starts the test broker; an MBean so that every class loader reaches the same one. */
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
