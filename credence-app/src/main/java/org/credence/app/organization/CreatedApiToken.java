package org.credence.app.organization;

import java.util.Objects;

/**
 * A new API token and its secret ({@code cred_…}), which is shown this once: only its SHA-256 is
 * stored.
 *
 * @param token the token's record
 * @param secret the bearer secret
 */
public record CreatedApiToken(ApiToken token, String secret) {

    public CreatedApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "CreatedApiToken[" + token + "]";
    }
}
