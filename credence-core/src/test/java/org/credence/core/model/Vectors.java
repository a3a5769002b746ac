package org.credence.core.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.credence.core.json.JsonValues;

/** The public conformance vectors of credence-testing, read from its source tree. */
final class Vectors {

    static final Path ROOT =
            Path.of("../credence-testing/src/main/resources/org/credence/testing/vectors");

    private static final List<String> FOLDERS =
            List.of("1edtech-spec", "1edtech-validator", "dcc-verifier-core");

    private static final Set<String> CREDENTIAL_TYPES =
            Set.of(
                    "OpenBadgeCredential",
                    "AchievementCredential",
                    "EndorsementCredential",
                    "ClrCredential");

    private Vectors() {}

    static JsonObject read(String file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(ROOT.resolve(file)))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Open Badges, endorsement and CLR credential vectors, as paths under {@link #ROOT}. */
    static Stream<String> credentialFiles() {
        return FOLDERS.stream().flatMap(Vectors::jsonFiles).filter(Vectors::isCredential).sorted();
    }

    private static Stream<String> jsonFiles(String folder) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files
                    .map(path -> folder + "/" + path.getFileName())
                    .filter(name -> name.endsWith(".json"))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isCredential(String file) {
        return JsonValues.strings(read(file), "type").stream().anyMatch(CREDENTIAL_TYPES::contains);
    }
}
