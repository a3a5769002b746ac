package org.credence.server.web.credential;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.credential.CredentialService;
import org.credence.app.credential.PublicCredential;
import org.credence.app.delivery.ClaimLink;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.wallet.LearnerSession;
import org.credence.server.web.Auth;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * {@code /claim/{token}}: the link in the credential e-mail. Opening it only shows the credential
 * (mail scanners follow links); the earner claims with the button, then downloads it and chooses
 * whether the public page shows their name. The token is the proof of being the recipient.
 *
 * <p>A revoked or suspended credential's page says so, with the issuer's reason, and offers neither
 * claiming, downloads nor wallets (claiming it is refused with 409).
 *
 * <p>The page also offers "Add to my wallet": a signed-in learner posts to {@code
 * /claim/{token}/wallet} (a wallet route, with the wallet session's CSRF token); anyone else opens
 * or signs in to a wallet with the token, which claims it there.
 */
public final class ClaimPages {

    private final DeliveryService delivery;
    private final CredentialService credentials;
    private final Auth auth;
    private final Views views;
    private final Clock clock;

    public ClaimPages(
            DeliveryService delivery,
            CredentialService credentials,
            Auth auth,
            Views views,
            Clock clock) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void register(Routes routes) {
        routes.publicGet("/claim/{token}", this::show);
        routes.publicPost("/claim/{token}", this::claim);
        routes.publicPost("/claim/{token}/name", this::showName);
    }

    private void show(Context ctx) {
        String token = ctx.pathParam("token");
        ClaimLink link = delivery.claimLink(token);
        PublicCredential view = credentials.publicView(link.credentialId());
        ctx.header("Cache-Control", "no-store");
        views.render(
                ctx,
                "credentials/claim.jte",
                new Page("Your credential", null, auth.anonymousCsrf(ctx)),
                "view",
                view,
                "token",
                token,
                "claimed",
                link.claimedAt().isPresent(),
                "expired",
                link.expired(clock.instant()),
                "nameShown",
                view.recipientName().isPresent(),
                "walletCsrf",
                auth.learner(ctx).map(LearnerSession::csrfToken).orElse(null),
                // The link is the recipient's proof: they read the issuer's reason, public or not.
                "notice",
                credentials.recipientNotice(link.credentialId()).orElse(null),
                "issuer",
                credentials.issuerOf(link.credentialId()));
    }

    private void claim(Context ctx) {
        String token = ctx.pathParam("token");
        delivery.claim(token);
        ctx.redirect("/claim/" + token, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void showName(Context ctx) {
        String token = ctx.pathParam("token");
        ClaimLink link = delivery.claimLink(token);
        if (link.claimedAt().isEmpty()) {
            throw new AppException(Problem.CONFLICT, "Claim the credential first");
        }
        credentials.setShowName(
                link.credentialId(), link.email(), "yes".equals(ctx.formParam("show")));
        ctx.redirect("/claim/" + token, io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
