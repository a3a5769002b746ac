package org.credence.app.issuer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.credence.core.crypto.KeyFormatException;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.SigningKey;

/**
 * Generates signing keys and encrypts their secrets at rest: AES-256-GCM under the {@link
 * MasterKey}, a fresh random 96-bit nonce per encryption, and the owner (an issuer id, or {@code
 * platform}) as associated data, so a ciphertext copied to another issuer's row does not decrypt.
 * The stored form is {@code v1:} + base64(nonce || ciphertext || tag); the plaintext is the key's
 * Multikey {@code secretKeyMultibase}.
 *
 * <p>Immutable and thread-safe (a {@link Cipher} is made per call).
 */
public final class KeyVault {

    private static final String FORMAT = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey masterKey;
    private final SecureRandom random;

    public KeyVault(MasterKey masterKey, SecureRandom random) {
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh Ed25519 key. */
    public SigningKey generate() {
        return SigningKey.generate(KeyType.ED25519, random);
    }

    /** The encrypted form of {@code key}'s secret, bound to {@code owner}. */
    public String seal(SigningKey key, String owner) {
        byte[] plaintext = key.secretMultibase().getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
            byte[] sealed = cipher.doFinal(plaintext);
            return FORMAT
                    + Base64.getEncoder()
                            .encodeToString(
                                    ByteBuffer.allocate(nonce.length + sealed.length)
                                            .put(nonce)
                                            .put(sealed)
                                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts a sealed secret of {@code owner} and checks it against the stored public key.
     *
     * @throws KeyDecryptionException if the master key is wrong or the data was altered or moved
     */
    public SigningKey open(String sealed, String publicKeyMultibase, String owner) {
        byte[] bytes = decode(sealed, owner);
        if (bytes.length <= NONCE_BYTES) {
            throw failure(owner, "the stored secret is truncated", null);
        }
        byte[] plaintext = null;
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), owner);
            plaintext = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return SigningKey.fromSecretMultibase(
                    new String(plaintext, StandardCharsets.UTF_8), publicKeyMultibase);
        } catch (AEADBadTagException e) {
            throw failure(
                    owner,
                    "the master key is not the one it was encrypted with, or the stored secret"
                            + " was altered or belongs to another owner",
                    e);
        } catch (KeyFormatException e) {
            throw failure(owner, "the decrypted secret does not match the stored public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, masterKey.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decode(String sealed, String owner) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            throw failure(owner, "the stored secret is not in the v1 format", null);
        }
        try {
            return Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
        } catch (IllegalArgumentException e) {
            throw failure(owner, "the stored secret is not valid base64", e);
        }
    }

    private static KeyDecryptionException failure(String owner, String why, Throwable cause) {
        return new KeyDecryptionException(
                "Cannot decrypt the signing key of " + owner + ": " + why, cause);
    }
}
