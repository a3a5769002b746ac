package org.credence.core.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the public conformance vectors of credence-testing from the source tree. */
final class StatusVectors {

    static final Path ROOT =
            Path.of("../credence-testing/src/main/resources/org/credence/testing/vectors");

    private StatusVectors() {}

    static JsonObject json(String relativePath) {
        try (JsonReader reader =
                Json.createReader(Files.newBufferedReader(ROOT.resolve(relativePath)))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code document} of a fixture ({@code {"url": ..., "document": ...}}). */
    static JsonObject fixtureDocument(String name) {
        return json("fixtures/" + name).getJsonObject("document");
    }
}
