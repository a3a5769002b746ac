package org.credence.core.ob2;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * A badge object (assertion, BadgeClass, issuer Profile, key, revocation list) as found: fetched,
 * embedded, or missing with the reason it could not be had.
 *
 * @param document the object, when it could be had
 * @param code why not (a {@code ResolutionError} name, {@code FETCH_LIMIT}, {@code MISSING} …)
 * @param message plain-language reason, or how the object was found
 */
record Resolved(Optional<JsonObject> document, String code, String message) {

    Resolved {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Resolved found(JsonObject document, String how) {
        return new Resolved(Optional.of(document), "OK", how);
    }

    static Resolved missing(String code, String message) {
        return new Resolved(Optional.empty(), code, message);
    }

    boolean isFound() {
        return document.isPresent();
    }

    JsonObject get() {
        return document.orElseThrow();
    }
}
