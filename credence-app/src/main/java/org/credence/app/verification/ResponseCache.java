package org.credence.app.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fetched documents kept in memory until they expire, least recently used first out once their
 * total size passes a bound. A small hand-written LRU (a synchronized access-ordered map) rather
 * than a new dependency: the project has no cache library, and fetches are network-bound, so one
 * lock is no bottleneck. Thread-safe.
 *
 * @param <V> the cached value
 */
final class ResponseCache<V> {

    private final Clock clock;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ResponseCache(Clock clock, long maxBytes) {
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    synchronized Optional<V> get(String key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps the value for {@code fresh}; nothing is kept for zero or for a value too large. */
    synchronized void put(String key, V value, long size, Duration fresh) {
        remove(key);
        if (fresh.isZero() || fresh.isNegative() || size > maxBytes) {
            return;
        }
        entries.put(key, new Entry<>(value, size, clock.instant().plus(fresh)));
        bytes += size;
        Iterator<Map.Entry<String, Entry<V>>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().size();
            oldest.remove();
        }
    }

    private void remove(String key) {
        Entry<V> old = entries.remove(key);
        if (old != null) {
            bytes -= old.size();
        }
    }

    private record Entry<V>(V value, long size, Instant expires) {}
}
