package org.credence.core.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.credence.core.json.Jsons;

/**
 * The JSON-LD contexts Credence knows, bundled in the jar and never fetched.
 *
 * <p>Data Integrity proofs only verify when signer and verifier expand a credential with the same
 * context content, so contexts are pinned: each URL maps to a file under {@code
 * org/credence/core/contexts/} ({@code index.json} records where each file came from). Any other
 * URL is refused with {@link JsonLdProblem#UNKNOWN_CONTEXT}; no network access ever happens here.
 *
 * <p>Immutable and thread-safe.
 */
public final class PinnedContexts implements DocumentLoader {

    private static final String FOLDER = "/org/credence/core/contexts/";

    private final Map<String, Document> documents;

    private PinnedContexts(Map<String, Document> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** The contexts bundled with Credence (parsed once per JVM). */
    public static PinnedContexts bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * The bundled contexts plus extra ones (URL to context document), e.g. an organisation's own
     * extension context pinned by configuration.
     */
    public PinnedContexts with(Map<String, JsonObject> extra) {
        Map<String, Document> merged = new LinkedHashMap<>(documents);
        extra.forEach((url, json) -> merged.put(url, document(url, json)));
        return new PinnedContexts(merged);
    }

    /** The URLs this loader answers. */
    public Set<String> urls() {
        return documents.keySet();
    }

    /** The parsed content of a pinned context, if pinned. */
    public Optional<JsonStructure> content(String url) {
        return Optional.ofNullable(documents.get(url)).flatMap(Document::getJsonContent);
    }

    public boolean isPinned(String url) {
        return documents.containsKey(url);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        Document document = documents.get(url.toString());
        if (document == null) {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, unknownContextMessage(url));
        }
        return document;
    }

    static String unknownContextMessage(Object url) {
        return "Context "
                + url
                + " is not one of the pinned contexts; Credence never fetches contexts over the network";
    }

    private static Document document(String url, JsonObject json) {
        JsonDocument document = JsonDocument.of(json);
        document.setDocumentUrl(URI.create(url));
        return document;
    }

    private static PinnedContexts loadBundled() {
        JsonObject index = readJson(FOLDER + "index.json");
        Map<String, Document> documents = new LinkedHashMap<>();
        for (String url : index.keySet()) {
            String file = index.getJsonObject(url).getString("file");
            documents.put(url, document(url, readJson(FOLDER + file)));
        }
        return new PinnedContexts(documents);
    }

    private static JsonObject readJson(String resource) {
        try (InputStream in = PinnedContexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource " + resource);
            }
            try (JsonReader reader =
                    Jsons.PROVIDER.createReader(
                            new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Bundled {
        static final PinnedContexts INSTANCE = loadBundled();
    }
}
