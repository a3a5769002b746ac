package org.credence.core.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringWriter;
import java.util.Objects;

/**
 * Turns a JSON-LD document into canonical N-Quads: JSON-LD 1.1 expansion against the pinned
 * contexts in safe mode, conversion to RDF, then RDF Dataset Canonicalization (RDFC-1.0) with a
 * deterministic work budget.
 *
 * <p>This is the general path: every conforming document goes through it. Immutable and
 * thread-safe.
 */
public final class Canonicalizer {

    private final PinnedContexts contexts;
    private final WorkBudget budget;
    private final ActiveContexts activeContexts;

    public Canonicalizer(PinnedContexts contexts, WorkBudget budget) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.activeContexts = new ActiveContexts(contexts);
    }

    /** A canonicalizer over the bundled contexts with the default work budget. */
    public static Canonicalizer standard() {
        return new Canonicalizer(PinnedContexts.bundled(), WorkBudget.DEFAULT);
    }

    public PinnedContexts contexts() {
        return contexts;
    }

    /**
     * The canonical N-Quads of a document (one quad per line, each ending in a newline, sorted).
     *
     * @throws JsonLdException when the document uses unknown contexts, undefined terms, relative
     *     IRIs, is not valid JSON-LD, or is too costly to canonicalize
     */
    public String canonicalize(JsonObject document) {
        return canonicalizeExpanded(expand(document));
    }

    /** JSON-LD expansion in safe mode. */
    public JsonArray expand(JsonObject document) {
        try {
            JsonArray expanded = activeContexts.expand(document, options());
            SafeMode.check(expanded);
            return expanded;
        } catch (JsonLdError e) {
            throw translate(e);
        }
    }

    /** Canonical N-Quads of an already expanded (and safe-mode checked) document. */
    public String canonicalizeExpanded(JsonArray expanded) {
        RdfCanon canon = RdfCanon.create("SHA-256", budget.newTicker());
        try {
            ToRdfProcessor.toRdf(canon, expanded, options());
            StringWriter out = new StringWriter(4096);
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            throw translate(e);
        } catch (RdfConsumerException e) {
            throw new JsonLdException(JsonLdProblem.INVALID_JSON_LD, e.getMessage(), e);
        } catch (WorkBudget.ExceededException e) {
            throw new JsonLdException(
                    JsonLdProblem.WORK_LIMIT_EXCEEDED,
                    "Canonicalization stopped after "
                            + budget.limit()
                            + " steps: the document's blank-node structure is too costly"
                            + " (a poison graph?)",
                    e);
        }
    }

    private JsonLdOptions options() {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return options;
    }

    private static JsonLdException translate(JsonLdError error) {
        JsonLdErrorCode code = error.getCode();
        String message = error.getMessage() == null ? code.toMessage() : error.getMessage();
        if (code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED
                || code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED) {
            return new JsonLdException(JsonLdProblem.UNKNOWN_CONTEXT, message, error);
        }
        if (code == JsonLdErrorCode.UNDEFINED_TERM) {
            return new JsonLdException(
                    JsonLdProblem.UNDEFINED_TERM,
                    "Safe mode: " + message + " (a term no context defines would be unsigned data)",
                    error);
        }
        return new JsonLdException(JsonLdProblem.INVALID_JSON_LD, code + ": " + message, error);
    }
}
