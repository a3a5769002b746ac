package org.credence.server.web;

import io.javalin.http.Context;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.organization.Role;

/** Reading form fields and path parameters into values, with field-named errors. */
public final class Forms {

    private Forms() {}

    /** A form field, empty when absent. */
    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    public static Role role(String field, String value) {
        for (Role role : Role.values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        throw AppException.invalid(field + ": must be owner, issuer or viewer");
    }

    /** A UUID path parameter; anything else is simply not found. */
    public static UUID id(Context ctx, String name, String what) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw AppException.notFound(what);
        }
    }
}
