package org.credence.server.web;

import io.javalin.http.HandlerType;
import java.util.Objects;
import org.credence.app.organization.ApiTokenService;
import org.credence.app.organization.CreatedApiToken;

/** {@code /app/tokens}: API tokens (owners only); a new token's secret is shown once. */
public final class TokenPages {

    private final ApiTokenService tokens;
    private final Views views;

    public TokenPages(ApiTokenService tokens, Views views) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.page(
                HandlerType.GET,
                "/app/tokens",
                (ctx, session) ->
                        views.render(
                                ctx,
                                "tokens.jte",
                                Page.of("API tokens", session),
                                "tokens",
                                tokens.list(session.actor()),
                                "newSecret",
                                null));
        routes.page(
                HandlerType.POST,
                "/app/tokens",
                (ctx, session) -> {
                    CreatedApiToken created =
                            tokens.create(
                                    session.actor(),
                                    Forms.field(ctx, "name"),
                                    Forms.role("role", Forms.field(ctx, "role")));
                    views.render(
                            ctx,
                            "tokens.jte",
                            Page.of("API tokens", session),
                            "tokens",
                            tokens.list(session.actor()),
                            "newSecret",
                            created.secret());
                });
        routes.page(
                HandlerType.POST,
                "/app/tokens/{tokenId}/revoke",
                (ctx, session) -> {
                    tokens.revoke(session.actor(), Forms.id(ctx, "tokenId", "API token"));
                    ctx.redirect("/app/tokens");
                });
    }
}
