package org.credence.core.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.credence.core.crypto.Digests;

/**
 * Remembers the result of a pure function of a document's text, keyed by a SHA-256 of that text:
 * the same bytes give the same result, and a document that differs in any byte is computed again,
 * so a tampered copy can never borrow an earlier result. Failures (exceptions) are not remembered.
 *
 * <p>Used on the verification path for work that depends on nothing but the document (JSON-LD
 * canonicalization, JSON Schema evaluation): a credential verified again — the "verify" button of
 * its public page, an employer re-checking it — skips that work, while signatures, keys, dates and
 * status are checked every time. Thread-safe; at most {@code size} entries, least recently used
 * first out.
 *
 * @param <V> the remembered result (immutable)
 */
public final class ContentMemo<V> {

    private final Map<String, V> entries;

    public ContentMemo(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        this.entries =
                new LinkedHashMap<>(size, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                        return size() > size;
                    }
                };
    }

    /** The remembered result for this exact text, or {@code compute}'s, remembered. */
    public V get(String text, Supplier<V> compute) {
        String key = Digests.sha256Hex(text);
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        V value = compute.get();
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
