package org.credence.core.status;

import java.util.Objects;

/** A status list, status entry or status list credential that cannot be used, with the reason. */
public final class StatusListException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final StatusListError error;

    public StatusListException(StatusListError error, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.error = Objects.requireNonNull(error, "error");
    }

    public StatusListException(StatusListError error, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public StatusListError error() {
        return error;
    }
}
