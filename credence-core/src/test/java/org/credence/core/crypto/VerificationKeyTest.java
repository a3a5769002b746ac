package org.credence.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationKeyTest {

    private static final String ED25519_MULTIBASE =
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    @Test
    void should_round_trip_multibase_when_key_is_ed25519() {
        // GIVEN
        VerificationKey key = VerificationKey.fromMultibase(ED25519_MULTIBASE);

        // WHEN
        String multibase = key.multibase();

        // THEN
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertThat(key.publicKey()).hasSize(32);
        assertThat(multibase).isEqualTo(ED25519_MULTIBASE);
    }

    @Test
    void should_encode_as_zDn_when_key_is_p256() {
        // GIVEN
        VerificationKey key = SigningKey.generate(KeyType.P256, new SecureRandom()).publicKey();

        // WHEN
        String multibase = key.multibase();

        // THEN
        assertThat(multibase).startsWith("zDn");
        assertThat(VerificationKey.fromMultibase(multibase)).isEqualTo(key);
    }

    @Test
    void should_refuse_multibase_when_codec_is_unknown() {
        // GIVEN a secp256k1 public key (multicodec 0xe7)
        String secp256k1 = "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";

        // WHEN / THEN
        assertThatThrownBy(() -> VerificationKey.fromMultibase(secp256k1))
                .isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("multicodec");
    }

    @Test
    void should_refuse_multibase_when_length_is_wrong() {
        // GIVEN an Ed25519 header followed by 31 bytes
        byte[] truncated = Multicodec.ED25519_PUB.prepend(new byte[31]);
        String multibase = Base58Btc.encodeMultibase(truncated);

        // WHEN / THEN
        assertThatThrownBy(() -> VerificationKey.fromMultibase(multibase))
                .isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("length");
    }

    @Test
    void should_refuse_multibase_when_not_base58btc() {
        // WHEN / THEN
        assertThatThrownBy(() -> VerificationKey.fromMultibase("uAAAA"))
                .isInstanceOf(KeyFormatException.class);
        assertThatThrownBy(() -> VerificationKey.fromMultibase("z0OIl"))
                .isInstanceOf(KeyFormatException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_round_trip_jwk_when_key_is_supported(KeyType type) {
        // GIVEN
        VerificationKey key = SigningKey.generate(type, new SecureRandom()).publicKey();

        // WHEN
        JWK jwk = key.toJwk();

        // THEN
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(VerificationKey.fromJwk(jwk)).isEqualTo(key);
        if (type == KeyType.ED25519) {
            assertThat(jwk).isInstanceOf(OctetKeyPair.class);
            assertThat(((OctetKeyPair) jwk).getCurve()).isEqualTo(Curve.Ed25519);
        } else {
            assertThat(jwk).isInstanceOf(ECKey.class);
            assertThat(((ECKey) jwk).getCurve()).isEqualTo(Curve.P_256);
        }
    }

    @Test
    void should_refuse_jwk_when_key_is_rsa() throws Exception {
        // GIVEN
        RSAKey rsa = new RSAKeyGenerator(2048).generate().toPublicJWK();

        // WHEN / THEN
        assertThatThrownBy(() -> VerificationKey.fromJwk(rsa))
                .isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("RSA");
    }

    @Test
    void should_compare_by_content_and_copy_bytes_when_constructed() {
        // GIVEN
        byte[] bytes = VerificationKey.fromMultibase(ED25519_MULTIBASE).publicKey();
        VerificationKey key = new VerificationKey(KeyType.ED25519, bytes);

        // WHEN
        bytes[0] ^= 1;
        key.publicKey()[1] ^= 1;

        // THEN
        assertThat(key).isEqualTo(VerificationKey.fromMultibase(ED25519_MULTIBASE));
        assertThat(key.hashCode())
                .isEqualTo(VerificationKey.fromMultibase(ED25519_MULTIBASE).hashCode());
    }

    @Test
    void should_refuse_key_when_p256_point_is_not_on_curve() {
        // GIVEN an x coordinate beyond the field prime
        byte[] notAPoint = new byte[33];
        Arrays.fill(notAPoint, (byte) 0xff);
        notAPoint[0] = 0x02;

        // WHEN / THEN
        assertThatThrownBy(() -> new VerificationKey(KeyType.P256, notAPoint))
                .isInstanceOf(KeyFormatException.class);
    }

    @Test
    void should_not_verify_when_signature_is_malformed() {
        // GIVEN
        VerificationKey key = VerificationKey.fromMultibase(ED25519_MULTIBASE);
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);

        // WHEN / THEN
        assertThat(key.verify(data, new byte[63])).isFalse();
        assertThat(key.verify(data, null)).isFalse();
        assertThat(key.verify(data, new byte[64])).isFalse();
    }
}
