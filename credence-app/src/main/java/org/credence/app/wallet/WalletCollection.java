package org.credence.app.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner's named group of wallet credentials (e.g. "Cybersecurity toolkit").
 *
 * @param id the collection's id
 * @param name its name, unique in the learner's wallet
 * @param entryIds the wallet ids of its credentials, in the order they were added; an id whose
 *     credential has left the wallet stays here but is never shown
 * @param createdAt when it was made
 */
public record WalletCollection(UUID id, String name, List<UUID> entryIds, Instant createdAt) {

    public WalletCollection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        entryIds = List.copyOf(entryIds);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean contains(UUID entryId) {
        return entryIds.contains(entryId);
    }
}
