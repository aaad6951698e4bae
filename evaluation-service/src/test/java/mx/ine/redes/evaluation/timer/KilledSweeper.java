package mx.ine.redes.evaluation.timer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A second engine instance in its own JVM, doing what a sweep does (claim due timers with
 * {@code FOR UPDATE SKIP LOCKED}, write their effects, mark them fired) and then stopping before
 * the commit, to be killed with SIGKILL there. Arguments: JDBC URL, kind, "now" (ISO instant), batch.
 */
public final class KilledSweeper {

    private KilledSweeper() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "postgres", "postgres")) {
            connection.setAutoCommit(false);
            List<UUID[]> claimed = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement("""
                    select id, subject_id from timer
                    where status = 'PENDING' and kind = ? and coalesce(next_attempt_at, due_at) <= ?
                    order by due_at, id limit ? for update skip locked""")) {
                claim.setString(1, args[1]);
                claim.setTimestamp(2, Timestamp.from(Instant.parse(args[2])));
                claim.setInt(3, Integer.parseInt(args[3]));
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new UUID[] {rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)});
                    }
                }
            }
            try (PreparedStatement effect = connection.prepareStatement(
                    "insert into test_timer_effect (subject_id, fired_at) values (?, now())");
                 PreparedStatement fired = connection.prepareStatement(
                         "update timer set status = 'FIRED', fired_at = now() where id = ?")) {
                for (UUID[] timer : claimed) {
                    effect.setObject(1, timer[1]);
                    effect.executeUpdate();
                    fired.setObject(1, timer[0]);
                    fired.executeUpdate();
                }
            }
            System.out.println("CLAIMED " + claimed.size());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE); // killed here, before the commit
        }
    }
}
