package org.credence.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.credence.server.web.Routes;

/**
 * Serves the hand-written OpenAPI 3.1 document of Credence's JSON APIs ({@code /api/v1}, the VC-API
 * and the Open Badges Service API) at the stable {@code GET /api/openapi.json}. A test compares it
 * with the registered routes, so it cannot drift from the code.
 */
public final class OpenApiDocument {

    public static final String PATH = "/api/openapi.json";

    private final String json;

    public OpenApiDocument(String baseUrl) {
        this.json = resource("openapi.json").replace("{base}", baseUrl);
    }

    public void register(Routes routes) {
        routes.publicGet(PATH, ctx -> ctx.contentType("application/json").result(json));
    }

    /** A UTF-8 resource of this package's {@code /api} folder. */
    static String resource(String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/api/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource /api/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
