package org.credence.cli.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The offline Node interop harness ({@code interop/} in the repository) as the tests run it: one
 * {@code node} process per command, its one JSON object read from stdout. Fails the calling test,
 * never skips it, when Node or the installed harness is missing.
 *
 * <p>Immutable; thread-safe as long as callers use different files.
 */
final class NodeHarness {

    /** The verifiers of {@code interop/verify.mjs --engine}. */
    static final List<String> ENGINES = List.of("vc", "verifier-core");

    private final Path repository;
    private final Path work;

    private NodeHarness(Path repository, Path work) {
        this.repository = repository;
        this.work = work;
    }

    /**
     * The harness of the repository this module is in, with {@code work} for its output files.
     * Fails when {@code node} or {@code interop/node_modules} is missing.
     */
    static NodeHarness installed(Path work) {
        NodeHarness harness = new NodeHarness(Path.of("..").toAbsolutePath().normalize(), work);
        harness.requireInstalled();
        return harness;
    }

    Path repository() {
        return repository;
    }

    /**
     * {@code interop/verify.mjs --engine ENGINE --fixtures FIXTURES FILE}: the verdict object
     * ({@code verified}, {@code statusChecked}, {@code revoked}, {@code suspended}, {@code
     * errors}).
     */
    JsonObject verify(String engine, Path fixtures, Path file) {
        return parse(
                run(
                        "interop/verify.mjs",
                        "--engine",
                        engine,
                        "--fixtures",
                        fixtures.toString(),
                        file.toString()));
    }

    /**
     * {@code interop/verify-clr.mjs --fixtures FIXTURES FILE}: the CLR's verdict ({@code verified},
     * {@code clrVerified}, {@code nested} verdicts in order, {@code errors}).
     */
    JsonObject verifyClr(Path fixtures, Path file) {
        return parse(
                run("interop/verify-clr.mjs", "--fixtures", fixtures.toString(), file.toString()));
    }

    /**
     * Runs {@code node SCRIPT ARGS…} in the repository root; returns stdout (exit code 0 required).
     */
    String run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile(work, "node", ".out");
            Path stderr = Files.createTempFile(work, "node", ".err");
            Process process =
                    new ProcessBuilder(command)
                            .directory(repository.toFile())
                            .redirectOutput(stdout.toFile())
                            .redirectError(stderr.toFile())
                            .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: %s", command);
            }
            String err = Files.readString(stderr);
            assertThat(process.exitValue()).as("%s exit code; stderr: %s", command, err).isZero();
            return Files.readString(stdout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private void requireInstalled() {
        String install =
                "The Node interop harness is required (these tests are never skipped): install"
                        + " Node.js 20+ and run `npm ci --prefix interop` in "
                        + repository
                        + " (mvn verify in credence-cli runs it unless -Dinterop.skip)";
        try {
            Process version =
                    new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                fail("`node --version` failed. " + install);
            }
        } catch (IOException e) {
            fail("`node` is not on the PATH. " + install);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(repository.resolve("interop/node_modules"))) {
            fail("interop/node_modules is missing. " + install);
        }
    }
}
