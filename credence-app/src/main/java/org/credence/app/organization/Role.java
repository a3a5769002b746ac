package org.credence.app.organization;

import java.util.Locale;

/** What a member (or an API token) of an organisation may do. */
public enum Role {
    /** Everything, including members, keys, API tokens and the audit log. */
    OWNER,
    /** Designs achievements, issues, revokes and suspends credentials. */
    ISSUER,
    /** Reads. */
    VIEWER;

    /** Whether this role includes everything {@code required} allows. */
    public boolean allows(Role required) {
        return ordinal() <= required.ordinal();
    }

    /** The less powerful of this role and {@code cap} (a token capped by its creator's role). */
    public Role atMost(Role cap) {
        return ordinal() >= cap.ordinal() ? this : cap;
    }

    /** The lowercase name stored in the database and shown in the UI. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
