package org.credence.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.credence.app.issuer.MasterKey;

/**
 * The embedded default's master key: generated once into a file readable only by its owner, and
 * read back on every later start. Losing the file makes every stored signing key unusable, so it is
 * created exclusively and never overwritten.
 */
final class MasterKeyFile {

    private MasterKeyFile() {}

    static MasterKey readOrCreate(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                DataDirectory.secure(file.toAbsolutePath().getParent());
                return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
            DataDirectory.secure(file.toAbsolutePath().getParent());
            MasterKey key = MasterKey.generate(random);
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(
                            file,
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException e) {
                // Another process created it first: use theirs.
                return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.writeString(file, key.toBase64() + "\n", StandardCharsets.US_ASCII);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key " + file, e);
        }
    }
}
