package org.credence.app.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket: {@code perSecond} permits a second, at most one second's worth saved up. Reads
 * time only from its clock, so tests drive it deterministically. Thread-safe.
 */
final class Throttle {

    private final int perSecond;
    private final Clock clock;
    private double permits;
    private Instant refilledAt;

    Throttle(int perSecond, Clock clock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.perSecond = perSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.permits = perSecond;
        this.refilledAt = clock.instant();
    }

    /** Permits available now (whole ones). */
    synchronized int available() {
        refill();
        return (int) Math.floor(permits);
    }

    /** Takes {@code count} permits; the caller asked {@link #available()} first. */
    synchronized void take(int count) {
        refill();
        if (count > Math.floor(permits)) {
            throw new IllegalStateException("only " + (int) permits + " permits, not " + count);
        }
        permits -= count;
    }

    /** How long until the next whole permit. */
    synchronized Duration untilNext() {
        refill();
        if (permits >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - permits) * 1e9 / perSecond));
    }

    private void refill() {
        Instant now = clock.instant();
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            permits = Math.min(perSecond, permits + seconds * perSecond);
            refilledAt = now;
        }
    }
}
