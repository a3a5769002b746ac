package org.credence.server.api;

import io.javalin.http.Context;
import org.credence.app.AppException;

/** Query parameters with field-named errors. */
final class Queries {

    private Queries() {}

    static int limit(Context ctx, int fallback) {
        return (int) number(ctx, "limit", fallback, 1, 500);
    }

    private static long number(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw AppException.invalid(name + ": between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw AppException.invalid(name + ": not a number");
        }
    }
}
