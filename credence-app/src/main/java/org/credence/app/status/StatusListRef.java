package org.credence.app.status;

import java.util.Optional;
import java.util.UUID;
import org.credence.core.status.StatusPurpose;

/**
 * The last path segment of a status list URL: {@code <list id>} for the revocation list, {@code
 * <list id>-s} for the suspension list of the same entries.
 */
record StatusListRef(UUID listId, StatusPurpose purpose) {

    static final String SUSPENSION_SUFFIX = "-s";

    static Optional<StatusListRef> parse(String segment) {
        if (segment == null) {
            return Optional.empty();
        }
        boolean suspension = segment.endsWith(SUSPENSION_SUFFIX);
        String id =
                suspension
                        ? segment.substring(0, segment.length() - SUSPENSION_SUFFIX.length())
                        : segment;
        if (id.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new StatusListRef(
                            UUID.fromString(id),
                            suspension ? StatusPurpose.SUSPENSION : StatusPurpose.REVOCATION));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String segment() {
        return purpose == StatusPurpose.SUSPENSION ? listId + SUSPENSION_SUFFIX : listId.toString();
    }
}
