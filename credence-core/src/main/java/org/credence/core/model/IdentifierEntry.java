package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * An {@code IdentifierEntry} ({@code otherIdentifier} of a profile or achievement): an {@code
 * identifier} and its {@code identifierType} (e.g. {@code sourcedId}, {@code ext:…}). Immutable and
 * thread-safe.
 */
public record IdentifierEntry(JsonObject json) {

    public IdentifierEntry {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "IdentifierEntry");
        Fields.requireString(json, "identifier");
        Fields.requireString(json, "identifierType");
    }

    public static IdentifierEntry of(JsonObject json) {
        return new IdentifierEntry(json);
    }

    public String identifier() {
        return json.getString("identifier");
    }

    public String identifierType() {
        return json.getString("identifierType");
    }
}
