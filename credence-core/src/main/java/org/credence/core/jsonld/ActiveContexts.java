package org.credence.core.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ExpansionProcessor;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.credence.core.json.Jsons;

/**
 * The fast path of JSON-LD expansion: the active context built from a document's top-level
 * {@code @context} is kept and reused when that {@code @context} lists only pinned context URLs,
 * which is the case for every credential Credence issues and nearly every one it verifies.
 *
 * <p>Why this is exact: JSON-LD 1.1 Expansion (§5.1.2 step 9) processes a node's {@code @context}
 * into a new active context before anything else, and nothing in the document can change what a
 * pinned URL's content yields. Starting expansion of the same node, minus its {@code @context},
 * from the already processed active context therefore runs the identical remaining steps. A
 * property test checks that both paths give the same canonical N-Quads on thousands of generated
 * credentials.
 *
 * <p>Everything else (inline contexts, unknown URLs, non-object documents) takes titanium's general
 * path. Thread-safe: titanium's active contexts are not modified by expansion, which only derives
 * new ones.
 */
final class ActiveContexts {

    /** Bounds the cache: each entry is a distinct list of pinned URLs, so few exist in practice. */
    private static final int MAX_ENTRIES = 256;

    private final PinnedContexts contexts;
    private final Map<String, ActiveContext> cache = new ConcurrentHashMap<>();

    ActiveContexts(PinnedContexts contexts) {
        this.contexts = contexts;
    }

    JsonArray expand(JsonObject document, JsonLdOptions options) throws JsonLdError {
        JsonValue context = document.get("@context");
        if (!isPinnedList(context)) {
            return general(document, options);
        }
        String key = context.toString();
        ActiveContext active = cache.get(key);
        if (active == null) {
            active = process(context, options);
            if (cache.size() < MAX_ENTRIES) {
                cache.putIfAbsent(key, active);
            }
        }
        JsonObject body = Jsons.PROVIDER.createObjectBuilder(document).remove("@context").build();
        JsonValue expanded = Expansion.with(active, body, null, null).compute();
        // JSON-LD 1.1 Expansion algorithm, steps 8.1 to 8.3 of the API's expand().
        if (expanded instanceof JsonObject object
                && object.size() == 1
                && object.containsKey("@graph")) {
            expanded = object.get("@graph");
        }
        if (expanded == null || expanded == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return expanded instanceof JsonArray array
                ? array
                : Jsons.PROVIDER.createArrayBuilder().add(expanded).build();
    }

    static JsonArray general(JsonObject document, JsonLdOptions options) throws JsonLdError {
        return ExpansionProcessor.expand(JsonDocument.of(document), options, false);
    }

    private ActiveContext process(JsonValue context, JsonLdOptions options) throws JsonLdError {
        return new ActiveContext(null, null, ProcessingRuntime.of(options))
                .newContext()
                .create(context, null);
    }

    private boolean isPinnedList(JsonValue context) {
        if (context instanceof JsonString url) {
            return contexts.isPinned(url.getString());
        }
        if (!(context instanceof JsonArray array) || array.isEmpty()) {
            return false;
        }
        for (JsonValue item : array) {
            if (!(item instanceof JsonString url) || !contexts.isPinned(url.getString())) {
                return false;
            }
        }
        return true;
    }
}
