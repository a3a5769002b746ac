package org.credence.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTest {

    static final Path VECTORS =
            Path.of("../credence-testing/src/main/resources/org/credence/testing/vectors");

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ED25519_X509_PREFIX = HEX.parseHex("302a300506032b6570032100");
    private static final byte[] DATA = "credence".getBytes(StandardCharsets.UTF_8);

    @Test
    void should_round_trip_exactly_when_reading_the_w3c_key_pair() throws IOException {
        // GIVEN
        JsonObject pair = readJson(VECTORS.resolve("w3c-vc-di-eddsa/keyPair.json"));
        String publicMultibase = pair.getString("publicKeyMultibase");
        String secretMultibase = pair.getString("privateKeyMultibase");

        // WHEN
        SigningKey key = SigningKey.fromSecretMultibase(secretMultibase, publicMultibase);

        // THEN
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertThat(key.publicKey().multibase()).isEqualTo(publicMultibase);
        assertThat(key.secretMultibase()).isEqualTo(secretMultibase);
    }

    @Test
    void should_match_rfc8032_when_signing_test_vector_1() {
        // GIVEN RFC 8032 section 7.1, TEST 1
        byte[] seed =
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        String secret = Base58Btc.encodeMultibase(Multicodec.ED25519_PRIV.prepend(seed));

        // WHEN
        SigningKey key = SigningKey.fromSecretMultibase(secret, null);
        byte[] signature = key.sign(new byte[0]);

        // THEN
        assertThat(HEX.formatHex(key.publicKey().publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(signature))
                .isEqualTo(
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_verify_own_signature_and_refuse_tampered_data_when_signing(KeyType type) {
        // GIVEN
        SigningKey key = SigningKey.generate(type, new SecureRandom());

        // WHEN
        byte[] signature = key.sign(DATA);

        // THEN
        assertThat(signature).hasSize(64);
        assertThat(key.publicKey().verify(DATA, signature)).isTrue();
        assertThat(key.publicKey().verify("credencE".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_interoperate_with_the_jdk_when_verifying_elsewhere(KeyType type) throws Exception {
        // GIVEN
        SigningKey key = SigningKey.generate(type, new SecureRandom());
        byte[] x509 =
                type == KeyType.ED25519
                        ? concat(ED25519_X509_PREFIX, key.publicKey().publicKey())
                        : key.publicKey().toJwk().toECKey().toPublicKey().getEncoded();
        Signature jdk =
                Signature.getInstance(
                        type == KeyType.ED25519 ? "Ed25519" : "SHA256withECDSAinP1363Format");

        // WHEN
        jdk.initVerify(
                KeyFactory.getInstance(type == KeyType.ED25519 ? "Ed25519" : "EC")
                        .generatePublic(new X509EncodedKeySpec(x509)));
        jdk.update(DATA);

        // THEN
        assertThat(jdk.verify(key.sign(DATA))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_round_trip_secret_multibase_when_generated(KeyType type) {
        // GIVEN
        SigningKey key = SigningKey.generate(type, new SecureRandom());

        // WHEN
        SigningKey copy =
                SigningKey.fromSecretMultibase(key.secretMultibase(), key.publicKey().multibase());

        // THEN
        assertThat(copy.publicKey()).isEqualTo(key.publicKey());
        assertThat(copy.secretMultibase()).isEqualTo(key.secretMultibase());
        assertThat(key.secretMultibase()).startsWith(type == KeyType.ED25519 ? "z3u2" : "z42t");
    }

    @Test
    void should_accept_64_byte_form_with_and_without_header_when_public_half_matches() {
        // GIVEN
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        byte[] seedAndPublic = seedAndPublic(key);

        // WHEN
        SigningKey headered =
                SigningKey.fromSecretMultibase(
                        Base58Btc.encodeMultibase(Multicodec.ED25519_PRIV.prepend(seedAndPublic)),
                        null);
        SigningKey bare =
                SigningKey.fromSecretMultibase(Base58Btc.encodeMultibase(seedAndPublic), null);

        // THEN
        assertThat(headered.secretMultibase()).isEqualTo(key.secretMultibase());
        assertThat(bare.secretMultibase()).isEqualTo(key.secretMultibase());
    }

    @Test
    void should_refuse_64_byte_form_when_public_half_does_not_match() {
        // GIVEN
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        byte[] seedAndPublic = seedAndPublic(key);
        seedAndPublic[63] ^= 1;

        // WHEN / THEN
        assertThatThrownBy(
                        () ->
                                SigningKey.fromSecretMultibase(
                                        Base58Btc.encodeMultibase(seedAndPublic), null))
                .isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("public half");
    }

    @Test
    void should_refuse_secret_when_public_multibase_belongs_to_another_key() {
        // GIVEN
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        SigningKey other = SigningKey.generate(KeyType.ED25519, new SecureRandom());

        // WHEN / THEN
        assertThatThrownBy(
                        () ->
                                SigningKey.fromSecretMultibase(
                                        key.secretMultibase(), other.publicKey().multibase()))
                .isInstanceOf(KeyFormatException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void should_refuse_secret_when_codec_is_a_public_key() {
        // GIVEN
        String publicKey =
                SigningKey.generate(KeyType.ED25519, new SecureRandom()).publicKey().multibase();

        // WHEN / THEN
        assertThatThrownBy(() -> SigningKey.fromSecretMultibase(publicKey, null))
                .isInstanceOf(KeyFormatException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_hide_secret_when_printed(KeyType type) {
        // GIVEN
        SigningKey key = SigningKey.generate(type, new SecureRandom());

        // WHEN
        String printed = key.toString();

        // THEN
        assertThat(printed)
                .contains(key.publicKey().multibase())
                .doesNotContain(key.secretMultibase())
                .doesNotContain(key.secretMultibase().substring(1, 20));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_export_private_jwk_when_asked(KeyType type) {
        // GIVEN
        SigningKey key = SigningKey.generate(type, new SecureRandom());

        // WHEN / THEN
        assertThat(key.toJwk().isPrivate()).isTrue();
        assertThat(VerificationKey.fromJwk(key.toJwk())).isEqualTo(key.publicKey());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    private static byte[] seedAndPublic(SigningKey key) {
        byte[] secret = Base58Btc.decodeMultibase(key.secretMultibase());
        byte[] out = new byte[64];
        System.arraycopy(secret, 2, out, 0, 32);
        System.arraycopy(key.publicKey().publicKey(), 0, out, 32, 32);
        return out;
    }

    static JsonObject readJson(Path path) throws IOException {
        try (Reader reader = Files.newBufferedReader(path);
                var json = Json.createReader(reader)) {
            return json.readObject();
        }
    }
}
