package org.credence.server.api;

import io.javalin.http.Context;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.credence.app.AppException;
import org.credence.core.json.Jsons;

/** Reading JSON request bodies and writing JSON responses. */
final class JsonBodies {

    private JsonBodies() {}

    /** The body as a JSON object; anything else is a 400 problem. */
    static JsonObject object(Context ctx) {
        return parse(ctx.body());
    }

    /** The text as a JSON object; anything else is a 400 problem. */
    static JsonObject parse(String body) {
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw AppException.invalid("body: must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw AppException.invalid("body: not valid JSON");
        }
    }

    /** A required string member. */
    static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonString text)) {
            throw AppException.invalid(name + ": is required (a string)");
        }
        return text.getString();
    }

    static void send(Context ctx, int status, JsonValue json) {
        ctx.status(status).contentType("application/json").result(json.toString());
    }
}
