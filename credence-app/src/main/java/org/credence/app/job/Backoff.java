package org.credence.app.job;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between attempts: {@code initial} after the first failure, doubling each
 * time, never more than {@code max}. Spreads retries out so that a broken dependency (an SMTP
 * server down, a full disk) is not hammered while it recovers.
 *
 * @param initial the delay after the first failed attempt
 * @param max the longest delay
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff must be at least the initial one");
        }
    }

    /** The delay after {@code failedAttempts} failures (1 for the first). */
    public Duration after(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1");
        }
        Duration delay = initial;
        for (int attempt = 1; attempt < failedAttempts && delay.compareTo(max) < 0; attempt++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }
}
