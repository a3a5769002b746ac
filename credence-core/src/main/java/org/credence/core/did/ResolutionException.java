package org.credence.core.did;

import java.util.Objects;

/**
 * A verification method could not be resolved. Checked on purpose: every caller (a verifier) must
 * turn it into a report entry, "could not check" for {@link ResolutionError#NETWORK_UNAVAILABLE},
 * never let it escape or read it as "valid".
 */
public class ResolutionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ResolutionError error;

    public ResolutionException(ResolutionError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ResolutionException(ResolutionError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ResolutionError error() {
        return error;
    }
}
