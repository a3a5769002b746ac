package org.credence.app.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives: a PostgreSQL server (production) or the embedded default, an H2 file
 * database in PostgreSQL mode under the data directory, which needs nothing installed.
 *
 * @param jdbcUrl the JDBC URL ({@code jdbc:postgresql:…} or {@code jdbc:h2:…})
 * @param user the user name
 * @param password the password
 * @param maxPoolSize the largest number of pooled connections
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException(
                    "Credence runs on PostgreSQL (jdbc:postgresql:…) or its embedded H2 default,"
                            + " not on "
                            + jdbcUrl);
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    /** The embedded default: an H2 file database under {@code dataDirectory}. */
    public static DatabaseSettings embedded(Path dataDirectory) {
        return new DatabaseSettings(
                "jdbc:h2:file:"
                        + dataDirectory.toAbsolutePath().resolve("credence")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                10);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + "]";
    }
}
