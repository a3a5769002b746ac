package org.credence.app.status;

import java.util.Objects;
import java.util.UUID;

/**
 * A credential's place in its issuer's status lists: one index, used in both the revocation and the
 * suspension list.
 *
 * @param listId the status list
 * @param index the credential's {@code statusListIndex}
 */
public record StatusSlot(UUID listId, int index) {

    public StatusSlot {
        Objects.requireNonNull(listId, "listId");
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
    }
}
