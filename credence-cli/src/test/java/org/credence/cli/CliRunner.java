package org.credence.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/** Runs {@code credence} in-process, as {@code main} would, and captures what it prints. */
final class CliRunner {

    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final Path directory;

    CliRunner(Path directory) {
        this.directory = directory;
    }

    /** The result of one command line. */
    record Run(int exitCode, String out, String err) {}

    Run run(String... arguments) {
        return runWithStdin(new byte[0], arguments);
    }

    Run runWithStdin(byte[] stdin, String... arguments) {
        Environment environment =
                new Environment(
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        new SecureRandom(),
                        new ByteArrayInputStream(stdin));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CredenceCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new Run(exitCode, out.toString(), err.toString());
    }

    Path path(String name) {
        return directory.resolve(name);
    }

    String file(String name) {
        return path(name).toString();
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(path(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates {@code key.json} and {@code achievement.json} (with that name) and returns the DID.
     */
    String keyAndAchievement(String achievementName) {
        Run keygen = run("keygen", "--out", file("key.json"));
        if (keygen.exitCode() != 0) {
            throw new IllegalStateException(keygen.err());
        }
        write("achievement.json", achievement(achievementName));
        return keygen.out().strip();
    }

    static String achievement(String name) {
        return """
                {
                  "id": "https://example.org/achievements/1",
                  "type": ["Achievement"],
                  "name": "%s",
                  "description": "Shows the skill.",
                  "criteria": {"narrative": "Did the work."}
                }
                """
                .formatted(name);
    }
}
