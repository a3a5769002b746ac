package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * A {@code RubricCriterionLevel} of a result description: one level ({@code id}, {@code name},
 * optional {@code level}, {@code points}…). Immutable and thread-safe.
 */
public record RubricCriterionLevel(JsonObject json) {

    public RubricCriterionLevel {
        Objects.requireNonNull(json, "json");
        Fields.requireString(json, "id");
        Fields.requireType(json, "RubricCriterionLevel");
        Fields.requireString(json, "name");
        Fields.views(json, "alignment", Alignment::of);
    }

    public static RubricCriterionLevel of(JsonObject json) {
        return new RubricCriterionLevel(json);
    }

    public String id() {
        return json.getString("id");
    }

    public String name() {
        return json.getString("name");
    }

    public Optional<String> description() {
        return JsonValues.string(json, "description");
    }

    public Optional<String> level() {
        return JsonValues.string(json, "level");
    }

    public Optional<String> points() {
        return JsonValues.string(json, "points");
    }

    public List<Alignment> alignments() {
        return Fields.views(json, "alignment", Alignment::of);
    }
}
