package org.credence.testing.db;

/** The two database engines Credence runs on: PostgreSQL in production, H2 as embedded default. */
public enum Engine {
    POSTGRESQL,
    H2
}
