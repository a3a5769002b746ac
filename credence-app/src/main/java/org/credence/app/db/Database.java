package org.credence.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The application's database: a connection pool, the schema brought up to date by Flyway (one set
 * of migrations for PostgreSQL and H2), and a {@link Jdbi} for the stores.
 *
 * <p>Thread-safe. Close it to release the pool.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the pool and migrates the schema to the latest version. */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setPoolName("credence");
        if (settings.isPostgres()) {
            // JDBC batches of INSERTs become multi-row INSERTs: bulk issuance writes credentials,
            // audit events and e-mails in batches (update counts of batched inserts are then not
            // reported, and Credence does not read them).
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        } else {
            // H2 writes committed transactions to its file in the background, about every half
            // second by default: a process killed in that window loses work it had already
            // confirmed (found by BulkCrashRecoveryTest, which kills the server). WRITE_DELAY 0
            // writes at commit whenever the store is free; see also checkpoint().
            config.setConnectionInitSql("SET WRITE_DELAY 0");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
            return new Database(dataSource, settings.isPostgres());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Makes every committed transaction durable now. PostgreSQL needs nothing (a commit is durable
     * when it returns). H2 writes commits from a background store, and under concurrent load even
     * {@code WRITE_DELAY 0} may leave the latest commits unwritten for a moment: a process killed
     * then loses them. Long jobs call this after each step so a kill loses at most the step in
     * flight (which the job redoes: steps are idempotent).
     */
    public void checkpoint() {
        if (!postgres) {
            jdbi.useHandle(handle -> handle.execute("CHECKPOINT"));
        }
    }

    /**
     * Refreshes PostgreSQL's statistics of tables that a bulk job is growing fast. Autovacuum
     * analyses them only a minute or more later; meanwhile the planner, believing an organisation
     * has a few dozen credentials, scanned all of them for each idempotency-key lookup (found
     * profiling the bulk benchmark: 150 ms a lookup at 36,000 credentials).
     */
    public void analyze(String... tables) {
        if (postgres) {
            jdbi.useHandle(
                    handle -> {
                        for (String table : tables) {
                            if (!table.matches("[a-z_]+")) {
                                throw new IllegalArgumentException("not a table name: " + table);
                            }
                            handle.execute("ANALYZE " + table);
                        }
                    });
        }
    }

    /** PostgreSQL (production) rather than the embedded H2 default. */
    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
