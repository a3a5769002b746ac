package org.credence.cli.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jsonld.JsonLdException;
import org.credence.core.jsonld.JsonLdProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credence's RDFC-1.0 against the reference implementation (rdf-canonize 5.0.0 through jsonld
 * 9.0.0, in the Node harness) on generated credentials full of hard-to-label blank nodes: the same
 * canonical N-Quads byte for byte, or both refusing at the default work limit. One Node launch for
 * all files.
 */
class RdfcDifferentialTest {

    private static final int CASES = 60;
    private static final String REJECTED = "rejected: work limit";

    @TempDir Path work;

    @Test
    void should_equal_rdf_canonize_when_canonicalizing_blank_node_heavy_credentials()
            throws Exception {
        // GIVEN
        Path repository = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (long seed = 0; seed < CASES; seed++) {
            Path file = work.resolve("credential-" + seed + ".json");
            Files.writeString(file, BlankNodeHeavyCredentials.credential(seed).toString());
            files.add(file);
        }

        // WHEN
        JsonObject reference = canonizeWithNode(repository, files);

        // THEN
        Canonicalizer canonicalizer = Canonicalizer.standard();
        int canonicalized = 0;
        for (Path file : files) {
            String expected = outcome(reference.get(file.toString()));
            String actual = outcome(canonicalizer, Files.readString(file));
            assertThat(actual).as("%s", file.getFileName()).isEqualTo(expected);
            canonicalized += expected.equals(REJECTED) ? 0 : 1;
        }
        assertThat(canonicalized)
                .as("credentials canonicalized, not refused")
                .isGreaterThan(CASES / 2);
    }

    private static String outcome(JsonValue reference) {
        if (reference instanceof JsonString nquads) {
            return nquads.getString();
        }
        String error = reference.asJsonObject().getString("error");
        assertThat(error).as("rdf-canonize's error").contains("Maximum deep iterations exceeded");
        return REJECTED;
    }

    private static String outcome(Canonicalizer canonicalizer, String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return canonicalizer.canonicalize(reader.readObject());
        } catch (JsonLdException e) {
            assertThat(e.problem()).as(e.getMessage()).isEqualTo(JsonLdProblem.WORK_LIMIT_EXCEEDED);
            return REJECTED;
        }
    }

    private JsonObject canonizeWithNode(Path repository, List<Path> files)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "interop/canonize.mjs"));
        files.forEach(file -> command.add(file.toString()));
        Path stdout = work.resolve("canonize.out");
        Path stderr = work.resolve("canonize.err");
        Process process =
                new ProcessBuilder(command)
                        .directory(repository.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(stdout)))) {
            return reader.readObject();
        }
    }
}
