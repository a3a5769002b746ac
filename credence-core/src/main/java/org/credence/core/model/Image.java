package org.credence.core.model;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.credence.core.json.JsonValues;

/**
 * An Open Badges 3.0 {@code Image}: {@code id} (the image URL or data URI), {@code type} {@code
 * Image}, optional {@code caption}. A bare URL, as older issuers write it, is read as an image with
 * only an id. Immutable and thread-safe.
 */
public record Image(JsonObject json) {

    public Image {
        Objects.requireNonNull(json, "json");
        Fields.requireString(json, "id");
        if (!Fields.isReference(json)) {
            Fields.requireType(json, "Image");
        }
    }

    /** Reads an image, or throws {@link ModelException} if it lacks what the spec requires. */
    public static Image of(JsonObject json) {
        return new Image(json);
    }

    public String id() {
        return json.getString("id");
    }

    public Optional<String> caption() {
        return JsonValues.string(json, "caption");
    }
}
