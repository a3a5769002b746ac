package org.credence.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The public conformance vectors bundled in this module ({@code vectors/manifest.json} and the
 * files it names), read from the classpath. See {@code vectors/README.md} for what each field
 * means.
 *
 * <p>Stateless and thread-safe.
 */
public final class Vectors {

    /** Classpath folder of the vectors. */
    public static final String ROOT = "/org/credence/testing/vectors/";

    private Vectors() {}

    /** Every entry of the manifest, in manifest order. */
    public static List<Vector> all() {
        try (JsonReader reader = Json.createReader(new StringReader(text("manifest.json")))) {
            return reader.readArray().stream().map(JsonObject.class::cast).map(Vector::of).toList();
        }
    }

    /** The manifest entry for {@code file} (a path relative to the vectors folder). */
    public static Vector named(String file) {
        return all().stream()
                .filter(vector -> vector.file().equals(file))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vector " + file));
    }

    /** The bytes of a file relative to the vectors folder. */
    public static byte[] bytes(String relativePath) {
        try (InputStream in = Vectors.class.getResourceAsStream(ROOT + relativePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector file " + relativePath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UTF-8 text of a file relative to the vectors folder. */
    public static String text(String relativePath) {
        return new String(bytes(relativePath), StandardCharsets.UTF_8);
    }

    /** A JSON object file relative to the vectors folder. */
    public static JsonObject json(String relativePath) {
        try (JsonReader reader = Json.createReader(new StringReader(text(relativePath)))) {
            return reader.readObject();
        }
    }

    /**
     * The texts of the {@code fixtures/} files ({@code {"url": ..., "document": ...}}: status lists
     * the vectors point to), sorted by file name.
     */
    public static List<String> fixtureJsons() {
        URL folder = Objects.requireNonNull(Vectors.class.getResource(ROOT + "fixtures/"));
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readJsonFiles(jar.provider().getPath(uri));
                }
            }
            return readJsonFiles(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readJsonFiles(Path folder) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.getFileName().toString().endsWith(".json"))
                            .sorted()
                            .toList()) {
                texts.add(Files.readString(file));
            }
        }
        return List.copyOf(texts);
    }

    /**
     * One manifest entry.
     *
     * @param file path relative to the vectors folder
     * @param source repository@commit:path it was taken from
     * @param expectedBySource what the publishing project says
     * @param referenceVerdict what the reference JavaScript implementations concluded
     * @param referenceAccepts whether the reference accepts it
     * @param verifierCore the verdict of @digitalcredentials/verifier-core
     * @param offlineOptions {@code fragment-key}, {@code bare-did}: resolution shortcuts the vector
     *     needs offline
     * @param note why the reference verdict differs from the source, or empty
     */
    public record Vector(
            String file,
            String source,
            String expectedBySource,
            String referenceVerdict,
            boolean referenceAccepts,
            String verifierCore,
            Set<String> offlineOptions,
            String note) {

        public static final String FRAGMENT_KEY = "fragment-key";
        public static final String BARE_DID = "bare-did";

        public Vector {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(referenceVerdict, "referenceVerdict");
            source = Objects.requireNonNullElse(source, "");
            expectedBySource = Objects.requireNonNullElse(expectedBySource, "");
            verifierCore = Objects.requireNonNullElse(verifierCore, "");
            offlineOptions = Set.copyOf(offlineOptions);
            note = Objects.requireNonNullElse(note, "");
        }

        static Vector of(JsonObject entry) {
            List<String> options =
                    entry.containsKey("offlineOptions") && !entry.isNull("offlineOptions")
                            ? entry.getJsonArray("offlineOptions").stream()
                                    .map(value -> ((JsonString) value).getString())
                                    .toList()
                            : List.of();
            return new Vector(
                    entry.getString("file"),
                    entry.getString("source", null),
                    entry.getString("expectedBySource", null),
                    entry.getString("referenceVerdict"),
                    entry.getBoolean("referenceAccepts"),
                    entry.getString("verifierCore", null),
                    Set.copyOf(options),
                    entry.getString("note", null));
        }

        /** The file's bytes (JSON, JWT, PNG or SVG). */
        public byte[] bytes() {
            return Vectors.bytes(file);
        }

        public boolean needs(String offlineOption) {
            return offlineOptions.contains(offlineOption);
        }

        /** The file name: what parameterized tests show. */
        @Override
        public String toString() {
            return file;
        }
    }
}
