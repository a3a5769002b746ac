package org.credence.core.status;

import java.util.Locale;

/** The {@code statusPurpose} values of Bitstring Status List v1.0, serialized in lower case. */
public enum StatusPurpose {
    REVOCATION,
    SUSPENSION,
    REFRESH,
    MESSAGE;

    /** The value as it appears in JSON, e.g. {@code "revocation"}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a JSON value; matching is exact (the spec's values are lower case).
     *
     * @throws StatusListException {@link StatusListError#UNKNOWN_STATUS_PURPOSE} otherwise
     */
    public static StatusPurpose fromValue(String value) {
        for (StatusPurpose purpose : values()) {
            if (purpose.value().equals(value)) {
                return purpose;
            }
        }
        throw new StatusListException(
                StatusListError.UNKNOWN_STATUS_PURPOSE, "unknown statusPurpose: " + value);
    }
}
