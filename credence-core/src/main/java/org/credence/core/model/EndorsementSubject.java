package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * The {@code credentialSubject} of an endorsement: the id of what is endorsed (a profile,
 * achievement or credential) and an optional comment. Immutable and thread-safe.
 */
public record EndorsementSubject(JsonObject json) {

    public EndorsementSubject {
        Objects.requireNonNull(json, "json");
        Fields.requireString(json, "id");
        Fields.requireType(json, "EndorsementSubject");
    }

    public static EndorsementSubject of(JsonObject json) {
        return new EndorsementSubject(json);
    }

    /** The id of the endorsed profile, achievement or credential. */
    public String id() {
        return json.getString("id");
    }

    public Optional<String> endorsementComment() {
        return JsonValues.string(json, "endorsementComment");
    }
}
