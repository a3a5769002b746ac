package org.credence.app.wallet;

import java.util.Objects;

/**
 * A share link just made: the only moment its URL is known (the token is stored hashed).
 *
 * @param share the link
 * @param url the public address, {@code <base>/shared/<token>}
 */
public record CreatedShare(WalletShare share, String url) {

    public CreatedShare {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(url, "url");
    }
}
