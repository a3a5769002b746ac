package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A CLR 2.0 {@code ClrCredential}: a comprehensive learner record bundling a learner's credentials.
 * Immutable and thread-safe.
 */
public record ClrCredential(JsonObject json) implements Credential {

    /** The credential type of learner records. */
    public static final String TYPE = "ClrCredential";

    public ClrCredential {
        Objects.requireNonNull(json, "json");
        Envelope.validate(json, TYPE);
        JsonObject subject = Fields.requireObject(json, "credentialSubject");
        Fields.nested("credentialSubject", () -> ClrSubject.of(subject));
    }

    public static ClrCredential of(JsonObject json) {
        return new ClrCredential(json);
    }

    public ClrSubject credentialSubject() {
        return ClrSubject.of(json.getJsonObject("credentialSubject"));
    }
}
