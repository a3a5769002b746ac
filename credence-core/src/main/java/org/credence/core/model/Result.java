package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * A {@code Result} the recipient earned: a value, a status or an achieved rubric level, usually
 * pointing to a {@link ResultDescription} of the achievement by id. Immutable and thread-safe.
 */
public record Result(JsonObject json) {

    public Result {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "Result");
        Fields.views(json, "alignment", Alignment::of);
    }

    public static Result of(JsonObject json) {
        return new Result(json);
    }

    /** The id of the {@link ResultDescription} this result is for. */
    public Optional<String> resultDescription() {
        return JsonValues.string(json, "resultDescription");
    }

    public Optional<String> value() {
        return JsonValues.string(json, "value");
    }

    /** E.g. {@code Completed}, {@code Enrolled}, {@code Failed}, {@code InProgress}. */
    public Optional<String> status() {
        return JsonValues.string(json, "status");
    }

    /** The id of the achieved {@link RubricCriterionLevel}. */
    public Optional<String> achievedLevel() {
        return JsonValues.string(json, "achievedLevel");
    }

    public List<Alignment> alignments() {
        return Fields.views(json, "alignment", Alignment::of);
    }
}
