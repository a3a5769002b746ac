package org.credence.app.db;

import java.sql.SQLException;

/** What a failed statement's SQLSTATE means, the same on PostgreSQL and H2. Stateless. */
public final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {}

    /** Whether {@code failure} (or a cause) is a unique or primary key violation. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
