package org.credence.server.web.credential;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.credential.CredentialDocument;
import org.credence.app.credential.CredentialService;
import org.credence.app.credential.CredentialState;
import org.credence.app.credential.PublicCredential;
import org.credence.app.credential.SecuringFormat;
import org.credence.app.status.StatusListDocument;
import org.credence.app.status.StatusListService;
import org.credence.server.web.Auth;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * Public, shareable URLs of issued credentials: the page (live status, so {@code no-cache}), the
 * stored document (immutable, so cacheable), baked badges and the printable certificate, the verify
 * button, and the status lists verifiers fetch. Knowing a credential's id is the permission, as for
 * any shared link.
 *
 * <p>A revoked credential's badges and certificate answer 410 Gone with a plain page (a suspended
 * one's 409, until the suspension is lifted): an image or a printout cannot show that it was
 * withdrawn later, so none is handed out. The document stays available, so that verifiers can see
 * the revocation. Badges are revalidated on every use for that reason.
 */
public final class PublicCredentialPages {

    /** The document never changes: a credential is never edited in place. */
    private static final String IMMUTABLE = "public, max-age=86400";

    /** Badges and certificates are withdrawn with the credential, so caches ask every time. */
    private static final String REVALIDATE = "public, no-cache";

    private final CredentialService credentials;
    private final StatusListService status;
    private final Auth auth;
    private final Views views;
    private final Clock clock = Clock.systemUTC();
    private final byte[] script = Resources.read("/static/verify.js");
    private final CertificatePdf certificates = new CertificatePdf();

    public PublicCredentialPages(
            CredentialService credentials, StatusListService status, Auth auth, Views views) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.status = Objects.requireNonNull(status, "status");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        // The suffixed routes first: "{id}" alone would also match "<id>.json".
        routes.publicGet("/credentials/{id}.json", this::json);
        routes.publicGet("/credentials/{id}.png", this::png);
        routes.publicGet("/credentials/{id}.svg", this::svg);
        routes.publicGet("/credentials/{id}.pdf", this::pdf);
        routes.publicGet("/credentials/{id}", ctx -> page(ctx, null));
        routes.publicPost("/credentials/{id}/verify", this::verify);
        routes.publicGet("/status/{segment}", this::statusList);
        routes.publicGet(
                "/static/verify.js",
                ctx ->
                        ctx.contentType("text/javascript; charset=utf-8")
                                .header("Cache-Control", "public, max-age=3600")
                                .result(script));
    }

    private void page(Context ctx, VerificationView report) {
        PublicCredential view = credentials.publicView(id(ctx));
        ctx.header("Cache-Control", "no-cache");
        views.render(
                ctx,
                "credentials/public.jte",
                new Page(view.achievementName(), null, auth.anonymousCsrf(ctx)),
                "view",
                view,
                "qr",
                QrCode.svg(view.url(), "QR code of this page's address"),
                "report",
                report,
                "issuer",
                credentials.issuerOf(view.id()));
    }

    private void verify(Context ctx) {
        UUID id = id(ctx);
        VerificationView report = VerificationView.of(credentials.verify(id));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.header("Cache-Control", "no-store")
                    .contentType("application/json")
                    .result(report.json().toString());
        } else {
            page(ctx, report);
        }
    }

    private void json(Context ctx) {
        UUID id = id(ctx);
        CredentialDocument document = credentials.document(id);
        ctx.header("Cache-Control", IMMUTABLE)
                .header("Access-Control-Allow-Origin", "*")
                .header(
                        "Content-Disposition",
                        attachment(id, document.format() == SecuringFormat.VC_JWT ? "jwt" : "json"))
                .contentType(document.mediaType())
                .result(document.text().getBytes(StandardCharsets.UTF_8));
    }

    private void png(Context ctx) {
        UUID id = id(ctx);
        if (withdrawn(ctx, credentials.publicView(id), "png")) {
            return;
        }
        ctx.contentType("image/png").result(credentials.bakedPng(id));
    }

    private void svg(Context ctx) {
        UUID id = id(ctx);
        if (withdrawn(ctx, credentials.publicView(id), "svg")) {
            return;
        }
        ctx.contentType("image/svg+xml")
                .result(credentials.bakedSvg(id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Answers a badge or certificate of a revoked (410) or suspended (409) credential with a plain
     * page and returns true; else sets the download's headers (revalidated by ETag, 304 when
     * unchanged) and returns false unless it answered 304.
     */
    private boolean withdrawn(Context ctx, PublicCredential view, String extension) {
        ctx.header("Cache-Control", REVALIDATE);
        if (view.state() == CredentialState.REVOKED || view.state() == CredentialState.SUSPENDED) {
            boolean revoked = view.state() == CredentialState.REVOKED;
            ctx.status(revoked ? 410 : 409);
            views.render(
                    ctx,
                    "error.jte",
                    new Page(revoked ? "Revoked" : "Suspended", null, ""),
                    "status",
                    revoked ? 410 : 409,
                    "detail",
                    (revoked
                                    ? "This credential was revoked by its issuer, so its badge"
                                            + " images and certificate are no longer offered."
                                    : "This credential is suspended by its issuer for now, so its"
                                            + " badge images and certificate are not offered until"
                                            + " the suspension is lifted.")
                            + " Its page, "
                            + view.url()
                            + ", says why; the signed credential stays available for verifiers.");
            return true;
        }
        boolean named = view.recipientName().isPresent();
        String etag = "\"" + view.id() + "-" + extension + (named ? "-named" : "") + "\"";
        ctx.header("ETag", etag).header("Content-Disposition", attachment(view.id(), extension));
        String match = ctx.header("If-None-Match");
        if (match != null && matches(match, etag)) {
            ctx.status(304);
            return true;
        }
        return false;
    }

    /**
     * The printable certificate, revalidated on every use (an ETag that says whether the name is
     * printed), so hiding the name, or a revocation, takes effect at once.
     */
    private void pdf(Context ctx) {
        PublicCredential view = credentials.publicView(id(ctx));
        if (withdrawn(ctx, view, "pdf")) {
            return;
        }
        ctx.contentType("application/pdf").result(certificates.render(Certificate.of(view)));
    }

    private void statusList(Context ctx) {
        StatusListDocument list = status.publishedList(ctx.pathParam("segment"));
        long maxAge = Math.max(0, Duration.between(clock.instant(), list.validUntil()).toSeconds());
        ctx.header("ETag", list.etag())
                .header("Cache-Control", "public, max-age=" + maxAge)
                .header("Access-Control-Allow-Origin", "*");
        String match = ctx.header("If-None-Match");
        if (match != null && matches(match, list.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/vc+ld+json")
                .result(list.json().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String attachment(UUID id, String extension) {
        return "attachment; filename=\"credential-" + id + "." + extension + "\"";
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw AppException.notFound("Credential");
        }
    }
}
