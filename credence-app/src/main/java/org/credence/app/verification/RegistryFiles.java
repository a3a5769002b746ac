package org.credence.app.verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.credence.core.verify.DccIssuerRegistry;
import org.credence.core.verify.IssuerRegistry;

/** Reads issuer registry files (DCC format), named after their file name. Stateless. */
public final class RegistryFiles {

    private RegistryFiles() {}

    /**
     * Reads each file, keeping their order (most authoritative first).
     *
     * @throws IllegalArgumentException naming the file that cannot be read or is not a registry
     */
    public static List<IssuerRegistry> read(List<Path> files) {
        return files.stream().<IssuerRegistry>map(RegistryFiles::read).toList();
    }

    /** One registry file; its name is the file name without {@code .json}. */
    public static DccIssuerRegistry read(Path file) {
        String name = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        try {
            return DccIssuerRegistry.read(Files.readString(file), name);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
