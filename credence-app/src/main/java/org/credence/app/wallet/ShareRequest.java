package org.credence.app.wallet;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a learner asks to share: one credential of their wallet or one of their collections, for a
 * while or until revoked.
 *
 * @param entryId the credential's wallet id, for a credential link
 * @param collectionId the collection, for a collection link
 * @param validity how long the link works; empty for "until I revoke it"
 */
public record ShareRequest(
        Optional<UUID> entryId, Optional<UUID> collectionId, Optional<Duration> validity) {

    public ShareRequest {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(validity, "validity");
    }

    public static ShareRequest ofCredential(UUID entryId, Optional<Duration> validity) {
        return new ShareRequest(Optional.of(entryId), Optional.empty(), validity);
    }

    public static ShareRequest ofCollection(UUID collectionId, Optional<Duration> validity) {
        return new ShareRequest(Optional.empty(), Optional.of(collectionId), validity);
    }
}
