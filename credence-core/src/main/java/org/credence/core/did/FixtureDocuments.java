package org.credence.core.did;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.credence.core.json.JsonInput;

/**
 * Answers document fetches from local fixture files instead of the network: each file is {@code
 * {"url": "...", "document": {...}}}. Used by {@code credence verify --fixtures DIR} and by tests
 * to stand in for remote status lists and DID documents. Any other URL is "not found".
 *
 * <p>Immutable and thread-safe.
 */
public final class FixtureDocuments implements DocumentFetcher {

    private final Map<String, JsonObject> documents;

    public FixtureDocuments(Map<String, JsonObject> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** Reads every {@code *.json} fixture file of a folder. */
    public static FixtureDocuments fromDirectory(Path directory) {
        Map<String, JsonObject> documents = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                add(documents, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixtures in " + directory, e);
        }
        return new FixtureDocuments(documents);
    }

    /** Fixtures from their JSON texts. */
    public static FixtureDocuments of(List<String> fixtureJsons) {
        Map<String, JsonObject> documents = new HashMap<>();
        fixtureJsons.forEach(json -> add(documents, json));
        return new FixtureDocuments(documents);
    }

    @Override
    public JsonObject fetch(URI url) throws ResolutionException {
        JsonObject document = documents.get(url.toString());
        if (document == null) {
            throw new ResolutionException(
                    ResolutionError.NOT_FOUND, "no fixture for " + url + " (offline)");
        }
        return document;
    }

    private static void add(Map<String, JsonObject> documents, String json) {
        JsonObject fixture = JsonInput.DEFAULT.parseObject(json);
        if (fixture.containsKey("url") && fixture.get("document") instanceof JsonObject document) {
            documents.put(fixture.getString("url"), document);
        }
    }
}
