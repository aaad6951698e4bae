package mx.ine.redes.accounts.service;

import java.sql.SQLException;

/** Whether a failed write broke a unique index (PostgreSQL SQLSTATE 23505): a duplicate that raced a check. */
final class UniqueViolation {

    private UniqueViolation() {
    }

    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
