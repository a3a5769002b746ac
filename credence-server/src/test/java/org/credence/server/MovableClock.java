package org.credence.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock tests move forward by hand, to expire offers, codes and exchanges. Thread-safe. */
final class MovableClock extends Clock {

    private volatile Instant now;

    /** Starts at {@code start} in whole milliseconds: databases keep microseconds (or round). */
    MovableClock(Instant start) {
        this.now = start.truncatedTo(ChronoUnit.MILLIS);
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
