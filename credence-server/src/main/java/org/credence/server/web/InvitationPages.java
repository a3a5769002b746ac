package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.organization.AccountService;
import org.credence.app.organization.Invitation;
import org.credence.app.organization.MemberService;
import org.credence.app.organization.Session;
import org.credence.app.organization.SignedIn;

/**
 * {@code /invitations/{token}}: the e-mailed link's page, where the invited person accepts (signed
 * in as the invited address, with that account's password, or by creating the account) or declines.
 */
public final class InvitationPages {

    private final AccountService accounts;
    private final MemberService members;
    private final Auth auth;
    private final Views views;

    public InvitationPages(AccountService accounts, MemberService members, Auth auth, Views views) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.members = Objects.requireNonNull(members, "members");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.publicGet("/invitations/{token}", this::show);
        routes.publicPost(
                "/invitations/{token}",
                ctx ->
                        signIn(
                                ctx,
                                accounts.acceptInvitation(
                                        ctx.pathParam("token"),
                                        Forms.field(ctx, "displayName"),
                                        Forms.field(ctx, "password"))));
        routes.publicPost(
                "/invitations/{token}/sign-in",
                ctx ->
                        signIn(
                                ctx,
                                accounts.acceptInvitationWithPassword(
                                        ctx.pathParam("token"),
                                        Forms.field(ctx, "password"),
                                        ctx.ip())));
        routes.page(
                HandlerType.POST,
                "/invitations/{token}/accept",
                (ctx, session) -> {
                    members.accept(ctx.cookie(Auth.SESSION_COOKIE), ctx.pathParam("token"));
                    ctx.redirect("/app");
                });
        routes.publicPost(
                "/invitations/{token}/decline",
                ctx -> {
                    members.decline(ctx.pathParam("token"));
                    views.render(
                            ctx,
                            "invitation-declined.jte",
                            new Page("Invitation declined", null, auth.anonymousCsrf(ctx)));
                });
    }

    private void show(Context ctx) {
        String token = ctx.pathParam("token");
        Invitation invitation =
                accounts.invitation(token).orElseThrow(() -> AppException.notFound("Invitation"));
        Optional<Session> session = auth.session(ctx);
        String title = "Join " + invitation.organisationName();
        String anonymousCsrf = auth.anonymousCsrf(ctx);
        views.render(
                ctx,
                "invitation.jte",
                session.map(signedIn -> Page.of(title, signedIn))
                        .orElseGet(() -> new Page(title, null, anonymousCsrf)),
                "invitation",
                invitation,
                "token",
                token,
                "anonymousCsrf",
                anonymousCsrf);
    }

    private void signIn(Context ctx, SignedIn signedIn) {
        auth.signIn(ctx, signedIn);
        ctx.redirect("/app");
    }
}
