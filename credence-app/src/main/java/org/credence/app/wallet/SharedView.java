package org.credence.app.wallet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an open share link shows, and nothing more: the shared credentials verified now, each with
 * the learner's name only when the learner chose to show it for that credential.
 *
 * @param status whether the link is shared; anything else shows nothing at all
 * @param collectionName the collection's name, for a collection link that is shared
 * @param credentials the shared credentials (empty unless shared)
 */
public record SharedView(
        ShareStatus status, Optional<String> collectionName, List<SharedCredential> credentials) {

    public SharedView {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(collectionName, "collectionName");
        credentials = List.copyOf(credentials);
        if (status != ShareStatus.SHARED
                && (!credentials.isEmpty() || collectionName.isPresent())) {
            throw new IllegalArgumentException("a link that is not shared shows nothing");
        }
    }

    static SharedView withdrawn(ShareStatus status) {
        return new SharedView(status, Optional.empty(), List.of());
    }

    /**
     * One shared credential.
     *
     * @param entry the credential, verified now
     * @param holderName the learner's name, only when they chose to show it and the credential
     *     names one of their verified identifiers ({@link WalletEntry#addressed()})
     */
    public record SharedCredential(WalletEntry entry, Optional<String> holderName) {
        public SharedCredential {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(holderName, "holderName");
        }
    }
}
