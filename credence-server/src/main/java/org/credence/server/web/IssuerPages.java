package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.issuer.DidMethod;
import org.credence.app.issuer.DomainProof;
import org.credence.app.issuer.IssuerDraft;
import org.credence.app.issuer.IssuerIdentity;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.IssuerService;
import org.credence.app.issuer.IssuerStanding;
import org.credence.app.issuer.IssuerTrustService;
import org.credence.app.issuer.IssuerTrustService.DomainCheck;
import org.credence.app.organization.Session;

/**
 * {@code /app/issuers}: the list for every member (each issuer with what tells it apart and whether
 * it is confirmed); creating (did:web or did:key), editing, rotating keys and verifying the domain
 * of the issuer's URL for owners. An issuer's page shows its DID, its did.json and the history of
 * its keys.
 */
public final class IssuerPages {

    private static final Map<String, String> FIELDS = Map.of("image", ImageField.FILE);

    private final IssuerService issuers;
    private final IssuerTrustService trust;
    private final Views views;

    /** An issuer in the list: its id and identity. */
    public record Row(String id, IssuerIdentity identity) {}

    /**
     * The issuer page's identity section.
     *
     * @param identity what tells the issuer apart, and whether it is confirmed
     * @param standing vetting and domain verification
     * @param proof the token to publish, when one was given for the URL's current host
     * @param check the outcome of a check just made, if any
     */
    public record Standing(
            IssuerIdentity identity,
            IssuerStanding standing,
            Optional<DomainProof> proof,
            Optional<DomainCheck> check) {}

    public IssuerPages(IssuerService issuers, IssuerTrustService trust, Views views) {
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.trust = Objects.requireNonNull(trust, "trust");
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
                    show(ctx, session, issuer, form(issuer), FormState.empty(), Optional.empty());
                });
        routes.page(HandlerType.POST, "/app/issuers/{issuerId}", ImageField.MAX_BODY, this::update);
        routes.page(HandlerType.POST, "/app/issuers/{issuerId}/rotate-key", this::rotate);
        routes.page(HandlerType.POST, "/app/issuers/{issuerId}/domain", this::requestDomain);
        routes.page(HandlerType.POST, "/app/issuers/{issuerId}/domain/check", this::checkDomain);
    }

    private void create(Context ctx, Session session) {
        FormState form = FormState.of(ctx);
        try {
            IssuerProfile created =
                    issuers.create(
                            session.actor(),
                            draft(ctx, Forms.field(ctx, "slug"), Optional.empty()),
                            DidMethod.parse(Forms.field(ctx, "didMethod")));
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
            show(ctx, session, current, refused, FormState.empty(), Optional.empty());
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
            show(ctx, session, issuer, form(issuer), refused, Optional.empty());
            return;
        }
        issuers.rotateKey(session.actor(), issuer.id());
        ctx.redirect("/app/issuers/" + issuer.id() + "#keys");
    }

    private void requestDomain(Context ctx, Session session) {
        UUID issuerId = issuerId(ctx);
        trust.requestDomainVerification(session.actor(), issuerId);
        ctx.redirect("/app/issuers/" + issuerId + "#domain");
    }

    private void checkDomain(Context ctx, Session session) {
        UUID issuerId = issuerId(ctx);
        DomainCheck check = trust.checkDomain(session.actor(), issuerId);
        IssuerProfile issuer = issuers.get(session.actor(), issuerId);
        show(ctx, session, issuer, form(issuer), FormState.empty(), Optional.of(check));
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
        Map<UUID, IssuerStanding> standings = trust.standings(session.actor());
        List<Row> rows =
                issuers.list(session.actor()).stream()
                        .map(
                                issuer ->
                                        new Row(
                                                issuer.id().toString(),
                                                IssuerIdentity.of(
                                                        issuer,
                                                        standings.getOrDefault(
                                                                issuer.id(), IssuerStanding.NONE))))
                        .toList();
        views.render(
                ctx, "issuers.jte", Page.of("Issuers", session), "issuers", rows, "form", form);
    }

    private void show(
            Context ctx,
            Session session,
            IssuerProfile issuer,
            FormState form,
            FormState rotation,
            Optional<DomainCheck> check) {
        IssuerStanding standing = trust.standing(session.actor(), issuer.id());
        Optional<String> host = issuer.details().url().map(DomainProof::hostOf);
        Optional<DomainProof> proof =
                standing.domainHost().isPresent()
                                && standing.domainHost().equals(host)
                                && standing.domainToken().isPresent()
                        ? Optional.of(new DomainProof(host.get(), standing.domainToken().get()))
                        : Optional.empty();
        views.render(
                ctx,
                "issuer.jte",
                Page.of(issuer.name(), session),
                "issuer",
                issuer,
                "standing",
                new Standing(IssuerIdentity.of(issuer, standing), standing, proof, check),
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
