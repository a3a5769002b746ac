package org.credence.server.web.credential;

import io.javalin.http.Context;
import java.util.Objects;
import org.credence.app.exchange.WalletExchange;
import org.credence.app.exchange.WalletOffer;
import org.credence.app.exchange.WalletTransfers;
import org.credence.server.web.Page;
import org.credence.server.web.Routes;
import org.credence.server.web.Views;

/**
 * {@code POST /claim/{token}/send}: after claiming, the earner asks to send the credential to a
 * wallet app and gets, on one page, an OpenID4VCI credential offer and a VC-API exchange for the
 * DCC Learner Credential Wallet, each as a QR code to scan and a link to tap. A POST, not a GET:
 * each view mints short-lived secrets, and mail scanners follow links.
 */
public final class SendToWalletPages {

    private final WalletTransfers wallets;
    private final Views views;

    public SendToWalletPages(WalletTransfers wallets, Views views) {
        this.wallets = Objects.requireNonNull(wallets, "wallets");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.publicPost("/claim/{token}/send", this::show);
    }

    private void show(Context ctx) {
        String token = ctx.pathParam("token");
        WalletOffer offer = wallets.oid4vci().createOffer(token);
        WalletExchange exchange = wallets.exchanges().create(token);
        ctx.header("Cache-Control", "no-store");
        views.render(
                ctx,
                "credentials/wallet.jte",
                new Page("Send to a wallet app", null, ""),
                "token",
                token,
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
