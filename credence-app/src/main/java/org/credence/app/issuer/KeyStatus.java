package org.credence.app.issuer;

import java.util.Locale;

/** Whether a signing key signs new credentials or only verifies earlier ones. */
public enum KeyStatus {
    /** Signs new credentials; one per issuer. */
    ACTIVE,
    /** Replaced by a rotation; stays in the DID document so earlier credentials still verify. */
    RETIRED;

    /** The lowercase name stored in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
