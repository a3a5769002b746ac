package org.credence.app.issuer;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts signing keys at rest (see {@link KeyVault}). It comes from
 * configuration (a secret file or environment variable, base64), never from the database.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key; there is deliberately no
 * accessor for the raw bytes outside this package.
 */
public final class MasterKey {

    /** AES-256. */
    public static final int LENGTH = 32;

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key;
    }

    /** A master key from exactly 32 bytes (copied). */
    public static MasterKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != LENGTH) {
            throw new IllegalArgumentException(
                    "A master key has " + LENGTH + " bytes, not " + key.length);
        }
        return new MasterKey(key.clone());
    }

    /** A master key from its base64 form (standard or URL alphabet), as configuration holds it. */
    public static MasterKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] bytes;
        try {
            String text = base64.strip();
            bytes =
                    text.contains("-") || text.contains("_")
                            ? Base64.getUrlDecoder().decode(text)
                            : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The master key is not valid base64", e);
        }
        try {
            return of(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A fresh random master key, e.g. for {@code credence init}. */
    public static MasterKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** The base64 form, to write into configuration once. Treat the result as a secret. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
