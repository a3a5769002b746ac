package org.credence.core.did;

import java.util.Objects;
import org.credence.core.crypto.VerificationKey;

/**
 * A resolved verification method: its absolute id, its controller and its public key. Immutable,
 * thread-safe.
 *
 * @param id the absolute verification method URL, e.g. {@code did:key:z6Mk…#z6Mk…}
 * @param controller the DID or URL that controls the key (the one an issuer id must equal), or
 *     {@code null} when unknown (a key taken from a JWS {@code jwk} header)
 * @param key the public key
 */
public record VerificationMethod(String id, String controller, VerificationKey key) {

    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        if (controller != null && controller.isBlank()) {
            throw new IllegalArgumentException("controller must be null or not blank");
        }
    }

    /** Whether the controller is known and equals {@code issuerId}. */
    public boolean isControlledBy(String issuerId) {
        return controller != null && controller.equals(issuerId);
    }
}
