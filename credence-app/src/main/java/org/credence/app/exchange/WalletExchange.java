package org.credence.app.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.credence.core.json.Jsons;

/**
 * A VC-API exchange made for one claimed credential.
 *
 * @param id the exchange id (the URL secret)
 * @param exchangeUrl where the wallet posts: {@code <base>/exchanges/<id>}
 * @param expiresAt until when it can be completed
 */
public record WalletExchange(UUID id, String exchangeUrl, Instant expiresAt) {

    /** The universal link of the DCC Learner Credential Wallet. */
    public static final String LCW_REQUEST = "https://lcw.app/request";

    public WalletExchange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(exchangeUrl, "exchangeUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * The wallet request deep link the DCC Learner Credential Wallet opens: {@code request} is the
     * JSON {@code {"credentialRequestOrigin": …, "protocols": {"vcapi": <exchange URL>}}}.
     */
    public String deepLink() {
        URI url = URI.create(exchangeUrl);
        String origin =
                url.getScheme()
                        + "://"
                        + url.getHost()
                        + (url.getPort() < 0 ? "" : ":" + url.getPort());
        String request =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("credentialRequestOrigin", origin)
                        .add(
                                "protocols",
                                Jsons.PROVIDER.createObjectBuilder().add("vcapi", exchangeUrl))
                        .build()
                        .toString();
        return LCW_REQUEST + "?request=" + URLEncoder.encode(request, StandardCharsets.UTF_8);
    }
}
