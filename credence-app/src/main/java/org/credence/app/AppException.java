package org.credence.app;

import java.util.Objects;

/** A service refused a request; {@link #problem()} says which kind of refusal, the message why. */
public final class AppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Problem problem;

    public AppException(Problem problem, String message) {
        this(problem, message, null);
    }

    public AppException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }

    public static AppException notFound(String what) {
        return new AppException(Problem.NOT_FOUND, what + " not found");
    }

    public static AppException invalid(String message) {
        return new AppException(Problem.INVALID_INPUT, message);
    }
}
