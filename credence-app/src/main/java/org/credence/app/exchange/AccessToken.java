package org.credence.app.exchange;

import java.util.Objects;

/**
 * A bearer access token for the credential endpoint.
 *
 * @param token the opaque token
 * @param expiresInSeconds its lifetime
 */
public record AccessToken(String token, long expiresInSeconds) {

    public AccessToken {
        Objects.requireNonNull(token, "token");
    }
}
