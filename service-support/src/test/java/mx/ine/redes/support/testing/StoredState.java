package mx.ine.redes.support.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What a service's database holds, read cheaply enough to be read around every request: for each
 * table of the service's schema, its row count and the newest transaction that wrote one of its
 * rows ({@code max(xmin)}; an update writes a new row version, so it shows as well as an insert,
 * and a delete shows in the count). A transaction that rolled back leaves neither.
 *
 * <p>The bookkeeping of messaging is read differently, because a request does not own it:
 * <ul>
 * <li>{@code outbox_message}: only its highest id. A refused request must not enqueue an event,
 *     but the relay marks published rows and retention deletes old ones at any time.</li>
 * <li>{@code processed_event} (the inbox) and {@code dead_letter}: not read. Only consumers write
 *     them, when an event arrives, never a request; a request's refusal cannot touch them, while a
 *     late event of an earlier test could.</li>
 * <li>{@code flyway_schema_history}: not read (migrations only).</li>
 * </ul>
 */
public final class StoredState {

    /** Tables no request writes (see the class comment). */
    public static final Set<String> NOT_WRITTEN_BY_REQUESTS = Set.of("processed_event", "dead_letter", "flyway_schema_history");

    private final DataSource database;
    private final Set<String> skipped;
    private String query;

    public StoredState(DataSource database, Set<String> skipped) {
        this.database = Objects.requireNonNull(database, "the service's DataSource");
        this.skipped = skipped;
    }

    /** Each table's reading, by table name. */
    public Map<String, String> read() {
        Map<String, String> state = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            if (query == null) {
                query = query(connection);
            }
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    state.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the service's tables", e);
        }
        return state;
    }

    /** The tables whose reading differs from {@code before}, each with both readings. */
    public List<String> changedSince(Map<String, String> before) {
        Map<String, String> now = read();
        List<String> changed = new ArrayList<>();
        now.forEach((table, reading) -> {
            if (!reading.equals(before.get(table))) {
                changed.add(table + " (" + before.get(table) + " -> " + reading + ")");
            }
        });
        return changed;
    }

    /** Waits (at most {@code timeoutMillis}) until two readings a little apart agree: earlier tests' work has settled. */
    public void awaitQuiet(long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        Map<String, String> last = read();
        while (System.currentTimeMillis() < end) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<String, String> now = read();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    private String query(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String table = rows.getString("TABLE_NAME");
                if (!skipped.contains(table)) {
                    tables.add(table);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables in schema " + connection.getSchema());
        }
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            String quoted = '"' + table.replace("\"", "\"\"") + '"';
            String literal = "'" + table.replace("'", "''") + "'";
            parts.add(table.equals("outbox_message")
                    ? "select " + literal + ", 'last id ' || coalesce(max(id), 0) from " + quoted
                    : "select " + literal + ", count(*) || ' rows, last written by ' || coalesce(max(xmin::text::bigint), 0) from " + quoted);
        }
        return String.join(" union all ", parts);
    }
}
