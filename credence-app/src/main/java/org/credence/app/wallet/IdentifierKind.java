package org.credence.app.wallet;

import java.util.Locale;

/** What a learner's identifier is. */
public enum IdentifierKind {
    /** An e-mail address, verified by a code sent to it. */
    EMAIL,
    /** A DID, verified by a presentation signed by one of its keys (DID authentication). */
    DID;

    /** The stored value: {@code email} or {@code did}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IdentifierKind fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
