package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * The {@code criteria} of an achievement: a URL ({@code id}) and/or a Markdown {@code narrative}.
 * Immutable and thread-safe.
 */
public record Criteria(JsonObject json) {

    public Criteria {
        Objects.requireNonNull(json, "json");
    }

    public static Criteria of(JsonObject json) {
        return new Criteria(json);
    }

    public Optional<String> id() {
        return JsonValues.string(json, "id");
    }

    public Optional<String> narrative() {
        return JsonValues.string(json, "narrative");
    }
}
