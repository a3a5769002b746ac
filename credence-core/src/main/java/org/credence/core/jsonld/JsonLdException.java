package org.credence.core.jsonld;

import java.util.Objects;

/** A document could not be expanded or canonicalized; {@link #problem()} says why. */
public final class JsonLdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final JsonLdProblem problem;

    public JsonLdException(JsonLdProblem problem, String message) {
        this(problem, message, null);
    }

    public JsonLdException(JsonLdProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public JsonLdProblem problem() {
        return problem;
    }
}
