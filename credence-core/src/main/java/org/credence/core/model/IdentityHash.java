package org.credence.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Salted identity hashes of Open Badges ({@code "sha256$" + hex(sha256(identity + salt))}), which
 * let a credential name its recipient's email without publishing it.
 */
public final class IdentityHash {

    private IdentityHash() {}

    /** The {@code sha256$…} hash of an identity with a salt. */
    public static String sha256(String identity, String salt) {
        return "sha256$" + hex("SHA-256", identity + salt);
    }

    /** Whether a stored hash ({@code sha256$…} or legacy {@code md5$…}) is of this identity. */
    public static boolean matches(String storedHash, String identity, String salt) {
        int dollar = storedHash.indexOf('$');
        if (dollar < 0) {
            return false;
        }
        String algorithm = storedHash.substring(0, dollar).toLowerCase(Locale.ROOT);
        String expected = storedHash.substring(dollar + 1).toLowerCase(Locale.ROOT);
        String actual =
                switch (algorithm) {
                    case "sha256" -> hex("SHA-256", identity + salt);
                    case "md5" -> hex("MD5", identity + salt);
                    default -> null;
                };
        return actual != null
                && MessageDigest.isEqual(
                        actual.getBytes(StandardCharsets.US_ASCII),
                        expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance(algorithm)
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by the Java platform", e);
        }
    }
}
