package org.credence.app.job;

import java.util.Locale;

/** Where a job is in its life. */
public enum JobState {
    /** Waiting for a worker (first run, or a retry after {@code run_after}). */
    QUEUED,
    /** Leased by a worker; runs again elsewhere if the lease runs out. */
    RUNNING,
    /** Its handler returned normally. */
    SUCCEEDED,
    /** Its handler failed on the last allowed attempt. */
    FAILED,
    /** Cancelled before a worker took it. */
    CANCELLED;

    /** The lowercase name stored in the database. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the job will never run again. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
