package org.credence.app.issuer;

import java.time.Instant;
import java.util.Optional;
import org.credence.core.crypto.KeyType;

/** A key row: the public key and the sealed secret ({@link KeyVault}). Package-private. */
record StoredKey(
        int number,
        KeyType type,
        String publicKeyMultibase,
        String sealedSecret,
        KeyStatus status,
        Instant createdAt,
        Optional<Instant> retiredAt) {

    IssuerKey toIssuerKey(String did) {
        return new IssuerKey(
                number,
                DidDocuments.methodId(did, this),
                type,
                publicKeyMultibase,
                status,
                createdAt,
                retiredAt);
    }

    @Override
    public String toString() {
        return "StoredKey[" + number + " " + publicKeyMultibase + " " + status + "]";
    }
}
