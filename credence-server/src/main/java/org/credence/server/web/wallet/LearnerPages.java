package org.credence.server.web.wallet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.wallet.DidAuthentication;
import org.credence.app.wallet.IdentifierService;
import org.credence.app.wallet.LearnerAccountService;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.LearnerSignUp;
import org.credence.app.wallet.LearnerSignedIn;
import org.credence.app.wallet.WalletService;
import org.credence.server.Services;
import org.credence.server.web.Auth;
import org.credence.server.web.ErrorMapper;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * The learner's account pages: opening a wallet ({@code /wallet/signup}), signing in and out
 * ({@code /wallet/login}, {@code /wallet/logout}), and the identifiers page where addresses are
 * added and verified with their e-mailed codes, and DIDs with a pasted presentation answering their
 * challenge (DID authentication). Signing up or in from a claim link ({@code ?claim=<token>})
 * claims that credential into the wallet at once.
 */
public final class LearnerPages {

    private static final String TOKEN = "[A-Za-z0-9_-]{43}";

    private final LearnerAccountService learners;
    private final IdentifierService identifiers;
    private final DidAuthentication didAuthentication;
    private final WalletService wallet;
    private final Auth auth;
    private final Views views;
    private final String baseUrl;

    public LearnerPages(Services services, Auth auth, Views views) {
        this.baseUrl = services.host().base();
        this.learners = services.learners();
        this.identifiers = services.identifiers();
        this.didAuthentication = services.didAuthentication();
        this.wallet = services.wallet();
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.publicGet("/wallet/signup", ctx -> form(ctx, "wallet/signup.jte", "Open a wallet"));
        routes.publicPost("/wallet/signup", this::signUp);
        routes.publicGet("/wallet/signup/{token}", this::confirmation);
        routes.publicPost("/wallet/signup/{token}", this::confirm);
        routes.publicGet(
                "/wallet/login", ctx -> form(ctx, "wallet/login.jte", "Sign in to your wallet"));
        routes.publicPost("/wallet/login", this::login);
        routes.learnerPage(
                HandlerType.POST,
                "/wallet/logout",
                (ctx, learner) -> {
                    auth.signOutLearner(ctx);
                    ctx.redirect("/wallet/login", HttpStatus.SEE_OTHER);
                });
        routes.learnerPage(
                HandlerType.GET,
                "/wallet/identifiers",
                (ctx, learner) -> identifiersPage(ctx, learner, null));
        routes.learnerPage(HandlerType.POST, "/wallet/identifiers", this::add);
        routes.learnerPage(
                HandlerType.POST, "/wallet/identifiers/{identifierId}/verify", this::verify);
        routes.learnerPage(
                HandlerType.POST, "/wallet/identifiers/{identifierId}/resend", this::resend);
        routes.learnerPage(
                HandlerType.POST, "/wallet/identifiers/{identifierId}/present", this::present);
    }

    private void form(Context ctx, String template, String title) {
        views.render(
                ctx,
                template,
                new Page(title, null, auth.anonymousCsrf(ctx)),
                "claim",
                claimToken(ctx).orElse(""));
    }

    /** Answers the same page whether or not the address has a wallet (the e-mail differs). */
    private void signUp(Context ctx) {
        learners.register(
                new LearnerSignUp(
                        Forms.field(ctx, "displayName"),
                        Forms.field(ctx, "email"),
                        Forms.field(ctx, "password")),
                baseUrl,
                claimToken(ctx).map(claim -> "?claim=" + claim).orElse(""));
        views.render(
                ctx,
                "account/notice.jte",
                new Page("Check your e-mail", null, auth.anonymousCsrf(ctx)),
                "message",
                "We have sent a link to the address you entered. Open it to confirm the address"
                        + " and open your wallet; it works for 24 hours. (If the address has a"
                        + " wallet already, the e-mail says how to sign in instead.)",
                "detail",
                "");
    }

    private void confirmation(Context ctx) {
        String token = ctx.pathParam("token");
        String email =
                learners.signUpAddress(token)
                        .orElseThrow(
                                () ->
                                        new AppException(
                                                Problem.NOT_FOUND,
                                                "This sign-up link has expired or was used"
                                                        + " already; sign in, or sign up again"));
        views.render(
                ctx,
                "account/confirm.jte",
                new Page("Confirm your e-mail address", null, auth.anonymousCsrf(ctx)),
                "action",
                "/wallet/signup/"
                        + token
                        + claimToken(ctx).map(claim -> "?claim=" + claim).orElse(""),
                "email",
                email);
    }

    private void confirm(Context ctx) {
        LearnerSignedIn signedIn = learners.confirmSignUp(ctx.pathParam("token"));
        auth.signIn(ctx, signedIn);
        afterSignIn(ctx, signedIn, "/wallet/identifiers");
    }

    private void login(Context ctx) {
        LearnerSignedIn signedIn =
                learners.login(Forms.field(ctx, "email"), Forms.field(ctx, "password"), ctx.ip());
        auth.signIn(ctx, signedIn);
        afterSignIn(ctx, signedIn, "/wallet");
    }

    /** Claims the credential of the claim link the learner came from, if any. */
    private void afterSignIn(Context ctx, LearnerSignedIn signedIn, String otherwise) {
        Optional<String> claim = claimToken(ctx);
        if (claim.isPresent()) {
            UUID credential = wallet.claim(signedIn.session().learnerId(), claim.get());
            ctx.redirect("/wallet/credentials/" + credential, HttpStatus.SEE_OTHER);
        } else {
            ctx.redirect(otherwise, HttpStatus.SEE_OTHER);
        }
    }

    private void add(Context ctx, LearnerSession learner) {
        String kind = Forms.field(ctx, "kind");
        String value = Forms.field(ctx, "value");
        refusedInline(
                ctx,
                learner,
                () -> {
                    if ("did".equals(kind)) {
                        identifiers.addDid(learner.learnerId(), value);
                    } else {
                        identifiers.addEmail(learner.learnerId(), value);
                    }
                });
    }

    private void verify(Context ctx, LearnerSession learner) {
        UUID id = Forms.id(ctx, "identifierId", "Identifier");
        String code = Forms.field(ctx, "code");
        refusedInline(ctx, learner, () -> identifiers.verify(learner.learnerId(), id, code));
    }

    private void present(Context ctx, LearnerSession learner) {
        UUID id = Forms.id(ctx, "identifierId", "Identifier");
        String presentation = Forms.field(ctx, "presentation");
        refusedInline(
                ctx,
                learner,
                () -> didAuthentication.verify(learner.learnerId(), id, presentation));
    }

    private void resend(Context ctx, LearnerSession learner) {
        UUID id = Forms.id(ctx, "identifierId", "Identifier");
        refusedInline(ctx, learner, () -> identifiers.resend(learner.learnerId(), id));
    }

    /**
     * Runs the change and goes back to the identifiers page; a refusal of the input is shown there
     * (with its status), anything else (another learner's identifier: not found) as usual.
     */
    private void refusedInline(Context ctx, LearnerSession learner, Runnable change) {
        try {
            change.run();
            ctx.redirect("/wallet/identifiers", HttpStatus.SEE_OTHER);
        } catch (AppException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                throw e;
            }
            ctx.status(ErrorMapper.status(e.problem()));
            identifiersPage(ctx, learner, e.getMessage().replaceFirst("^[a-z]+: ", ""));
        }
    }

    private void identifiersPage(Context ctx, LearnerSession learner, String error) {
        views.render(
                ctx,
                "wallet/identifiers.jte",
                Page.of("My identifiers", learner),
                "identifiers",
                identifiers.identifiers(learner.learnerId()),
                "domain",
                didAuthentication.domain(),
                "error",
                error);
    }

    private static Optional<String> claimToken(Context ctx) {
        String token = ctx.queryParam("claim");
        if (token == null) {
            token = ctx.formParam("claim");
        }
        return token != null && token.matches(TOKEN) ? Optional.of(token) : Optional.empty();
    }
}
