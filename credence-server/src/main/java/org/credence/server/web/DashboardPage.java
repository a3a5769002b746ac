package org.credence.server.web;

import io.javalin.http.HandlerType;
import java.util.Objects;
import org.credence.server.Services;

/** {@code /app}: the signed-in member's start page. */
public final class DashboardPage {

    private final Services services;
    private final Views views;

    public DashboardPage(Services services, Views views) {
        this.services = Objects.requireNonNull(services, "services");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.page(
                HandlerType.GET,
                "/app",
                (ctx, session) ->
                        views.render(
                                ctx,
                                "dashboard.jte",
                                Page.of(session.organisationName(), session),
                                "memberCount",
                                services.members().list(session.actor()).size(),
                                "issuerCount",
                                services.issuers().list(session.actor()).size(),
                                "achievementCount",
                                services.achievements().list(session.actor()).size()));
    }
}
