package org.credence.core.crypto;

/**
 * A key could not be decoded: unknown multicodec, wrong length, malformed multibase or JWK, or a
 * secret key that does not match its public key. Messages never contain secret material.
 */
public class KeyFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
