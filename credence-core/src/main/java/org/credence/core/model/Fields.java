package org.credence.core.model;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.credence.core.json.JsonValues;
import org.credence.core.json.Jsons;

/** Strict readers used by the views' validation; they throw {@link ModelException}. */
final class Fields {

    private Fields() {}

    static String requireString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw new ModelException(ModelProblem.MISSING_PROPERTY, field, "is required");
        }
        if (!(value instanceof JsonString string)) {
            throw new ModelException(ModelProblem.WRONG_JSON_TYPE, field, "must be a string");
        }
        return string.getString();
    }

    static JsonObject requireObject(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            throw new ModelException(ModelProblem.MISSING_PROPERTY, field, "is required");
        }
        if (!(value instanceof JsonObject object)) {
            throw new ModelException(ModelProblem.WRONG_JSON_TYPE, field, "must be an object");
        }
        return object;
    }

    /** Checks that {@code type} includes one of the given values. */
    static void requireType(JsonObject json, String... anyOf) {
        if (json.get("type") == null) {
            throw new ModelException(
                    ModelProblem.MISSING_PROPERTY, "type", "is required (" + anyOf[0] + ")");
        }
        List<String> types = JsonValues.strings(json, "type");
        if (Arrays.stream(anyOf).noneMatch(types::contains)) {
            throw new ModelException(
                    ModelProblem.MISSING_TYPE,
                    "type",
                    "must include " + String.join(" or ", anyOf) + " but is " + types);
        }
    }

    /** Whether an object only names something by id (a JSON-LD node reference). */
    static boolean isReference(JsonObject json) {
        return json.size() == 1 && json.get("id") instanceof JsonString;
    }

    /** An object field, or a bare string id read as {@code {"id": …}}. */
    static Optional<JsonObject> objectOrReference(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value instanceof JsonString id) {
            return Optional.of(Jsons.PROVIDER.createObjectBuilder().add("id", id).build());
        }
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonObject object)) {
            throw new ModelException(
                    ModelProblem.WRONG_JSON_TYPE, field, "must be an object or a URL string");
        }
        return Optional.of(object);
    }

    static Optional<Instant> instant(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            throw new ModelException(ModelProblem.WRONG_JSON_TYPE, field, "must be a string");
        }
        try {
            return Optional.of(OffsetDateTime.parse(string.getString()).toInstant());
        } catch (DateTimeParseException e) {
            throw new ModelException(
                    ModelProblem.INVALID_DATE_TIME,
                    field,
                    "is not a date-time with time zone: " + string.getString());
        }
    }

    static Optional<BigDecimal> decimal(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number)) {
            throw new ModelException(ModelProblem.WRONG_JSON_TYPE, field, "must be a number");
        }
        return Optional.of(number.bigDecimalValue());
    }

    /** Reads a nested view, reporting its problems under {@code field}. */
    static <T> T nested(String field, Supplier<T> reader) {
        try {
            return reader.get();
        } catch (ModelException e) {
            throw e.within(field);
        }
    }

    static <T> Optional<T> optionalView(JsonObject json, String field, Function<JsonObject, T> of) {
        return objectOrReference(json, field).map(object -> nested(field, () -> of.apply(object)));
    }

    /** The views of a one-or-many field of objects; a non-object element is a problem. */
    static <T> List<T> views(JsonObject json, String field, Function<JsonObject, T> of) {
        List<JsonValue> values = JsonValues.list(json, field);
        List<T> views = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String path = field + "[" + i + "]";
            if (!(values.get(i) instanceof JsonObject object)) {
                throw new ModelException(ModelProblem.WRONG_JSON_TYPE, path, "must be an object");
            }
            views.add(nested(path, () -> of.apply(object)));
        }
        return List.copyOf(views);
    }
}
