package mx.ine.redes.support.testing;

/** Stops and restarts the test JVM's Kafka broker (same ports, same data), to test outages. */
public final class BrokerOutage {

    private BrokerOutage() {
    }

    public static void stopBroker() {
        JvmWide.brokerOperation("stop");
    }

    public static void startBroker() {
        JvmWide.brokerOperation("start");
    }
}
