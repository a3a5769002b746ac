package org.credence.server.web.wallet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.SkillsSummary;
import org.credence.app.wallet.WalletEntry;
import org.credence.app.wallet.WalletService;
import org.credence.app.wallet.WalletSharing;
import org.credence.server.web.ErrorMapper;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;
import org.credence.server.web.credential.VerificationView;

/**
 * The wallet: {@code /wallet} lists every credential with its verification of this moment and the
 * skills summary, and imports a file or a URL; {@code /wallet/credentials/{id}} shows one
 * credential with its checks; {@code POST /claim/{token}/add-to-wallet} is the claim page's "Add to
 * my wallet" for a signed-in learner.
 */
public final class WalletPages {

    /** Credential files: baked images are the largest (badge images are at most 512 KiB). */
    static final long MAX_IMPORT = 2L * 1024 * 1024;

    private final WalletService wallet;
    private final WalletSharing sharing;
    private final String baseUrl;
    private final Views views;

    public WalletPages(WalletService wallet, WalletSharing sharing, String baseUrl, Views views) {
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.learnerPage(HandlerType.GET, "/wallet", (ctx, learner) -> list(ctx, learner, null));
        routes.learnerPage(HandlerType.GET, "/wallet/credentials/{id}", this::detail);
        routes.learnerPage(HandlerType.POST, "/wallet/import", MAX_IMPORT, this::importCredential);
        routes.learnerPage(HandlerType.POST, "/claim/{token}/add-to-wallet", this::claim);
    }

    private void list(Context ctx, LearnerSession learner, String error) {
        List<WalletEntry> entries = wallet.entries(learner.learnerId());
        views.render(
                ctx,
                "wallet/list.jte",
                Page.of("My wallet", learner),
                "entries",
                entries,
                "summary",
                SkillsSummary.of(entries),
                "error",
                error,
                "collections",
                sharing.collections().collections(learner.learnerId()),
                "shares",
                sharing.shares().liveShares(learner.learnerId()),
                "issuers",
                issuerLines(entries));
    }

    /** What tells each entry's issuer apart, by entry id (none for an entry naming no issuer). */
    private java.util.Map<UUID, String> issuerLines(List<WalletEntry> entries) {
        java.util.Map<UUID, String> lines = new java.util.HashMap<>();
        for (WalletEntry entry : entries) {
            wallet.issuerOf(entry)
                    .ifPresent(
                            issuer ->
                                    lines.put(
                                            entry.id(),
                                            issuer.distinction() + " · " + issuer.confirmation()));
        }
        return lines;
    }

    private void detail(Context ctx, LearnerSession learner) {
        UUID id = Forms.id(ctx, "id", "Credential");
        WalletEntry entry = wallet.entry(learner.learnerId(), id);
        views.render(
                ctx,
                "wallet/detail.jte",
                Page.of(WalletLabels.pageTitle(entry), learner),
                "entry",
                entry,
                "verification",
                VerificationView.of(entry.report()),
                "sharing",
                WalletDetail.of(learner.learnerId(), entry, sharing, baseUrl),
                "issuer",
                wallet.issuerOf(entry));
    }

    private void importCredential(Context ctx, LearnerSession learner) throws IOException {
        String url = Forms.field(ctx, "url").strip();
        WalletEntry imported;
        try {
            imported =
                    url.isEmpty()
                            ? wallet.importFile(learner.learnerId(), upload(ctx))
                            : wallet.importUrl(learner.learnerId(), url);
        } catch (AppException e) {
            ctx.status(ErrorMapper.status(e.problem()));
            list(ctx, learner, e.getMessage().replaceFirst("^[a-z]+: ", ""));
            return;
        }
        ctx.redirect("/wallet/credentials/" + imported.id(), HttpStatus.SEE_OTHER);
    }

    private void claim(Context ctx, LearnerSession learner) {
        UUID credential = wallet.claim(learner.learnerId(), ctx.pathParam("token"));
        ctx.redirect("/wallet/credentials/" + credential, HttpStatus.SEE_OTHER);
    }

    private static byte[] upload(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw AppException.invalid("file: choose a credential file, or give its URL");
        }
        try (InputStream content = file.content()) {
            return content.readAllBytes();
        }
    }
}
