package org.credence.server.web.verify;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.credential.CredentialService;
import org.credence.app.verification.StoredVerification;
import org.credence.app.verification.VerificationService;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.server.Services;
import org.credence.server.api.RateLimiter;
import org.credence.server.web.Auth;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.PublicDocuments;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * The public verify page: four forms (upload a file, paste text, enter an address, upload a picture
 * of a QR code), each posting to {@code /verify} with an optional recipient e-mail; the
 * verification is kept and the browser is sent to its shareable result page, which can check again.
 * No sign-in; forms carry the anonymous CSRF token; verifications share the VC-API's per-address
 * rate limit.
 */
public final class VerifyPages {

    /** The largest body {@code POST /verify} accepts: a baked badge image with its credential. */
    public static final long MAX_BODY = 5L * 1024 * 1024;

    private final VerificationService verification;
    private final CredentialService credentials;
    private final String baseUrl;
    private final Auth auth;
    private final Views views;
    private final RateLimiter limit;
    private final byte[] script = PublicDocuments.resource("/static/verify-page.js");

    public VerifyPages(Services services, Auth auth, Views views, RateLimiter limit) {
        this.verification = services.verification();
        this.credentials = services.credentials();
        this.baseUrl = services.host().base();
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** Registers the page routes; non-form posts to {@code /verify} go to {@code api}. */
    public void register(Routes routes, Handler api) {
        routes.publicGet("/verify", ctx -> form(ctx, null, null));
        routes.publicFormOrApi("/verify", MAX_BODY, this::submit, api);
        routes.publicGet("/verify/results/{id}", this::result);
        routes.publicPost("/verify/results/{id}/recheck", this::recheck);
        routes.publicGet(
                "/static/verify-page.js",
                ctx ->
                        ctx.contentType("text/javascript; charset=utf-8")
                                .header("Cache-Control", "public, max-age=3600")
                                .result(script));
    }

    private void form(Context ctx, String how, String error) {
        ctx.header("Cache-Control", "no-cache");
        views.render(
                ctx,
                "verify/form.jte",
                new Page("Verify a credential", null, auth.anonymousCsrf(ctx)),
                "how",
                how,
                "error",
                error);
    }

    private void submit(Context ctx) throws IOException {
        String how = Forms.field(ctx, "input");
        try {
            limit.acquire(ctx.ip());
            StoredVerification result = verify(ctx, how, options(ctx));
            ctx.redirect("/verify/results/" + result.id());
        } catch (AppException e) {
            if (e.problem() != Problem.INVALID_INPUT) {
                throw e;
            }
            ctx.status(400);
            form(ctx, how, inWords(e.getMessage()));
        }
    }

    private StoredVerification verify(Context ctx, String how, VerifyOptions options)
            throws IOException {
        return switch (how) {
            case "file" -> verification.verifyAndKeep(upload(ctx, "file"), options);
            case "text" -> {
                String text = Forms.field(ctx, "text");
                if (text.isBlank()) {
                    throw AppException.invalid("text: paste a credential (JSON or a JWT)");
                }
                yield verification.verifyAndKeep(text.getBytes(StandardCharsets.UTF_8), options);
            }
            case "url" -> {
                String url = Forms.field(ctx, "url");
                if (url.isBlank()) {
                    throw AppException.invalid("url: enter the credential's address");
                }
                yield verification.verifyUrlAndKeep(url, options);
            }
            case "qr" -> {
                String text = QrImages.text(upload(ctx, "image")).strip();
                yield text.startsWith("https://") || text.startsWith("http://")
                        ? verification.verifyUrlAndKeep(text, options)
                        : verification.verifyAndKeep(
                                text.getBytes(StandardCharsets.UTF_8), options);
            }
            default -> throw AppException.invalid("input: choose how to give the credential");
        };
    }

    private void result(Context ctx) {
        StoredVerification result = verification.result(Forms.id(ctx, "id", "Verification result"));
        ResultView view = ResultView.of(result);
        ctx.header("Cache-Control", "no-cache");
        views.render(
                ctx,
                "verify/result.jte",
                new Page(view.pageTitle(), null, auth.anonymousCsrf(ctx)),
                "result",
                view,
                "link",
                baseUrl + "/verify/results/" + result.id(),
                "statusNotice",
                statusNotice(result.report()),
                "issuer",
                verification.issuerOf(result.report()));
    }

    /**
     * What the page says about a revocation or suspension the status check found. A status list
     * carries one bit, so the issuer's reason is shown only for a credential issued here whose
     * issuer made it public (and the date of a revocation); for any other, "by its issuer".
     */
    private String statusNotice(VerificationReport report) {
        Optional<String> code =
                report.check(CheckName.STATUS)
                        .filter(Check::isFailed)
                        .map(Check::code)
                        .filter(value -> value.equals("REVOKED") || value.equals("SUSPENDED"));
        if (code.isEmpty()) {
            return null;
        }
        boolean revoked = code.get().equals("REVOKED");
        return report.credential()
                .flatMap(credentials::publicNotice)
                .filter(notice -> notice.revoked() == revoked)
                .map(
                        notice ->
                                notice.sentence()
                                        + notice.reason()
                                                .map(reason -> " The issuer's reason: " + reason)
                                                .orElse(" The issuer gave no public reason."))
                .orElse(revoked ? "Revoked by its issuer." : "Suspended by its issuer.");
    }

    private void recheck(Context ctx) {
        limit.acquire(ctx.ip());
        StoredVerification again =
                verification.recheck(Forms.id(ctx, "id", "Verification result"), options(ctx));
        ctx.redirect("/verify/results/" + again.id());
    }

    /** "url: only …" → "Only …": the form shows the message next to its field. */
    private static String inWords(String message) {
        String text = message.replaceFirst("^[A-Za-z]+: ", "");
        return text.isEmpty() ? message : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static byte[] upload(Context ctx, String field) throws IOException {
        UploadedFile file = ctx.uploadedFile(field);
        if (file == null || file.size() == 0) {
            throw AppException.invalid(field + ": choose a file");
        }
        try (InputStream content = file.content()) {
            return content.readAllBytes();
        }
    }

    private static VerifyOptions options(Context ctx) {
        String email = Forms.field(ctx, "recipientEmail").strip();
        return email.isEmpty()
                ? VerifyOptions.DEFAULT
                : VerifyOptions.DEFAULT.withRecipientEmail(email);
    }
}
