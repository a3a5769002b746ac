package org.credence.core.crypto;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/** Conversions between Credence keys and nimbus JWKs. Stateless, thread-safe. */
final class Jwks {

    private Jwks() {}

    static JWK publicJwk(KeyType type, byte[] publicKey) {
        return switch (type) {
            case ED25519 ->
                    new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey)).build();
            case P256 -> ecBuilder(publicKey).build();
        };
    }

    static JWK privateJwk(KeyType type, byte[] publicKey, byte[] secret) {
        return switch (type) {
            case ED25519 ->
                    new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey))
                            .d(Base64URL.encode(secret))
                            .build();
            case P256 -> ecBuilder(publicKey).d(Base64URL.encode(secret)).build();
        };
    }

    static VerificationKey fromJwk(JWK jwk) {
        if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return new VerificationKey(KeyType.ED25519, okp.getX().decode());
        }
        if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            byte[] compressed = P256Keys.compress(ec.getX().decode(), ec.getY().decode());
            return new VerificationKey(KeyType.P256, compressed);
        }
        String kind = jwk == null ? "null" : jwk.getKeyType() + " " + curveOf(jwk);
        throw new KeyFormatException(
                "unsupported JWK (only OKP Ed25519 and EC P-256 are supported): " + kind);
    }

    private static ECKey.Builder ecBuilder(byte[] compressedPublicKey) {
        byte[][] xy = P256Keys.coordinates(compressedPublicKey);
        return new ECKey.Builder(Curve.P_256, Base64URL.encode(xy[0]), Base64URL.encode(xy[1]));
    }

    private static String curveOf(JWK jwk) {
        if (jwk instanceof OctetKeyPair okp) {
            return String.valueOf(okp.getCurve());
        }
        if (jwk instanceof ECKey ec) {
            return String.valueOf(ec.getCurve());
        }
        return "";
    }
}
