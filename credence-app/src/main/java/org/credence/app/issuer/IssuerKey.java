package org.credence.app.issuer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.crypto.KeyType;

/**
 * The public side of one of an issuer's signing keys (the secret never leaves the service).
 *
 * @param number 1 for the first key, increasing with each rotation
 * @param verificationMethodId {@code <did>#key-<number>} ({@code <did:key>#<key>} for a did:key)
 * @param type the key type (Ed25519)
 * @param publicKeyMultibase the Multikey public key
 * @param status active (signs) or retired (verifies earlier credentials)
 * @param createdAt when it was generated
 * @param retiredAt when a rotation replaced it
 */
public record IssuerKey(
        int number,
        String verificationMethodId,
        KeyType type,
        String publicKeyMultibase,
        KeyStatus status,
        Instant createdAt,
        Optional<Instant> retiredAt) {

    public IssuerKey {
        Objects.requireNonNull(verificationMethodId, "verificationMethodId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
        if (number < 1) {
            throw new IllegalArgumentException("key numbers start at 1");
        }
    }
}
