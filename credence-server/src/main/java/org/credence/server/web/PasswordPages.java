package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.organization.PasswordChange;
import org.credence.app.organization.PasswordService;

/**
 * Forgotten and changed passwords, for members ({@code /password-reset}, {@code /app/password}) and
 * learners ({@code /wallet/password-reset}, {@code /wallet/password}) alike. The reset request
 * answers with the same page whatever the address; the e-mailed link opens a form for the new
 * password; a refused password is shown on the form.
 */
public final class PasswordPages {

    private static final String SENT =
            "If an account signs in with this address, we have e-mailed it a link to choose a new"
                    + " password. It works once, for 30 minutes.";

    private final PasswordService passwords;
    private final Auth auth;
    private final Views views;
    private final String baseUrl;
    private final String prefix;

    /**
     * @param prefix the paths' prefix: {@code ""} for members, {@code "/wallet"} for learners
     */
    public PasswordPages(
            PasswordService passwords, Auth auth, Views views, String baseUrl, String prefix) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** The reset request and the e-mailed link's form. */
    public void registerReset(Routes routes) {
        String request = prefix + "/password-reset";
        routes.publicGet(request, ctx -> requestForm(ctx, null));
        routes.publicPost(request, this::requestReset);
        routes.publicGet(request + "/{token}", this::resetForm);
        routes.publicPost(request + "/{token}", this::reset);
    }

    /** A member's password change: {@code /app/password}. */
    public void registerMemberChange(Routes routes) {
        routes.page(
                HandlerType.GET,
                "/app/password",
                (ctx, session) -> changeForm(ctx, Page.of("Change password", session), null));
        routes.page(
                HandlerType.POST,
                "/app/password",
                (ctx, session) ->
                        change(
                                ctx,
                                Page.of("Change password", session),
                                session.userId(),
                                ctx.cookie(Auth.SESSION_COOKIE)));
    }

    /** A learner's password change: {@code /wallet/password}. */
    public void registerLearnerChange(Routes routes) {
        routes.learnerPage(
                HandlerType.GET,
                "/wallet/password",
                (ctx, learner) -> changeForm(ctx, Page.of("Change password", learner), null));
        routes.learnerPage(
                HandlerType.POST,
                "/wallet/password",
                (ctx, learner) ->
                        change(
                                ctx,
                                Page.of("Change password", learner),
                                learner.learnerId(),
                                ctx.cookie(Auth.LEARNER_COOKIE)));
    }

    private void requestForm(Context ctx, String error) {
        views.render(
                ctx,
                "account/reset-request.jte",
                anonymous(ctx, "Forgot your password?"),
                "action",
                prefix + "/password-reset",
                "error",
                error);
    }

    private void requestReset(Context ctx) {
        try {
            passwords.requestReset(Forms.field(ctx, "email"), baseUrl);
        } catch (AppException e) {
            if (e.problem() != Problem.INVALID_INPUT) {
                throw e;
            }
            ctx.status(HttpStatus.BAD_REQUEST);
            requestForm(ctx, "Enter an e-mail address, such as ada@example.org.");
            return;
        }
        notice(ctx, "Check your e-mail", SENT, "");
    }

    private void resetForm(Context ctx) {
        if (!passwords.resetLinkWorks(ctx.pathParam("token"))) {
            throw deadLink();
        }
        resetPage(ctx, null);
    }

    private void resetPage(Context ctx, String error) {
        views.render(
                ctx,
                "account/reset.jte",
                anonymous(ctx, "Choose a new password"),
                "action",
                prefix + "/password-reset/" + ctx.pathParam("token"),
                "error",
                error);
    }

    private void reset(Context ctx) {
        try {
            passwords.reset(ctx.pathParam("token"), Forms.field(ctx, "password"), baseUrl);
        } catch (AppException e) {
            if (e.problem() != Problem.INVALID_INPUT) {
                throw e;
            }
            ctx.status(HttpStatus.BAD_REQUEST);
            resetPage(ctx, withoutField(e));
            return;
        }
        notice(
                ctx,
                "Password changed",
                "Your new password is set, and you were signed out everywhere.",
                "Sign in with it on the sign-in page: " + baseUrl + prefix + "/login");
    }

    private void changeForm(Context ctx, Page page, String error) {
        views.render(
                ctx,
                "account/change.jte",
                page,
                "action",
                prefix.isEmpty() ? "/app/password" : "/wallet/password",
                "error",
                error,
                "done",
                "1".equals(ctx.queryParam("done")));
    }

    private void change(Context ctx, Page page, UUID accountId, String sessionToken) {
        try {
            passwords.change(
                    accountId,
                    sessionToken,
                    new PasswordChange(
                            Forms.field(ctx, "currentPassword"), Forms.field(ctx, "newPassword")),
                    baseUrl);
        } catch (AppException e) {
            if (e.problem() != Problem.INVALID_INPUT) {
                throw e;
            }
            ctx.status(HttpStatus.BAD_REQUEST);
            changeForm(ctx, page, withoutField(e));
            return;
        }
        ctx.redirect(
                (prefix.isEmpty() ? "/app/password" : "/wallet/password") + "?done=1",
                HttpStatus.SEE_OTHER);
    }

    private void notice(Context ctx, String title, String message, String detail) {
        views.render(
                ctx,
                "account/notice.jte",
                anonymous(ctx, title),
                "message",
                message,
                "detail",
                detail);
    }

    private Page anonymous(Context ctx, String title) {
        return new Page(title, null, auth.anonymousCsrf(ctx));
    }

    /** The service's message without its leading field name ("password: …"). */
    static String withoutField(AppException e) {
        String message = Objects.requireNonNullElse(e.getMessage(), "");
        String plain = message.replaceFirst("^[A-Za-z]+: ", "");
        return Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
    }

    private static AppException deadLink() {
        return new AppException(
                Problem.NOT_FOUND,
                "This link to set a new password has expired or was used already; ask for a new"
                        + " one");
    }
}
