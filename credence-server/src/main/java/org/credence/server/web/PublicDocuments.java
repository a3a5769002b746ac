package org.credence.server.web;

import io.javalin.http.Context;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.credence.app.issuer.IssuerService;

/** Public, cacheable documents: the DID documents and the style sheet. */
public final class PublicDocuments {

    private final IssuerService issuers;
    private final byte[] css;

    public PublicDocuments(IssuerService issuers) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.css = resource("/static/credence.css");
    }

    public void register(Routes routes) {
        routes.publicGet("/.well-known/did.json", ctx -> did(ctx, issuers.platformDidDocument()));
        routes.publicGet(
                "/issuers/{slug}/did.json",
                ctx -> did(ctx, issuers.didDocument(ctx.pathParam("slug"))));
        routes.publicGet(
                "/static/credence.css",
                ctx ->
                        ctx.contentType("text/css; charset=utf-8")
                                .header("Cache-Control", "public, max-age=3600")
                                .result(css));
    }

    private static void did(Context ctx, JsonObject document) {
        // Short caching: a rotated key must reach verifiers soon.
        ctx.contentType("application/did+json")
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .result(document.toString());
    }

    /** A file bundled with the server (e.g. {@code /static/verify-page.js}). */
    public static byte[] resource(String name) {
        try (InputStream in = PublicDocuments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
