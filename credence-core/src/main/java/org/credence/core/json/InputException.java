package org.credence.core.json;

import java.util.Objects;

/** An input is not a readable credential; {@link #problem()} says why, the message says how. */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final InputProblem problem;

    public InputException(InputProblem problem, String message) {
        this(problem, message, null);
    }

    public InputException(InputProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public InputProblem problem() {
        return problem;
    }
}
