package org.credence.server.web;

import java.util.Objects;

/**
 * One registered route: method, path (Javalin syntax, e.g. {@code /app/members/{userId}/role}), who
 * may call it, and the largest request body it accepts.
 *
 * @param method e.g. {@code GET}
 * @param path the path pattern
 * @param access who may call it
 * @param maxBodyBytes the largest request body
 */
public record Route(String method, String path, Access access, long maxBodyBytes) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
    }

    /** {@code GET /app}: how tests and logs name a route. */
    public String key() {
        return method + " " + path;
    }
}
