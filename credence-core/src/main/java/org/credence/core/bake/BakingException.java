package org.credence.core.bake;

import java.util.Objects;

/** An image that cannot be baked or read, with the reason as a {@link BakingError}. */
public final class BakingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final BakingError error;

    public BakingException(BakingError error, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.error = Objects.requireNonNull(error, "error");
    }

    public BakingException(BakingError error, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public BakingError error() {
        return error;
    }
}
