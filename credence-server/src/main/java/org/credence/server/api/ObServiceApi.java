package org.credence.server.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.credential.CredentialDocument;
import org.credence.app.credential.CredentialFeed;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.issuer.IssuerProfile;
import org.credence.core.json.JsonInput;
import org.credence.core.json.Jsons;
import org.credence.server.Services;
import org.credence.server.web.Routes;

/**
 * The read side of the 1EdTech Open Badges 3.0 Service API under {@code /ims/ob/v3p0}: the public
 * service description ({@code /discovery}), the organisation's issued credentials ({@code
 * /credentials}, paged by {@code limit}/{@code offset}/{@code since} with {@code X-Total-Count} and
 * {@code Link}) and its issuer profile ({@code /profile}). Callers authenticate with a Credence API
 * token as the bearer token; OAuth 2.0 (dynamic client registration, authorization code grant and
 * scopes) is not implemented yet, and the discovery document says so. Errors are {@code
 * Imsx_StatusInfo}.
 */
public final class ObServiceApi {

    public static final String PREFIX = "/ims/ob/v3p0";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    private static final int DEFAULT_LIMIT = 50;

    private final Services services;
    private final CredentialFeed feed;
    private final String base;
    private final String discovery;

    public ObServiceApi(Services services) {
        this.services = Objects.requireNonNull(services, "services");
        this.feed = new CredentialFeed(services.database());
        this.base = services.host().base();
        this.discovery = OpenApiDocument.resource("ob-discovery.json").replace("{base}", base);
    }

    public void register(Routes routes) {
        routes.publicGet(
                PREFIX + "/discovery",
                ctx -> ctx.contentType("application/json").result(discovery));
        routes.api(
                HandlerType.GET, PREFIX + "/credentials", (ctx, actor) -> credentials(ctx, actor));
        routes.api(
                HandlerType.GET,
                PREFIX + "/profile",
                (ctx, actor) -> {
                    IssuerProfile issuer =
                            services.issuers().list(actor).stream()
                                    .findFirst()
                                    .orElseThrow(() -> AppException.notFound("Issuer profile"));
                    JsonBodies.send(
                            ctx,
                            200,
                            Jsons.PROVIDER
                                    .createObjectBuilder()
                                    .add(
                                            "@context",
                                            Jsons.PROVIDER.createArrayBuilder().add(OB_CONTEXT))
                                    .addAll(
                                            Jsons.PROVIDER.createObjectBuilder(
                                                    issuer.toProfile().json()))
                                    .build());
                });
    }

    private void credentials(Context ctx, org.credence.app.organization.Actor actor) {
        int limit = (int) number(ctx, "limit", DEFAULT_LIMIT, 1, CredentialFeed.MAX_LIMIT);
        long offset = number(ctx, "offset", 0, 0, Long.MAX_VALUE);
        Optional<Instant> since = since(ctx);
        CredentialFeed.Page page = feed.page(actor, since, offset, limit);
        JsonArrayBuilder credential = Jsons.PROVIDER.createArrayBuilder();
        JsonArrayBuilder jws = Jsons.PROVIDER.createArrayBuilder();
        for (CredentialDocument document : page.documents()) {
            if (document.format() == SecuringFormat.VC_JWT) {
                jws.add(document.text());
            } else {
                credential.add(JsonInput.DEFAULT.parseObject(document.text()));
            }
        }
        ctx.header("X-Total-Count", Long.toString(page.total()));
        ctx.header("Link", links(page.total(), offset, limit, since));
        JsonObject body =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("credential", credential)
                        .add("compactJwsString", jws)
                        .build();
        JsonBodies.send(ctx, 200, body);
    }

    /** first and last always; next when incomplete; prev when the offset is above zero. */
    private String links(long total, long offset, int limit, Optional<Instant> since) {
        List<String> links = new ArrayList<>();
        long lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit;
        if (offset + limit < total) {
            links.add(link(offset + limit, limit, since, "next"));
        }
        links.add(link(lastOffset, limit, since, "last"));
        links.add(link(0, limit, since, "first"));
        if (offset > 0) {
            links.add(link(Math.max(0, offset - limit), limit, since, "prev"));
        }
        return String.join(", ", links);
    }

    private String link(long offset, int limit, Optional<Instant> since, String rel) {
        String url = base + PREFIX + "/credentials?limit=" + limit + "&offset=" + offset;
        if (since.isPresent()) {
            url += "&since=" + URLEncoder.encode(since.get().toString(), StandardCharsets.UTF_8);
        }
        return "<" + url + ">; rel=\"" + rel + "\"";
    }

    private static Optional<Instant> since(Context ctx) {
        String value = ctx.queryParam("since");
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw AppException.invalid("since: must be a date-time such as 2026-01-31T12:00:00Z");
        }
    }

    private static long number(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw AppException.invalid(name + ": must be a whole number from " + min + " to " + max);
    }
}
