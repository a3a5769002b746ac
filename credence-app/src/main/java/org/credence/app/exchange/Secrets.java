package org.credence.app.exchange;

import java.security.SecureRandom;
import java.util.Base64;
import org.credence.core.crypto.Digests;

/** Random URL-safe secrets (256 bits) and the SHA-256 under which they are stored. */
final class Secrets {

    private static final int BYTES = 32;

    private Secrets() {}

    static String next(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }
}
