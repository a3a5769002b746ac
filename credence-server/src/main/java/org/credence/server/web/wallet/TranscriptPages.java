package org.credence.server.web.wallet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.WalletEntry;
import org.credence.app.wallet.WalletService;
import org.credence.app.wallet.WalletTranscript;
import org.credence.app.wallet.WalletTranscriptService;
import org.credence.server.web.ErrorMapper;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * CLR 2.0 transcripts in the wallet: {@code /wallet/transcripts} lists the wallet's credentials to
 * tick and the transcripts made so far; posting the ticked ones has the platform sign a transcript
 * that the wallet keeps; {@code /wallet/transcripts/{id}.json} downloads one.
 */
public final class TranscriptPages {

    private final WalletService wallet;
    private final WalletTranscriptService transcripts;
    private final Views views;

    public TranscriptPages(WalletService wallet, WalletTranscriptService transcripts, Views views) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.learnerPage(
                HandlerType.GET, "/wallet/transcripts", (ctx, learner) -> page(ctx, learner, null));
        routes.learnerPage(HandlerType.POST, "/wallet/transcripts", this::create);
        routes.learnerPage(HandlerType.GET, "/wallet/transcripts/{id}.json", this::download);
    }

    private void page(Context ctx, LearnerSession learner, String error) {
        views.render(
                ctx,
                "wallet/transcripts.jte",
                Page.of("My transcripts", learner),
                "entries",
                wallet.entries(learner.learnerId()).stream()
                        .filter(WalletEntry::addressed)
                        .toList(),
                "transcripts",
                transcripts.transcripts(learner.learnerId()),
                "error",
                error);
    }

    private void create(Context ctx, LearnerSession learner) {
        List<UUID> chosen = new ArrayList<>();
        for (String value : ctx.formParams("credential")) {
            chosen.add(credentialId(value));
        }
        try {
            transcripts.create(learner.learnerId(), chosen);
        } catch (AppException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                throw e;
            }
            ctx.status(ErrorMapper.status(e.problem()));
            page(ctx, learner, e.getMessage().replaceFirst("^[a-z]+: ", ""));
            return;
        }
        ctx.redirect("/wallet/transcripts", HttpStatus.SEE_OTHER);
    }

    private void download(Context ctx, LearnerSession learner) {
        WalletTranscript transcript =
                transcripts.transcript(learner.learnerId(), Forms.id(ctx, "id", "Transcript"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + transcript.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .contentType("application/vc+ld+json")
                .result(transcript.document().getBytes(StandardCharsets.UTF_8));
    }

    /** A ticked box's value; anything that is no id is no credential of this wallet. */
    private static UUID credentialId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw AppException.notFound("Credential");
        }
    }
}
