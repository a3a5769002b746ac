package org.credence.server.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;

/** Optional members of a JSON request body, with field-named errors for the wrong type. */
final class JsonFields {

    private JsonFields() {}

    /** Whether the member is present (also when it is {@code null}). */
    static boolean has(JsonObject body, String name) {
        return body.containsKey(name);
    }

    /** A string member; absent or {@code null} is empty. */
    static Optional<String> text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        throw AppException.invalid(name + ": must be a string");
    }

    /** A string member, or "" when absent (for required fields the services then name). */
    static String required(JsonObject body, String name) {
        return text(body, name).orElse("");
    }

    static Optional<BigDecimal> decimal(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.bigDecimalValue());
        }
        throw AppException.invalid(name + ": must be a number");
    }

    static Optional<Integer> integer(JsonObject body, String name) {
        return decimal(body, name)
                .map(
                        number -> {
                            try {
                                return number.intValueExact();
                            } catch (ArithmeticException e) {
                                throw AppException.invalid(name + ": must be a whole number");
                            }
                        });
    }

    static List<String> strings(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw AppException.invalid(name + ": must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw AppException.invalid(name + ": must be an array of strings");
            }
            strings.add(text.getString());
        }
        return strings;
    }

    static List<UUID> uuids(JsonObject body, String name) {
        List<UUID> ids = new ArrayList<>();
        for (String text : strings(body, name)) {
            try {
                ids.add(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                throw AppException.invalid(name + ": not an id: " + text);
            }
        }
        return ids;
    }
}
