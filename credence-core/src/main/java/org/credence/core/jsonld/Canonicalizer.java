package org.credence.core.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Objects;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonComplexity;
import org.credence.core.work.Deadline;

/**
 * Turns a JSON-LD document into canonical N-Quads: JSON-LD 1.1 expansion against the pinned
 * contexts in safe mode, conversion to RDF, then RDF Dataset Canonicalization (RDFC-1.0) with a
 * deterministic work budget.
 *
 * <p>This is the general path: every conforming document goes through it, so it is also where the
 * {@link JsonComplexity} limits are enforced for every document that is expanded (verifying,
 * signing, presentations, CLRs), before titanium sees it: titanium's expansion and node-map
 * building are quadratic in the width of an array and cannot be interrupted. Between steps it
 * honours the calling thread's {@link Deadline}. Immutable and thread-safe.
 */
public final class Canonicalizer {

    private final PinnedContexts contexts;
    private final WorkBudget budget;
    private final JsonComplexity complexity;
    private final ActiveContexts activeContexts;
    private final ProofConfigTemplates proofConfigs = new ProofConfigTemplates();
    // Never modified after construction, so safe to share between threads.
    private final JsonLdOptions options;

    public Canonicalizer(PinnedContexts contexts, WorkBudget budget) {
        this(contexts, budget, JsonComplexity.DEFAULT);
    }

    /**
     * @param complexity the most objects, values and array elements a document may have
     */
    public Canonicalizer(PinnedContexts contexts, WorkBudget budget, JsonComplexity complexity) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.complexity = Objects.requireNonNull(complexity, "complexity");
        this.activeContexts = new ActiveContexts(contexts);
        this.options = newOptions(contexts);
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
     *     IRIs, is not valid JSON-LD, is too complex, or is too costly to canonicalize
     * @throws org.credence.core.work.DeadlineExceededException when the thread's deadline passed
     */
    public String canonicalize(JsonObject document) {
        return proofConfigs
                .canonicalize(document, this::canonicalizeGenerally)
                .orElseGet(() -> canonicalizeGenerally(document));
    }

    private String canonicalizeGenerally(JsonObject document) {
        return canonicalizeExpanded(expand(document));
    }

    /**
     * JSON-LD expansion in safe mode.
     *
     * @throws JsonLdException {@link JsonLdProblem#TOO_COMPLEX} before any work when the document
     *     is over the complexity limits
     */
    public JsonArray expand(JsonObject document) {
        requireSimpleEnough(document);
        Deadline.checkCurrent("expanding the JSON-LD");
        try {
            JsonArray expanded = activeContexts.expand(document, options());
            Deadline.checkCurrent("expanding the JSON-LD");
            SafeMode.check(expanded);
            return expanded;
        } catch (JsonLdError e) {
            throw translate(e);
        }
    }

    /** Canonical N-Quads of an already expanded (and safe-mode checked) document. */
    public String canonicalizeExpanded(JsonArray expanded) {
        Rdfc10 canon = new Rdfc10(budget);
        try {
            ToRdfProcessor.toRdf(canon, expanded, options());
            return canon.canonicalNQuads();
        } catch (JsonLdError e) {
            throw translate(e);
        } catch (WorkBudget.ExceededException e) {
            throw new JsonLdException(
                    JsonLdProblem.WORK_LIMIT_EXCEEDED,
                    "Canonicalization stopped after "
                            + e.limit()
                            + ": the document's blank nodes are too symmetric to"
                            + " canonicalize at a reasonable cost (a poison graph)",
                    e);
        }
    }

    private void requireSimpleEnough(JsonObject document) {
        try {
            complexity.check(document);
        } catch (InputException e) {
            throw new JsonLdException(JsonLdProblem.TOO_COMPLEX, e.getMessage(), e);
        }
    }

    private JsonLdOptions options() {
        return options;
    }

    private static JsonLdOptions newOptions(PinnedContexts contexts) {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        // Parsing every IRI with java.net.URI cost a tenth of signing time. Scheme-only checks
        // suffice because SafeMode refuses any IRI that is not absolute and well-formed.
        options.setUriValidation(UriValidationPolicy.SchemeOnly);
        return options;
    }

    private static JsonLdException translate(JsonLdError error) {
        JsonLdErrorCode code = error.getCode();
        String message = error.getMessage() == null ? code.toMessage() : error.getMessage();
        if (code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED
                || code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED) {
            return new JsonLdException(JsonLdProblem.UNKNOWN_CONTEXT, deepestMessage(error), error);
        }
        if (code == JsonLdErrorCode.UNDEFINED_TERM) {
            return new JsonLdException(
                    JsonLdProblem.UNDEFINED_TERM,
                    "Safe mode: " + message + " (a term no context defines would be unsigned data)",
                    error);
        }
        return new JsonLdException(JsonLdProblem.INVALID_JSON_LD, code + ": " + message, error);
    }

    /** Titanium wraps the loader's error; its own message names the URL and the policy. */
    private static String deepestMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
    }
}
