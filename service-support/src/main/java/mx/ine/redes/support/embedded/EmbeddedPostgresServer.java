package mx.ine.redes.support.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from a Maven artifact (no Docker). Used by the local stack and by
 * the tests; services never run it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private final boolean throwAway;
    private final boolean durable;
    private final int port;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean throwAway, boolean durable) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.throwAway = throwAway;
        this.durable = durable;
        this.port = postgres.getPort();
    }

    /**
     * @param dataDirectory where the cluster lives; {@code null} for a throw-away one (deleted on
     *                      {@link #close()}, not on {@link #stop()})
     * @param port          0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, false);
    }

    /**
     * A server whose commits survive a crash of the machine: {@code fsync} and
     * {@code synchronous_commit} on (the library turns synchronous commit off, which suits tests but
     * loses the last commits, already answered to clients, when the machine goes down). The local
     * stack runs this one.
     */
    public static EmbeddedPostgresServer startDurable(Path dataDirectory, int port) {
        return start(java.util.Objects.requireNonNull(dataDirectory, "dataDirectory"), port, true);
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        boolean throwAway = dataDirectory == null;
        try {
            Path directory = throwAway ? Files.createTempDirectory("embedded-postgres") : dataDirectory;
            return new EmbeddedPostgresServer(launch(directory, port, !throwAway, durable), directory, throwAway, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port, boolean fsync, boolean durable) throws IOException {
        // The data directory is never cleaned by the library, so that stop() and restart() keep the data.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", fsync || durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                // Each transaction's commit time (pg_xact_commit_timestamp): when an event a service applied became
                // visible, which deploy's SubmissionLatencyBenchmarkTest reads off the inbox rows afterwards.
                .setServerConfig("track_commit_timestamp", "on")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** Stops the server, keeping its data and port for {@link #restart()} (an outage, for tests). */
    public synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port and data directory after {@link #stop()}. */
    public synchronized void restart() {
        try {
            postgres = launch(dataDirectory, port, !throwAway, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not restart", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the role and its database unless they exist; idempotent, so a restart keeps data. */
    public void ensureDatabase(String database, String user, String password) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(statement, "select 1 from pg_roles where rolname = '" + user + "'")) {
                statement.execute("create role " + user + " login password '" + password + "'");
            }
            if (!exists(statement, "select 1 from pg_database where datname = '" + database + "'")) {
                statement.execute("create database " + database + " owner " + user);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (throwAway) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
