package org.credence.server.web.credential;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.exchange.WalletExchange;
import org.credence.app.exchange.WalletOffer;
import org.credence.app.exchange.WalletTransfers;
import org.credence.app.wallet.CredentialSource;
import org.credence.app.wallet.LearnerSession;
import org.credence.app.wallet.WalletEntry;
import org.credence.app.wallet.WalletService;
import org.credence.server.web.Forms;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * {@code POST /claim/{token}/send}: after claiming, the earner asks to send the credential to a
 * wallet app and gets, on one page, an OpenID4VCI credential offer and a VC-API exchange for the
 * DCC Learner Credential Wallet, each as a QR code to scan and a link to tap. A POST, not a GET:
 * each view mints short-lived secrets, and mail scanners follow links. The learner wallet starts
 * the same page with {@code POST /wallet/credentials/{id}/send} for a credential issued here that
 * is in the signed-in learner's wallet.
 */
public final class SendToWalletPages {

    private final WalletTransfers wallets;
    private final WalletService learnerWallets;
    private final Views views;

    public SendToWalletPages(WalletTransfers wallets, WalletService learnerWallets, Views views) {
        this.wallets = Objects.requireNonNull(wallets, "wallets");
        this.learnerWallets = Objects.requireNonNull(learnerWallets, "learnerWallets");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.publicPost("/claim/{token}/send", this::show);
        routes.learnerPage(HandlerType.POST, "/wallet/credentials/{id}/send", this::send);
    }

    private void show(Context ctx) {
        String token = ctx.pathParam("token");
        render(
                ctx,
                wallets.oid4vci().createOffer(token),
                wallets.exchanges().create(token),
                "/claim/" + token);
    }

    /**
     * From the learner wallet: the signed-in learner's own credential issued here. Being in their
     * wallet (claimed, or issued to one of their verified addresses) is the proof the claim link
     * gives on the claim page; anything else is not found.
     */
    private void send(Context ctx, LearnerSession learner) {
        WalletEntry entry =
                learnerWallets.entry(learner.learnerId(), Forms.id(ctx, "id", "Credential"));
        if (entry.source() != CredentialSource.ISSUED) {
            throw new AppException(
                    Problem.CONFLICT, "Only credentials issued here can be sent from the wallet");
        }
        render(
                ctx,
                wallets.oid4vci().createOfferFor(entry.id()),
                wallets.exchanges().createFor(entry.id()),
                "/wallet/credentials/" + entry.id());
    }

    private void render(Context ctx, WalletOffer offer, WalletExchange exchange, String back) {
        ctx.header("Cache-Control", "no-store");
        views.render(
                ctx,
                "credentials/wallet.jte",
                new Page("Send to a wallet app", null, ""),
                "back",
                back,
                "offer",
                offer,
                "offerQr",
                QrCode.svg(offer.deepLink(), "QR code of the OpenID4VCI credential offer"),
                "exchange",
                exchange,
                "exchangeQr",
                QrCode.svg(exchange.deepLink(), "QR code for the Learner Credential Wallet"));
    }
}
