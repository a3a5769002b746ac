package org.credence.app.status;

import java.time.Duration;
import java.util.Objects;
import org.credence.core.status.BitstringStatusList;

/**
 * How status lists are sized and published.
 *
 * @param length entries per list, at least {@link BitstringStatusList#MIN_LENGTH_BITS} (the spec's
 *     minimum, so that one index says little about its holder) and a multiple of 8
 * @param fillShare the share of a list's entries handed out before a new list is opened; indexes
 *     are random, so a lower share keeps both allocation retries and what an index reveals small
 * @param ttl how long a published status list credential is valid ({@code validUntil}); verifiers
 *     and caches fetch it again after that
 */
public record StatusListPolicy(int length, double fillShare, Duration ttl) {

    public StatusListPolicy {
        Objects.requireNonNull(ttl, "ttl");
        if (length < BitstringStatusList.MIN_LENGTH_BITS || length % 8 != 0) {
            throw new IllegalArgumentException(
                    "status lists need at least "
                            + BitstringStatusList.MIN_LENGTH_BITS
                            + " entries, in multiples of 8: "
                            + length);
        }
        if (!(fillShare > 0 && fillShare <= 0.9)) {
            throw new IllegalArgumentException("fillShare must be in (0, 0.9]: " + fillShare);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
    }

    /** 131,072 entries, half of them used per list, published lists valid for 10 minutes. */
    public static StatusListPolicy standard() {
        return new StatusListPolicy(
                BitstringStatusList.MIN_LENGTH_BITS, 0.5, Duration.ofMinutes(10));
    }

    /** The number of indexes a list hands out before it is closed. */
    int capacity() {
        return (int) Math.floor(length * fillShare);
    }
}
