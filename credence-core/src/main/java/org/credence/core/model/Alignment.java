package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * An {@code Alignment} of an achievement, result or rubric level to a framework node (a competency,
 * standard, CASE item…). Requires {@code type}, {@code targetName} and {@code targetUrl}. Immutable
 * and thread-safe.
 */
public record Alignment(JsonObject json) {

    public Alignment {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "Alignment");
        Fields.requireString(json, "targetName");
        Fields.requireString(json, "targetUrl");
    }

    public static Alignment of(JsonObject json) {
        return new Alignment(json);
    }

    public String targetName() {
        return json.getString("targetName");
    }

    public String targetUrl() {
        return json.getString("targetUrl");
    }

    public Optional<String> targetDescription() {
        return JsonValues.string(json, "targetDescription");
    }

    public Optional<String> targetFramework() {
        return JsonValues.string(json, "targetFramework");
    }

    public Optional<String> targetCode() {
        return JsonValues.string(json, "targetCode");
    }

    /** E.g. {@code CFItem}, {@code CTDL}, {@code ext:…}. */
    public Optional<String> targetType() {
        return JsonValues.string(json, "targetType");
    }
}
