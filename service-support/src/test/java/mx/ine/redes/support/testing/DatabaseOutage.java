package mx.ine.redes.support.testing;

/**
 * Stops and restarts the test JVM's PostgreSQL (same port, same data directory), to test outages.
 * Every service in the JVM loses its database meanwhile: use it only in a test class of its own,
 * and restart it in a {@code finally}.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static void stopDatabase() {
        JvmWide.postgresOperation("stop");
    }

    public static void startDatabase() {
        JvmWide.postgresOperation("start");
    }
}
