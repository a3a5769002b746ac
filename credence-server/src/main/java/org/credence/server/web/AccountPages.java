package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;
import org.credence.app.organization.AccountService;
import org.credence.app.organization.SignUp;
import org.credence.app.organization.SignedIn;

/** The landing page, signing up, in and out. (Invitations: {@link InvitationPages}.) */
public final class AccountPages {

    private final AccountService accounts;
    private final Auth auth;
    private final Views views;

    public AccountPages(AccountService accounts, Auth auth, Views views) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.publicGet("/", this::landing);
        routes.publicGet(
                "/signup",
                ctx -> views.render(ctx, "signup.jte", anonymous(ctx, "Create an organisation")));
        routes.publicPost("/signup", this::signUp);
        routes.publicGet(
                "/login", ctx -> views.render(ctx, "login.jte", anonymous(ctx, "Sign in")));
        routes.publicPost("/login", this::login);
        routes.page(
                HandlerType.POST,
                "/logout",
                (ctx, session) -> {
                    auth.signOut(ctx);
                    ctx.redirect("/");
                });
    }

    private void landing(Context ctx) {
        Page page =
                auth.session(ctx)
                        .map(session -> Page.of("Credence", session))
                        .orElseGet(() -> new Page("Credence", null, ""));
        views.render(ctx, "landing.jte", page);
    }

    private void signUp(Context ctx) {
        SignedIn signedIn =
                accounts.signUp(
                        new SignUp(
                                Forms.field(ctx, "organisationName"),
                                Forms.field(ctx, "displayName"),
                                Forms.field(ctx, "email"),
                                Forms.field(ctx, "password")));
        auth.signIn(ctx, signedIn);
        ctx.redirect("/app");
    }

    private void login(Context ctx) {
        SignedIn signedIn =
                accounts.login(Forms.field(ctx, "email"), Forms.field(ctx, "password"), ctx.ip());
        auth.signIn(ctx, signedIn);
        ctx.redirect("/app");
    }

    private Page anonymous(Context ctx, String title) {
        return new Page(title, null, auth.anonymousCsrf(ctx));
    }
}
