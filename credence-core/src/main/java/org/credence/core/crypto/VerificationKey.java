package org.credence.core.crypto;

import com.nimbusds.jose.jwk.JWK;
import java.util.Arrays;
import java.util.Objects;

/**
 * A public key that verifies signatures: Ed25519 (32 bytes) or P-256 (33-byte compressed point).
 * Immutable and thread-safe; the key bytes are copied in and out, and equality is by content.
 *
 * @param type the key type
 * @param publicKey the raw public key (Ed25519) or compressed point (P-256)
 */
public record VerificationKey(KeyType type, byte[] publicKey) {

    public VerificationKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(publicKey, "publicKey");
        publicKey = publicKey.clone();
        switch (type) {
            case ED25519 -> Ed25519Keys.checkPublicKey(publicKey);
            case P256 -> P256Keys.checkPublicKey(publicKey);
        }
    }

    /** A copy of the key bytes. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Whether {@code signature} is a valid signature of {@code data}: raw 64-byte Ed25519, or P-256
     * ECDSA over SHA-256 in IEEE P1363 form ({@code r||s}, 64 bytes). Malformed signatures are
     * simply invalid.
     */
    public boolean verify(byte[] data, byte[] signature) {
        Objects.requireNonNull(data, "data");
        return switch (type) {
            case ED25519 -> Ed25519Keys.verify(publicKey, data, signature);
            case P256 -> P256Keys.verify(publicKey, data, signature);
        };
    }

    /**
     * The Multikey {@code publicKeyMultibase}: base58btc of the multicodec header and the key
     * ({@code z6Mk…} for Ed25519, {@code zDn…} for P-256).
     */
    public String multibase() {
        return codec().encodeMultibase(publicKey);
    }

    /**
     * Decodes a Multikey {@code publicKeyMultibase}.
     *
     * @throws KeyFormatException if it is not base58btc, the codec is not Ed25519 or P-256 public
     *     key, or the length or point is wrong
     */
    public static VerificationKey fromMultibase(String multibase) {
        byte[] bytes = Base58Btc.decodeMultibase(multibase);
        Multicodec codec =
                Multicodec.headerOf(bytes)
                        .filter(c -> c == Multicodec.ED25519_PUB || c == Multicodec.P256_PUB)
                        .orElseThrow(
                                () ->
                                        new KeyFormatException(
                                                "unsupported multicodec: not an Ed25519 or"
                                                        + " P-256 public key"));
        if (bytes.length != codec.keyLength() + 2) {
            throw new KeyFormatException(
                    codec.keyType() + " public key has the wrong length: " + (bytes.length - 2));
        }
        return new VerificationKey(codec.keyType(), Arrays.copyOfRange(bytes, 2, bytes.length));
    }

    /** The public JWK: OKP Ed25519 or EC P-256. */
    public JWK toJwk() {
        return Jwks.publicJwk(type, publicKey);
    }

    /**
     * Reads a public (or private: only the public part is used) OKP Ed25519 or EC P-256 JWK.
     *
     * @throws KeyFormatException for any other key type or curve
     */
    public static VerificationKey fromJwk(JWK jwk) {
        return Jwks.fromJwk(jwk);
    }

    private Multicodec codec() {
        return type == KeyType.ED25519 ? Multicodec.ED25519_PUB : Multicodec.P256_PUB;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that
                && type == that.type
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + type + " " + multibase() + "]";
    }
}
