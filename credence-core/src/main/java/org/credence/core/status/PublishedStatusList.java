package org.credence.core.status;

import java.util.Objects;

/**
 * What a status list credential publishes: its id, the purpose of its bits and the decoded list.
 *
 * @param credentialId the status list credential's {@code id}
 * @param purpose what a set bit means
 * @param list the decoded bits
 */
public record PublishedStatusList(
        String credentialId, StatusPurpose purpose, BitstringStatusList list) {

    public PublishedStatusList {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(list, "list");
    }

    /**
     * The status this list gives to {@code entry}: {@code true} means revoked, suspended, ... as
     * the purpose says. The caller fetched this list from {@code entry.statusListCredential()}; the
     * id is not compared with that URL because real lists are served from other addresses than
     * their id (for example the DCC test lists).
     *
     * @throws StatusListException {@link StatusListError#STATUS_VERIFICATION_ERROR} when the
     *     purposes differ, {@link StatusListError#RANGE_ERROR} when the index is outside the list
     */
    public boolean statusOf(StatusListEntry entry) {
        if (entry.purpose() != purpose) {
            throw new StatusListException(
                    StatusListError.STATUS_VERIFICATION_ERROR,
                    "the entry's statusPurpose "
                            + entry.purpose().value()
                            + " differs from the list's "
                            + purpose.value());
        }
        return list.get(entry.index());
    }
}
