package org.credence.app.wallet;

import java.util.Locale;

/** What a learner's identifier is. */
public enum IdentifierKind {
    /** An e-mail address, verified by a code sent to it. */
    EMAIL,
    /** A DID, kept as text; not yet verifiable (that needs a signed challenge). */
    DID;

    /** The stored value: {@code email} or {@code did}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IdentifierKind fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
