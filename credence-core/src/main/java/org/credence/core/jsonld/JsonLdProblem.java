package org.credence.core.jsonld;

/** Why a document could not be turned into canonical RDF. Codes appear in verification reports. */
public enum JsonLdProblem {
    /** A context URL that is not one of the pinned contexts: never fetched. */
    UNKNOWN_CONTEXT,
    /** A term used in the document that no context defines (JSON-LD "safe mode"). */
    UNDEFINED_TERM,
    /** A {@code @type} or {@code @id} that expands to a relative IRI (JSON-LD "safe mode"). */
    RELATIVE_IRI,
    /** The document violates the JSON-LD 1.1 algorithms (invalid keyword use, bad context...). */
    INVALID_JSON_LD,
    /**
     * More objects, values or array elements than any real credential needs: refused before any
     * JSON-LD work (see {@link org.credence.core.json.JsonComplexity}).
     */
    TOO_COMPLEX,
    /** RDF Dataset Canonicalization exceeded its deterministic work budget (poison graph). */
    WORK_LIMIT_EXCEEDED
}
