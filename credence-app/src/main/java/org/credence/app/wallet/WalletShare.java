package org.credence.app.wallet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A public link to one wallet credential or one collection. Its token is never stored (only its
 * SHA-256), so the link itself is shown once, when it is made.
 *
 * @param id the link's id (for revoking it)
 * @param entryId the shared credential's wallet id, for a credential link
 * @param collectionId the shared collection, for a collection link (neither is present for the
 *     revoked link of a deleted collection)
 * @param createdAt when it was made
 * @param expiresAt when it stops working, if it does
 * @param revokedAt when the learner revoked it, if they did
 */
public record WalletShare(
        UUID id,
        Optional<UUID> entryId,
        Optional<UUID> collectionId,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt) {

    public WalletShare {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        boolean deletedCollection =
                entryId.isEmpty() && collectionId.isEmpty() && revokedAt.isPresent();
        if (entryId.isPresent() == collectionId.isPresent() && !deletedCollection) {
            throw new IllegalArgumentException("a share is of one credential or one collection");
        }
    }

    /** Whether the link opens now: not revoked, not expired. */
    public boolean active(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }

    /** Whether it is past its expiry (and not revoked first). */
    public boolean expired(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(end -> !now.isBefore(end)).orElse(false);
    }
}
