package org.credence.server.api;

import io.javalin.http.Context;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.credence.app.AppException;
import org.credence.core.json.InputException;
import org.credence.core.json.JsonInput;

/**
 * Reading JSON request bodies and writing JSON responses. Every JSON body the server reads goes
 * through {@link #parse}: the core's untrusted-JSON reader with its size, depth and duplicate-key
 * limits (the verifier's), so that hostile JSON is a 400 with a plain reason on every route, never
 * a 500.
 */
final class JsonBodies {

    private JsonBodies() {}

    /** The body as a JSON object; anything else is a 400 problem. */
    static JsonObject object(Context ctx) {
        return parse(ctx.body());
    }

    /** The text as a JSON object; anything else is a 400 problem. */
    static JsonObject parse(String body) {
        try {
            return JsonInput.DEFAULT.parseObject(body);
        } catch (InputException e) {
            throw AppException.invalid("body: " + e.getMessage());
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
