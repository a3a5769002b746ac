package org.credence.app.issuer;

/**
 * A stored signing key could not be decrypted: the configured master key is not the one it was
 * encrypted with, or the stored ciphertext was altered or moved to another issuer. This is an
 * operations problem (wrong configuration or tampering), not a user error, so it is not an {@link
 * org.credence.app.AppException}. The message never contains secret material.
 */
public final class KeyDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
