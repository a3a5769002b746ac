package org.credence.server.web.wallet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.wallet.CreatedShare;
import org.credence.app.wallet.CredentialSource;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.ShareRequest;
import org.credence.app.wallet.ShareStatus;
import org.credence.app.wallet.SharedView;
import org.credence.app.wallet.WalletEntry;
import org.credence.app.wallet.WalletService;
import org.credence.app.wallet.WalletSharing;
import org.credence.server.Services;
import org.credence.server.web.Auth;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;
import org.credence.server.web.credential.CertificatePdf;

/**
 * Share links: the learner makes one for a credential or a collection (shown once: only its hash is
 * stored), revokes it, chooses per credential whether shares show their name, and adds a credential
 * to LinkedIn; anyone with the link opens {@code /shared/{token}}, which shows what is shared and,
 * once revoked or expired, only "no longer shared" (410; 404 for a token that never was, or whose
 * collection was deleted).
 */
public final class SharePages {

    /** How long a link may be made to work, in days, at most (about ten years). */
    static final int MAX_DAYS = 3650;

    private final WalletService wallet;
    private final WalletSharing sharing;
    private final Auth auth;
    private final Views views;
    private final CertificatePdf certificates = new CertificatePdf();

    public SharePages(Services services, Auth auth, Views views) {
        this.wallet = services.wallet();
        this.sharing = services.sharing();
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.learnerPage(HandlerType.POST, "/wallet/shares", this::create);
        routes.learnerPage(HandlerType.POST, "/wallet/shares/{shareId}/revoke", this::revoke);
        routes.learnerPage(HandlerType.POST, "/wallet/credentials/{id}/name", this::showName);
        routes.learnerPage(HandlerType.POST, "/wallet/credentials/{id}/linkedin", this::linkedIn);
        routes.learnerPage(
                HandlerType.POST, "/wallet/credentials/{id}/certificate", this::certificate);
        routes.publicGet("/shared/{token}", this::shared);
        routes.publicGet("/shared/{token}/{file}", this::file);
    }

    private void create(Context ctx, LearnerSession learner) {
        Optional<Duration> validity = validity(Forms.field(ctx, "days"));
        String collection = Forms.field(ctx, "collection").strip();
        ShareRequest request =
                collection.isEmpty()
                        ? ShareRequest.ofCredential(CollectionPages.entry(ctx), validity)
                        : ShareRequest.ofCollection(uuid(collection), validity);
        CreatedShare created = sharing.shares().create(learner.learnerId(), request);
        views.render(
                ctx, "wallet/link.jte", Page.of("Your share link", learner), "created", created);
    }

    private void revoke(Context ctx, LearnerSession learner) {
        sharing.shares().revoke(learner.learnerId(), Forms.id(ctx, "shareId", "Share link"));
        ctx.redirect("/wallet#shares", HttpStatus.SEE_OTHER);
    }

    private void showName(Context ctx, LearnerSession learner) {
        UUID id = Forms.id(ctx, "id", "Credential");
        sharing.shares().showName(learner.learnerId(), id, "yes".equals(ctx.formParam("show")));
        ctx.redirect("/wallet/credentials/" + id, HttpStatus.SEE_OTHER);
    }

    /**
     * LinkedIn needs a public URL: a credential issued here has its public page, and its detail
     * page links straight to LinkedIn (this goes back there); an import gets a new share link
     * without expiry, which the learner sees in their list of links and can revoke.
     */
    private void linkedIn(Context ctx, LearnerSession learner) {
        UUID id = Forms.id(ctx, "id", "Credential");
        WalletEntry entry = wallet.entry(learner.learnerId(), id);
        if (entry.source() == CredentialSource.ISSUED) {
            ctx.redirect("/wallet/credentials/" + id + "#share", HttpStatus.SEE_OTHER);
            return;
        }
        // A page with a link, not a redirect: the CSP's form-action 'self' also applies to where
        // a form's redirect goes.
        CreatedShare created = publicLinkOf(learner, id);
        views.render(
                ctx,
                "wallet/link.jte",
                Page.of("Your share link", learner),
                "created",
                created,
                "linkedIn",
                LinkedInLink.of(entry.facts(), created.url(), entry.id().toString()).url());
    }

    /**
     * The printable certificate. A credential issued here has its public {@code .pdf}, whose QR
     * code leads to its public page. An imported one has no public page: its certificate's QR code
     * leads to a share link made for it (no expiry; revoking that link, listed with the others,
     * also retires the paper's QR code). A POST, as it makes a link.
     */
    private void certificate(Context ctx, LearnerSession learner) {
        UUID id = Forms.id(ctx, "id", "Credential");
        WalletEntry entry = wallet.entry(learner.learnerId(), id);
        if (entry.source() == CredentialSource.ISSUED) {
            ctx.redirect("/credentials/" + id + ".pdf", HttpStatus.SEE_OTHER);
            return;
        }
        CreatedShare created = publicLinkOf(learner, id);
        // Never the learner's name on an import that does not name them (it would read as theirs).
        Optional<String> name =
                entry.addressed() && sharing.shares().nameShown(learner.learnerId(), id)
                        ? Optional.of(learner.displayName())
                        : Optional.empty();
        ctx.header(
                        "Content-Disposition",
                        "attachment; filename=\"certificate-" + entry.id() + ".pdf\"")
                .contentType("application/pdf")
                .result(certificates.render(ImportedCertificate.of(entry, created.url(), name)));
    }

    /**
     * A new share link without expiry for an import, which has no public page of its own (the
     * learner sees it with the others and may revoke it).
     */
    private CreatedShare publicLinkOf(LearnerSession learner, UUID entryId) {
        return sharing.shares()
                .create(learner.learnerId(), ShareRequest.ofCredential(entryId, Optional.empty()));
    }

    private void shared(Context ctx) {
        SharedView view = sharing.shares().open(ctx.pathParam("token"));
        noStore(ctx);
        if (view.status() != ShareStatus.SHARED) {
            withdrawn(ctx, view.status());
            return;
        }
        String title =
                view.collectionName()
                        .orElseGet(() -> WalletLabels.pageTitle(view.credentials().get(0).entry()));
        views.render(
                ctx,
                "wallet/shared.jte",
                new Page(title, null, auth.anonymousCsrf(ctx)),
                "view",
                view,
                "token",
                ctx.pathParam("token"),
                "issuers",
                issuerLines(view));
    }

    /** What tells each shared credential's issuer apart, by wallet entry id. */
    private java.util.Map<UUID, String> issuerLines(SharedView view) {
        java.util.Map<UUID, String> lines = new java.util.HashMap<>();
        for (SharedView.SharedCredential shared : view.credentials()) {
            wallet.issuerOf(shared.entry())
                    .ifPresent(
                            issuer ->
                                    lines.put(
                                            shared.entry().id(),
                                            issuer.distinction() + " · " + issuer.confirmation()));
        }
        return lines;
    }

    /** {@code <wallet id>.json} (the credential as stored) or {@code .png} (baked badge). */
    private void file(Context ctx) {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        UUID id = entryId(dot < 0 ? file : file.substring(0, dot));
        SharedView view = sharing.shares().openOne(ctx.pathParam("token"), id);
        noStore(ctx);
        if (view.status() != ShareStatus.SHARED) {
            withdrawn(ctx, view.status());
            return;
        }
        WalletEntry entry =
                view.credentials().stream()
                        .map(SharedView.SharedCredential::entry)
                        .findFirst()
                        .orElseThrow(() -> AppException.notFound("Credential"));
        String extension = dot < 0 ? "" : file.substring(dot + 1);
        switch (extension) {
            case "json" -> WalletDownloads.document(ctx, entry);
            case "png" -> ctx.contentType("image/png").result(sharing.files().bakedPng(entry));
            default -> throw AppException.notFound("File");
        }
    }

    /** A name that is no id names no credential of the link (the link's own state still shows). */
    private static UUID entryId(String name) {
        try {
            return UUID.fromString(name);
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    /** 410 and one sentence; an unknown token is the plain 404 of any unknown address. */
    private void withdrawn(Context ctx, ShareStatus status) {
        if (status == ShareStatus.UNKNOWN) {
            throw AppException.notFound("Shared link");
        }
        ctx.status(HttpStatus.GONE);
        views.render(ctx, "wallet/withdrawn.jte", new Page("Not shared", null, ""));
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex");
    }

    private static Optional<Duration> validity(String days) {
        if (days.isBlank()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(days.strip());
            if (value >= 1 && value <= MAX_DAYS) {
                return Optional.of(Duration.ofDays(value));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw AppException.invalid("days: a number of days from 1 to " + MAX_DAYS + ", or none");
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw AppException.notFound("Collection");
        }
    }
}
