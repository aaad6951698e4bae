package mx.ine.redes.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are the database out of reach or the pool exhausted (503, try again) rather than a fault of the server (500). */
class DatabaseUnreachableTest {

    @Test
    void shouldRecogniseAConnectionRefusedDeepInsideTheWrappers() {
        // PostgreSQL's driver: SQLState 08001 when nothing listens on the port.
        SQLException refused = new SQLException("Connection to 127.0.0.1:15432 refused", "08001");
        SQLException pool = new SQLException("Acquisition timeout while waiting for new connection", refused);
        Throwable wrapped = new RuntimeException(new PersistenceException(new IllegalStateException(pool)));
        assertThat(ProblemMappers.databaseUnreachable(wrapped)).isTrue();
    }

    @Test
    void shouldRecogniseAServerShuttingDownAndAConnectionLost() {
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("An I/O error occurred while sending to the backend.",
                "08006"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new JDBCConnectionException("lost", new SQLException("lost")))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLTransientConnectionException("no connection"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
    }

    @Test
    void shouldTellAPoolWithNoFreeConnectionFromADatabaseOutOfReach() {
        // Agroal's exception when all connections stayed in use for the acquisition timeout, as Hibernate wraps it.
        Throwable busy = new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));
        assertThat(ProblemMappers.databaseUnreachable(busy)).isTrue();
        assertThat(ProblemMappers.poolExhausted(busy)).isTrue();
        assertThat(ProblemMappers.poolExhausted(new SQLException("Connection to 127.0.0.1:15432 refused", "08001"))).isFalse();
        assertThat(ProblemMappers.poolExhausted(new SQLException("Acquisition timeout while waiting for new connection")))
                .isFalse();
    }

    @Test
    void shouldLeaveEveryOtherFailureA500() {
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("division by zero", "22012"))).isFalse();
        assertThat(ProblemMappers.databaseUnreachable(new SQLException("relation \"x\" does not exist", "42P01"))).isFalse();
        assertThat(ProblemMappers.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(ProblemMappers.databaseUnreachable(new NullPointerException())).isFalse();
    }
}
