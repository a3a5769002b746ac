package org.credence.core.jsonld;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 as lowercase hex, reusing one digest. Not thread-safe: one per canonicalization. */
final class Sha256 {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest digest;

    Sha256() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Adds the UTF-8 bytes of text to the hash being computed. */
    Sha256 update(CharSequence text) {
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Finishes the hash being computed and starts a new one. */
    String hex() {
        byte[] hash = digest.digest();
        char[] hex = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            hex[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(hex);
    }

    String hex(CharSequence text) {
        return update(text).hex();
    }
}
