package org.credence.core.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Lenient readers for credential JSON, which comes from anywhere: a field may be missing, a string
 * where an array is allowed, or simply the wrong type. None of these methods throws on bad shapes.
 */
public final class JsonValues {

    private JsonValues() {}

    /**
     * A date-time member with a time zone offset (ISO 8601 / XML Schema {@code dateTime}), if
     * present.
     *
     * @param format how the error names the expected form, e.g. "an XML Schema dateTime"
     * @throws DateTimeParseException when it is present but not a string of that form
     */
    public static Optional<Instant> dateTime(JsonObject object, String key, String format) {
        if (!object.containsKey(key)) {
            return Optional.empty();
        }
        String text =
                string(object, key)
                        .orElseThrow(
                                () -> new DateTimeParseException(key + " is not a string", "", 0));
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException(
                    key + " \"" + text + "\" is not " + format + " with a time zone",
                    text,
                    e.getErrorIndex());
        }
    }

    /** The string value of a field, if it is a string. */
    public static Optional<String> string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString string
                ? Optional.of(string.getString())
                : Optional.empty();
    }

    /** The object value of a field, if it is an object. */
    public static Optional<JsonObject> object(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonObject child ? Optional.of(child) : Optional.empty();
    }

    /** A field that may hold one value or an array of values, as a list (empty when absent). */
    public static List<JsonValue> list(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        return value instanceof JsonArray array ? array : List.of(value);
    }

    /** The objects among a one-or-many field. */
    public static List<JsonObject> objects(JsonObject object, String key) {
        return list(object, key).stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast)
                .toList();
    }

    /** The strings among a one-or-many field (e.g. {@code type}). */
    public static List<String> strings(JsonObject object, String key) {
        return list(object, key).stream()
                .filter(JsonString.class::isInstance)
                .map(value -> ((JsonString) value).getString())
                .toList();
    }

    /**
     * The id of a field that is either a string id or an object with an {@code id} (e.g. {@code
     * issuer}).
     */
    public static Optional<String> idOf(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return value instanceof JsonObject child ? string(child, "id") : Optional.empty();
    }
}
