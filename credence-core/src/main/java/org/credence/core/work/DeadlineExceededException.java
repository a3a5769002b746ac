package org.credence.core.work;

import java.time.Duration;

/** A unit of work ran past its {@link Deadline}; the message says what it was doing, plainly. */
public final class DeadlineExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration limit;

    DeadlineExceededException(Duration limit, String where) {
        super(
                "Checking stopped after "
                        + describe(limit)
                        + " of work (while "
                        + where
                        + "): the document is too costly to check");
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    private static String describe(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
