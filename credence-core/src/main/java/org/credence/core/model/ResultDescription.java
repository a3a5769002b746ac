package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * A {@code ResultDescription} of an achievement: what kind of result a recipient may earn (a grade,
 * a rubric level, a status…). Requires {@code id}, {@code type}, {@code name} and {@code
 * resultType}. Immutable and thread-safe.
 */
public record ResultDescription(JsonObject json) {

    public ResultDescription {
        Objects.requireNonNull(json, "json");
        Fields.requireString(json, "id");
        Fields.requireType(json, "ResultDescription");
        Fields.requireString(json, "name");
        Fields.requireString(json, "resultType");
        Fields.views(json, "alignment", Alignment::of);
        Fields.views(json, "rubricCriterionLevel", RubricCriterionLevel::of);
    }

    public static ResultDescription of(JsonObject json) {
        return new ResultDescription(json);
    }

    public String id() {
        return json.getString("id");
    }

    public String name() {
        return json.getString("name");
    }

    /** E.g. {@code LetterGrade}, {@code RubricCriterionLevel}, {@code Status}, {@code ext:…}. */
    public String resultType() {
        return json.getString("resultType");
    }

    public List<String> allowedValues() {
        return JsonValues.strings(json, "allowedValue");
    }

    /** The id of the rubric criterion level required to earn the achievement. */
    public Optional<String> requiredLevel() {
        return JsonValues.string(json, "requiredLevel");
    }

    public Optional<String> requiredValue() {
        return JsonValues.string(json, "requiredValue");
    }

    public Optional<String> valueMin() {
        return JsonValues.string(json, "valueMin");
    }

    public Optional<String> valueMax() {
        return JsonValues.string(json, "valueMax");
    }

    public List<RubricCriterionLevel> rubricCriterionLevels() {
        return Fields.views(json, "rubricCriterionLevel", RubricCriterionLevel::of);
    }

    public List<Alignment> alignments() {
        return Fields.views(json, "alignment", Alignment::of);
    }
}
