package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.IssuerService;
import org.credence.app.organization.Session;

/**
 * {@code /app/issuers}: the list for every member; creating, editing and rotating keys for owners.
 * An issuer's page shows its DID, its did.json and the history of its keys.
 */
public final class IssuerPages {

    private static final Map<String, String> FIELDS = Map.of("image", ImageField.FILE);

    private final IssuerService issuers;
    private final Views views;

    public IssuerPages(IssuerService issuers, Views views) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.page(
                HandlerType.GET,
                "/app/issuers",
                (ctx, session) -> list(ctx, session, FormState.empty()));
        routes.page(HandlerType.POST, "/app/issuers", ImageField.MAX_BODY, this::create);
        routes.page(
                HandlerType.GET,
                "/app/issuers/{issuerId}",
                (ctx, session) -> {
                    IssuerProfile issuer = issuers.get(session.actor(), issuerId(ctx));
                    show(ctx, session, issuer, form(issuer), FormState.empty());
                });
        routes.page(HandlerType.POST, "/app/issuers/{issuerId}", ImageField.MAX_BODY, this::update);
        routes.page(HandlerType.POST, "/app/issuers/{issuerId}/rotate-key", this::rotate);
    }

    private void create(Context ctx, Session session) {
        FormState form = FormState.of(ctx);
        try {
            IssuerProfile created =
                    issuers.create(
                            session.actor(),
                            draft(ctx, Forms.field(ctx, "slug"), Optional.empty()));
            ctx.redirect("/app/issuers/" + created.id());
        } catch (AppException e) {
            FormState refused = form.refused(e, FIELDS);
            ctx.status(FormState.status(e));
            list(ctx, session, refused);
        }
    }

    private void update(Context ctx, Session session) {
        IssuerProfile current = issuers.get(session.actor(), issuerId(ctx));
        FormState form = FormState.of(ctx);
        try {
            issuers.update(
                    session.actor(),
                    current.id(),
                    draft(ctx, current.slug(), current.details().image()));
            ctx.redirect("/app/issuers/" + current.id());
        } catch (AppException e) {
            FormState refused = form.refused(e, FIELDS);
            ctx.status(FormState.status(e));
            show(ctx, session, current, refused, FormState.empty());
        }
    }

    private void rotate(Context ctx, Session session) {
        IssuerProfile issuer = issuers.get(session.actor(), issuerId(ctx));
        if (!Forms.field(ctx, "confirm").equals("yes")) {
            FormState refused =
                    FormState.empty()
                            .refused(
                                    AppException.invalid(
                                            "confirm: tick the box to confirm the rotation"),
                                    Map.of());
            ctx.status(400);
            show(ctx, session, issuer, form(issuer), refused);
            return;
        }
        issuers.rotateKey(session.actor(), issuer.id());
        ctx.redirect("/app/issuers/" + issuer.id() + "#keys");
    }

    private static IssuerDraft draft(Context ctx, String slug, Optional<String> currentImage) {
        return new IssuerDraft(
                slug,
                Forms.field(ctx, "name"),
                Optional.of(Forms.field(ctx, "url")),
                Optional.of(Forms.field(ctx, "email")),
                Optional.of(Forms.field(ctx, "description")),
                ImageField.chosen(ctx, currentImage, ""));
    }

    private static FormState form(IssuerProfile issuer) {
        IssuerDraft details = issuer.details();
        return FormState.of(
                Map.of(
                        "slug", details.slug(),
                        "name", details.name(),
                        "url", details.url().orElse(""),
                        "email", details.email().orElse(""),
                        "description", details.description().orElse("")));
    }

    private void list(Context ctx, Session session, FormState form) {
        views.render(
                ctx,
                "issuers.jte",
                Page.of("Issuers", session),
                "issuers",
                issuers.list(session.actor()),
                "form",
                form);
    }

    private void show(
            Context ctx,
            Session session,
            IssuerProfile issuer,
            FormState form,
            FormState rotation) {
        views.render(
                ctx,
                "issuer.jte",
                Page.of(issuer.name(), session),
                "issuer",
                issuer,
                "keys",
                issuers.keys(session.actor(), issuer.id()),
                "form",
                form,
                "rotation",
                rotation,
                "inlineImage",
                ImageField.inline(issuer.details().image()));
    }

    private static UUID issuerId(Context ctx) {
        return Forms.id(ctx, "issuerId", "Issuer");
    }
}
