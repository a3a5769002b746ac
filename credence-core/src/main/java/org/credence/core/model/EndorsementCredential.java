package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * An Open Badges 3.0 {@code EndorsementCredential}: a third party's endorsement of a profile,
 * achievement or credential. Immutable and thread-safe.
 */
public record EndorsementCredential(JsonObject json) implements Credential {

    /** The credential type that marks an endorsement. */
    public static final String TYPE = "EndorsementCredential";

    public EndorsementCredential {
        Objects.requireNonNull(json, "json");
        Envelope.validate(json, TYPE);
        JsonObject subject = Fields.requireObject(json, "credentialSubject");
        Fields.nested("credentialSubject", () -> EndorsementSubject.of(subject));
    }

    public static EndorsementCredential of(JsonObject json) {
        return new EndorsementCredential(json);
    }

    public EndorsementSubject credentialSubject() {
        return EndorsementSubject.of(json.getJsonObject("credentialSubject"));
    }
}
