package org.credence.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded installation's data directory: the H2 database, the generated master key (which
 * unlocks every stored signing key) and the demo's sign-in. It is kept to its owner where the file
 * system has POSIX permissions: the directory {@code rwx------}, every file in it {@code
 * rw-------}, also files that an older version or a loose umask left readable. Elsewhere (e.g.
 * Windows) it is left to the file system's own access lists.
 *
 * <p>Stateless and thread-safe.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    /**
     * Creates {@code directory} if needed and restricts it and the files in it to the owner. Call
     * it before the database opens (so that H2 creates its files in a private directory) and again
     * after (to restrict the files H2 just created).
     */
    public static void secure(Path directory) {
        try {
            Files.createDirectories(directory);
            if (!Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                return;
            }
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            for (Path file : files(directory)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot restrict the data directory " + directory + " to its owner", e);
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).toList();
        }
    }
}
