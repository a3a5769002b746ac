package org.credence.app.exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A credential offer by reference, for the learner's wallet to scan.
 *
 * @param credentialOfferUri where the wallet fetches the offer object
 * @param expiresAt until when the offer can be redeemed
 */
public record WalletOffer(String credentialOfferUri, Instant expiresAt) {

    public WalletOffer {
        Objects.requireNonNull(credentialOfferUri, "credentialOfferUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The {@code openid-credential-offer://} link a QR code or a tap hands to the wallet. */
    public String deepLink() {
        return "openid-credential-offer://?credential_offer_uri="
                + URLEncoder.encode(credentialOfferUri, StandardCharsets.UTF_8);
    }
}
