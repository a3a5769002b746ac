package org.credence.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fixed clocks for tests: anything that reads the time takes a {@link Clock}. */
public final class FixedClock {

    /**
     * The "now" the conformance vectors are checked at. It matters: the expired vectors expired
     * before it, the valid ones are valid at it (some carry a {@code validUntil} in the 2030s), and
     * the not-yet-valid vector starts after it.
     */
    public static final Instant VECTORS_NOW = Instant.parse("2026-01-01T00:00:00Z");

    private FixedClock() {}

    /** A UTC clock that always answers {@code instant}. */
    public static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A UTC clock fixed at {@link #VECTORS_NOW}. */
    public static Clock vectorsNow() {
        return at(VECTORS_NOW);
    }
}
