package org.credence.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyFormatException;

/**
 * Reading and writing the files commands work on, with errors turned into {@link CliException}s.
 */
final class CliFiles {

    /** 32 MB: larger than any badge image or credential worth reading, small enough to hold. */
    static final int MAX_INPUT_BYTES = 32 * 1024 * 1024;

    static final String STDIN = "-";

    private CliFiles() {}

    /** The bytes of {@code file}, or of stdin when it is {@code -}. */
    static byte[] read(String file, InputStream stdin) {
        if (STDIN.equals(file)) {
            try {
                return limited(stdin.readNBytes(MAX_INPUT_BYTES + 1), "stdin");
            } catch (IOException e) {
                throw new CliException("cannot read stdin: " + e.getMessage(), e);
            }
        }
        return read(Path.of(file));
    }

    static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_INPUT_BYTES) {
                throw new CliException(file + " is larger than " + MAX_INPUT_BYTES + " bytes");
            }
            return limited(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new CliException("no such file: " + file, e);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String readText(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }

    static KeyFile readKey(Path file) {
        try {
            return KeyFile.read(readText(file));
        } catch (KeyFormatException e) {
            throw new CliException(file + " is not a usable key file: " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} and a newline to {@code file} (UTF-8), or to {@code out} if null. */
    static void writeText(Path file, String text, PrintWriter out) {
        if (file == null) {
            out.println(text);
            out.flush();
            return;
        }
        write(file, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a secret to a new file readable only by its owner where the file system has POSIX
     * permissions. Never overwrites: losing a signing key is worse than an error.
     */
    static void writeSecret(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.getFileStore(parent).supportsFileAttributeView("posix")) {
                Files.createFile(
                        file,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(
                    file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(file + " already exists; not overwriting a key file", e);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] limited(byte[] bytes, String source) {
        if (bytes.length > MAX_INPUT_BYTES) {
            throw new CliException(source + " is larger than " + MAX_INPUT_BYTES + " bytes");
        }
        return bytes;
    }
}
