package org.credence.app.organization;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.credence.core.crypto.Digests;

/**
 * Random secrets handed to callers (session, CSRF, invitation and API tokens) and the SHA-256 hash
 * under which they are stored: a database leak then reveals no usable token. The tokens carry 256
 * random bits, so a plain (unsalted, fast) hash is enough.
 *
 * <p>Public for the learner wallet's sessions, which are made the same way. Thread-safe.
 */
public final class SecretTokens {

    private final SecureRandom random;

    public SecretTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    public String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lowercase hex SHA-256 of the token's UTF-8 bytes. */
    public static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
