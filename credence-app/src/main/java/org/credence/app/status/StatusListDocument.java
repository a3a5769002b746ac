package org.credence.app.status;

import java.time.Instant;
import java.util.Objects;

/**
 * A published, signed {@code BitstringStatusListCredential} as served at its URL.
 *
 * @param json the signed credential
 * @param etag a strong HTTP entity tag (quoted), changing whenever the JSON does
 * @param validUntil until when it may be cached (its {@code validUntil})
 */
public record StatusListDocument(String json, String etag, Instant validUntil) {

    public StatusListDocument {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
