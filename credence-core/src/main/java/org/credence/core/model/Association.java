package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;
import org.credence.core.json.Jsons;

/**
 * A CLR 2.0 {@code Association} between two achievements of a learner record (e.g. {@code
 * isChildOf}, {@code precedes}), by their ids. Immutable and thread-safe.
 */
public record Association(JsonObject json) {

    public Association {
        Objects.requireNonNull(json, "json");
        Fields.requireType(json, "Association");
        Fields.requireString(json, "associationType");
        Fields.requireString(json, "sourceId");
        Fields.requireString(json, "targetId");
    }

    public static Association of(JsonObject json) {
        return new Association(json);
    }

    /** A new association, e.g. {@code between(courseId, "isChildOf", programId)}. */
    public static Association between(String sourceId, String associationType, String targetId) {
        return of(
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("type", "Association")
                        .add("associationType", associationType)
                        .add("sourceId", sourceId)
                        .add("targetId", targetId)
                        .build());
    }

    public String associationType() {
        return json.getString("associationType");
    }

    public String sourceId() {
        return json.getString("sourceId");
    }

    public String targetId() {
        return json.getString("targetId");
    }
}
