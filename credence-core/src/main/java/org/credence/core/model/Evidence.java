package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * {@code Evidence} of an achievement: a URL ({@code id}) and/or a {@code narrative}, with optional
 * descriptive fields. Immutable and thread-safe.
 */
public record Evidence(JsonObject json) {

    public Evidence {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "Evidence");
    }

    public static Evidence of(JsonObject json) {
        return new Evidence(json);
    }

    public Optional<String> id() {
        return JsonValues.string(json, "id");
    }

    public Optional<String> narrative() {
        return JsonValues.string(json, "narrative");
    }

    public Optional<String> name() {
        return JsonValues.string(json, "name");
    }

    public Optional<String> description() {
        return JsonValues.string(json, "description");
    }

    public Optional<String> genre() {
        return JsonValues.string(json, "genre");
    }

    public Optional<String> audience() {
        return JsonValues.string(json, "audience");
    }
}
