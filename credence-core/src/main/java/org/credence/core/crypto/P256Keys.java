package org.credence.core.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over P-256 with SHA-256 through Bouncy Castle; signatures are IEEE P1363 ({@code r||s}, 64
 * bytes) with deterministic nonces (RFC 6979). Stateless, thread-safe.
 */
final class P256Keys {

    static final int SCALAR_LENGTH = 32;
    static final int COMPRESSED_LENGTH = 33;
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private P256Keys() {}

    static byte[] generateSecret(SecureRandom random) {
        BigInteger d;
        do {
            d = BigIntegers.createRandomBigInteger(256, random);
        } while (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0);
        return BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, d);
    }

    static byte[] publicKey(byte[] secret) {
        return DOMAIN.getG().multiply(scalar(secret)).normalize().getEncoded(true);
    }

    static byte[] sign(byte[] secret, byte[] data) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(scalar(secret), DOMAIN));
        BigInteger[] rs = signer.generateSignature(sha256(data));
        byte[] signature = new byte[2 * SCALAR_LENGTH];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, SCALAR_LENGTH);
        BigIntegers.asUnsignedByteArray(rs[1], signature, SCALAR_LENGTH, SCALAR_LENGTH);
        return signature;
    }

    static boolean verify(byte[] compressedPublicKey, byte[] data, byte[] signature) {
        if (signature == null || signature.length != 2 * SCALAR_LENGTH) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(decodePoint(compressedPublicKey), DOMAIN));
        BigInteger r = BigIntegers.fromUnsignedByteArray(signature, 0, SCALAR_LENGTH);
        BigInteger s = BigIntegers.fromUnsignedByteArray(signature, SCALAR_LENGTH, SCALAR_LENGTH);
        return verifier.verifySignature(sha256(data), r, s);
    }

    static void checkPublicKey(byte[] compressedPublicKey) {
        if (compressedPublicKey.length != COMPRESSED_LENGTH) {
            throw new KeyFormatException(
                    "P-256 public key must be a 33-byte compressed point, was "
                            + compressedPublicKey.length
                            + " bytes");
        }
        decodePoint(compressedPublicKey);
    }

    static void checkSecret(byte[] secret) {
        if (secret.length != SCALAR_LENGTH) {
            throw new KeyFormatException("P-256 secret key must be 32 bytes");
        }
        BigInteger d = new BigInteger(1, secret);
        if (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new KeyFormatException("P-256 secret key is out of range");
        }
    }

    /** The affine coordinates {x, y}, 32 bytes each, of a compressed point (for JWKs). */
    static byte[][] coordinates(byte[] compressedPublicKey) {
        ECPoint point = decodePoint(compressedPublicKey);
        return new byte[][] {
            point.getAffineXCoord().getEncoded(), point.getAffineYCoord().getEncoded()
        };
    }

    /** The compressed point of the affine coordinates {@code x}, {@code y}. */
    static byte[] compress(byte[] x, byte[] y) {
        try {
            ECPoint point =
                    CURVE.getCurve()
                            .validatePoint(new BigInteger(1, x), new BigInteger(1, y))
                            .normalize();
            return point.getEncoded(true);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("P-256 coordinates are not a point on the curve", e);
        }
    }

    private static ECPoint decodePoint(byte[] encoded) {
        try {
            ECPoint point = CURVE.getCurve().decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                throw new KeyFormatException("P-256 public key is not a valid curve point");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("P-256 public key is not a valid curve point", e);
        }
    }

    private static BigInteger scalar(byte[] secret) {
        return new BigInteger(1, secret);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
