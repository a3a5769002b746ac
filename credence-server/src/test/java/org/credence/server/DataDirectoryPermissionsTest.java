package org.credence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.credence.server.config.CredenceConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded installation's data directory holds the database and the master key that unlocks
 * every signing key: the directory is the owner's only (700) and so is every file in it (600), also
 * files an older version left readable.
 */
class DataDirectoryPermissionsTest {

    @TempDir Path parent;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(
                Files.getFileStore(parent).supportsFileAttributeView("posix"),
                "the file system has no POSIX permissions");
    }

    @Test
    void should_keep_the_database_and_the_master_key_to_the_owner() throws Exception {
        // GIVEN a data directory that does not exist yet
        Path data = parent.resolve("credence-data");

        // WHEN the server's services open the embedded database there
        try (Services services = open(data)) {
            // THEN
            assertThat(permissions(data)).isEqualTo("rwx------");
            List<Path> files = files(data);
            assertThat(files.stream().map(file -> file.getFileName().toString()))
                    .contains("master.key", "credence.mv.db");
            for (Path file : files) {
                assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void should_tighten_what_an_older_version_left_readable() throws Exception {
        // GIVEN an installation whose directory and files others can read
        Path data = parent.resolve("credence-data");
        try (Services services = open(data)) {
            assertThat(services).isNotNull();
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path file : files(data)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        // WHEN it starts again
        try (Services services = open(data)) {
            // THEN
            assertThat(permissions(data)).isEqualTo("rwx------");
            for (Path file : files(data)) {
                assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
            }
        }
    }

    private static Services open(Path data) {
        CredenceConfig config =
                CredenceConfig.load(
                        Optional.empty(), Map.of("CREDENCE_DATA_DIR", data.toString()), Map.of());
        return Services.open(config, Clock.systemUTC());
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).toList();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
