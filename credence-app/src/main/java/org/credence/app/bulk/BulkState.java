package org.credence.app.bulk;

import java.util.Locale;

/** Where a bulk issue is in its life. */
public enum BulkState {
    /** Uploaded and checked (the dry run); nothing issued yet. */
    DRAFT,
    /** Confirmed; its job waits for a worker. */
    QUEUED,
    /** A worker is issuing its rows. */
    RUNNING,
    /** Every row issued, skipped or failed. */
    COMPLETED,
    /** The job gave up (its attempts spent); rows issued so far stay issued. */
    FAILED,
    /** Discarded before confirmation. */
    CANCELLED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BulkState fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
