package org.credence.server.web.wallet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.wallet.LearnerAccountService;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.MergedAccount;
import org.credence.app.wallet.WalletExport;
import org.credence.server.web.Auth;
import org.credence.server.web.ErrorMapper;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * The learner's account page ({@code /wallet/account}): export everything as one ZIP ({@code GET
 * /wallet/export}, written while it downloads), merge a second wallet into this one by signing in
 * to it ({@code POST /wallet/merge}), and delete the account with the password entered again
 * ({@code POST /wallet/account/delete}), which also signs out.
 */
public final class LeavingPages {

    private final LearnerAccountService learners;
    private final WalletExport export;
    private final Auth auth;
    private final Views views;
    private final Clock clock;

    public LeavingPages(
            LearnerAccountService learners,
            WalletExport export,
            Auth auth,
            Views views,
            Clock clock) {
        this.learners = Objects.requireNonNull(learners, "learners");
        this.export = Objects.requireNonNull(export, "export");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(Routes routes) {
        routes.learnerPage(
                HandlerType.GET,
                "/wallet/account",
                (ctx, learner) -> page(ctx, learner, null, null));
        routes.learnerPage(HandlerType.GET, "/wallet/export", this::export);
        routes.learnerPage(HandlerType.POST, "/wallet/merge", this::merge);
        routes.learnerPage(HandlerType.POST, "/wallet/account/delete", this::delete);
    }

    private void page(Context ctx, LearnerSession learner, String message, String error) {
        views.render(
                ctx,
                "wallet/account.jte",
                Page.of("My account", learner),
                "message",
                message,
                "error",
                error);
    }

    private void export(Context ctx, LearnerSession learner) throws Exception {
        ctx.contentType("application/zip")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + WalletExport.fileName(clock.instant()) + "\"")
                .header("Cache-Control", "private, no-store");
        try (OutputStream out = ctx.outputStream()) {
            export.write(learner.learnerId(), out);
        }
    }

    private void merge(Context ctx, LearnerSession learner) {
        try {
            MergedAccount merged =
                    learners.merge(
                            learner.learnerId(),
                            Forms.field(ctx, "email"),
                            Forms.field(ctx, "password"));
            page(
                    ctx,
                    learner,
                    "The other wallet is now part of this one: %d identifiers, %d credentials and %d transcripts moved."
                            .formatted(
                                    merged.identifiers(),
                                    merged.credentials(),
                                    merged.transcripts()),
                    null);
        } catch (AppException e) {
            refused(ctx, learner, e);
        }
    }

    private void delete(Context ctx, LearnerSession learner) {
        try {
            learners.deleteAccount(learner.learnerId(), Forms.field(ctx, "password"));
        } catch (AppException e) {
            refused(ctx, learner, e);
            return;
        }
        auth.signOutLearner(ctx);
        ctx.redirect("/wallet/signup?deleted", HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, LearnerSession learner, AppException e) {
        if (e.problem() == Problem.NOT_FOUND) {
            throw e;
        }
        ctx.status(ErrorMapper.status(e.problem()));
        page(ctx, learner, null, e.getMessage().replaceFirst("^[a-z]+: ", ""));
    }
}
