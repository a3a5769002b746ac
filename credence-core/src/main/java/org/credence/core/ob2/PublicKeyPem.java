package org.credence.core.ob2;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;

/**
 * Reads the {@code publicKeyPem} of an OB 2.0 {@code CryptographicKey}: a {@code PUBLIC KEY}
 * (SubjectPublicKeyInfo, RSA or EC) or a PKCS#1 {@code RSA PUBLIC KEY}. Hand-written because the
 * PEM readers of nimbus-jose-jwt and Bouncy Castle need bcpkix, which core does not carry for two
 * header lines. Stateless.
 */
final class PublicKeyPem {

    private static final String SPKI = "PUBLIC KEY";
    private static final String PKCS1 = "RSA PUBLIC KEY";

    private PublicKeyPem() {}

    /** The key, or empty when the text is not a PEM public key this class reads. */
    static Optional<PublicKey> parse(String pem) {
        String text = pem.strip();
        try {
            if (text.startsWith("-----BEGIN " + PKCS1 + "-----")) {
                RSAPublicKey rsa = RSAPublicKey.getInstance(body(text, PKCS1));
                return Optional.of(rsaKey(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (text.startsWith("-----BEGIN " + SPKI + "-----")) {
                X509EncodedKeySpec spec = new X509EncodedKeySpec(body(text, SPKI));
                for (String algorithm : new String[] {"RSA", "EC"}) {
                    try {
                        return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(spec));
                    } catch (GeneralSecurityException e) {
                        // not this algorithm: try the next
                    }
                }
            }
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static byte[] body(String pem, String label) throws IOException {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int endAt = pem.indexOf(end);
        if (endAt < 0) {
            throw new IOException("no " + end + " line");
        }
        return Base64.getMimeDecoder().decode(pem.substring(begin.length(), endAt));
    }

    private static PublicKey rsaKey(BigInteger modulus, BigInteger exponent)
            throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }
}
