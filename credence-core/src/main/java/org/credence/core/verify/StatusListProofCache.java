package org.credence.core.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.credence.core.crypto.Digests;

/**
 * Remembers the proof and issuer-binding checks of status list credentials already verified, keyed
 * by a SHA-256 of the whole credential: a list that changes in any byte is verified again, so a
 * tampered copy can never borrow an earlier verdict. Entries live {@link #TTL} at most, so a key
 * removed from the issuer's DID document stops counting soon after. Validity dates are never cached
 * (they depend on the time of each check).
 *
 * <p>Every credential carries status entries; without this, each verification re-verified the same
 * two 131,072-entry lists (three proofs instead of one), which halved the throughput of {@code POST
 * /credentials/verify} (profiled under load). Thread-safe; at most {@link #SIZE} entries, least
 * recently used first out.
 */
final class StatusListProofCache {

    static final int SIZE = 256;
    static final Duration TTL = Duration.ofMinutes(5);

    private record Entry(List<Check> checks, Instant expires) {}

    private final Map<String, Entry> entries =
            new LinkedHashMap<>(SIZE, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > SIZE;
                }
            };

    /** The cached checks of this exact document, or {@code verify}'s, remembered. */
    List<Check> checks(String document, Instant now, Supplier<List<Check>> verify) {
        String key = Digests.sha256Hex(document);
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null && now.isBefore(entry.expires())) {
                return entry.checks();
            }
        }
        List<Check> checks = List.copyOf(verify.get());
        synchronized (entries) {
            entries.put(key, new Entry(checks, now.plus(TTL)));
        }
        return checks;
    }
}
