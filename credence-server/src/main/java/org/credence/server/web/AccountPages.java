package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.organization.AccountService;
import org.credence.app.organization.SignUp;
import org.credence.app.organization.SignedIn;

/**
 * The landing page, signing up (an e-mailed link confirms the address before the organisation
 * exists), signing in and out. (Invitations: {@link InvitationPages}.)
 */
public final class AccountPages {

    private final AccountService accounts;
    private final Auth auth;
    private final Views views;
    private final String baseUrl;

    public AccountPages(AccountService accounts, Auth auth, Views views, String baseUrl) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    public void register(Routes routes) {
        routes.publicGet("/", this::landing);
        routes.publicGet(
                "/signup",
                ctx -> views.render(ctx, "signup.jte", anonymous(ctx, "Create an organisation")));
        routes.publicPost("/signup", this::signUp);
        routes.publicGet("/signup/{token}", this::confirmation);
        routes.publicPost("/signup/{token}", this::confirm);
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

    /** Answers the same page whether or not the address has an account (the e-mail differs). */
    private void signUp(Context ctx) {
        accounts.register(
                new SignUp(
                        Forms.field(ctx, "organisationName"),
                        Forms.field(ctx, "displayName"),
                        Forms.field(ctx, "email"),
                        Forms.field(ctx, "password")),
                baseUrl);
        views.render(
                ctx,
                "account/notice.jte",
                anonymous(ctx, "Check your e-mail"),
                "message",
                CHECK_EMAIL,
                "detail",
                "");
    }

    static final String CHECK_EMAIL =
            "We have sent a link to the address you entered. Open it to confirm the address and"
                    + " finish creating your account; it works for 24 hours. (If the address has an"
                    + " account already, the e-mail says how to sign in instead.)";

    private void confirmation(Context ctx) {
        String token = ctx.pathParam("token");
        String email =
                accounts.signUpAddress(token)
                        .orElseThrow(
                                () ->
                                        new AppException(
                                                org.credence.app.Problem.NOT_FOUND,
                                                "This sign-up link has expired or was used"
                                                        + " already; sign in, or sign up again"));
        views.render(
                ctx,
                "account/confirm.jte",
                anonymous(ctx, "Confirm your e-mail address"),
                "action",
                "/signup/" + token,
                "email",
                email);
    }

    private void confirm(Context ctx) {
        auth.signIn(ctx, accounts.confirmSignUp(ctx.pathParam("token")));
        ctx.redirect("/app", io.javalin.http.HttpStatus.SEE_OTHER);
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
