package org.credence.testing.db;

import java.util.Objects;

/**
 * A fresh, empty database for one test class: its engine and how to connect to it.
 *
 * @param engine PostgreSQL or H2
 * @param jdbcUrl the JDBC URL
 * @param user the user name
 * @param password the password (empty for trust authentication)
 */
public record TestDatabase(Engine engine, String jdbcUrl, String user, String password) {

    public TestDatabase {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Shown in parameterized test names. */
    @Override
    public String toString() {
        return engine.name().toLowerCase(java.util.Locale.ROOT);
    }
}
