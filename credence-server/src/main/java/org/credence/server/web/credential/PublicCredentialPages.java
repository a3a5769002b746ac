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
 * stored document and baked badges (immutable, so cacheable), the verify button, and the status
 * lists verifiers fetch. Knowing a credential's id is the permission, as for any shared link.
 */
public final class PublicCredentialPages {

    /** Downloads never change: a credential is never edited in place. */
    private static final String IMMUTABLE = "public, max-age=86400";

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
        byte[] png = credentials.bakedPng(id);
        ctx.header("Cache-Control", IMMUTABLE)
                .header("Content-Disposition", attachment(id, "png"))
                .contentType("image/png")
                .result(png);
    }

    private void svg(Context ctx) {
        UUID id = id(ctx);
        String svg = credentials.bakedSvg(id);
        ctx.header("Cache-Control", IMMUTABLE)
                .header("Content-Disposition", attachment(id, "svg"))
                .contentType("image/svg+xml")
                .result(svg.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The printable certificate. Without the earner's name it never changes, so it is cached like
     * the badges; with the name it is revalidated on every use (an ETag that says whether the name
     * is printed), so hiding the name takes effect at once.
     */
    private void pdf(Context ctx) {
        UUID id = id(ctx);
        PublicCredential view = credentials.publicView(id);
        boolean named = view.recipientName().isPresent();
        String etag = "\"" + id + (named ? "-named" : "-anonymous") + "\"";
        ctx.header("ETag", etag)
                .header("Cache-Control", named ? "no-cache" : IMMUTABLE)
                .header("Content-Disposition", attachment(id, "pdf"));
        String match = ctx.header("If-None-Match");
        if (match != null && matches(match, etag)) {
            ctx.status(304);
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
