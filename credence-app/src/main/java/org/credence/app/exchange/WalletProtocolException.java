package org.credence.app.exchange;

import java.util.Objects;

/**
 * A wallet endpoint refused a request with an OAuth / OpenID4VCI error: answered as {@code
 * {"error": …, "error_description": …}}, not as problem JSON, because wallets read these codes.
 */
public final class WalletProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final WalletError error;

    public WalletProtocolException(WalletError error, String description) {
        super(description);
        this.error = Objects.requireNonNull(error, "error");
    }

    public WalletError error() {
        return error;
    }
}
