package org.credence.app.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.SigningKey;
import org.credence.core.did.DidKey;
import org.credence.core.json.Jsons;
import org.junit.jupiter.api.Test;

/** OpenID4VCI {@code jwt} key proofs: what is accepted, and each way one is refused. */
class KeyProofTest {

    private static final String ISSUER = "https://badges.example.edu";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SigningKey ED25519 = SigningKey.generate(KeyType.ED25519, RANDOM);
    private static final SigningKey P256 = SigningKey.generate(KeyType.P256, RANDOM);

    @Test
    void should_accept_a_did_key_kid_and_name_the_holder_by_it() {
        // GIVEN
        String jwt = sign(ED25519, header("EdDSA").add("kid", kid(ED25519)), claims(ISSUER, NOW));

        // WHEN
        KeyProof proof = KeyProof.verify(jwt, ISSUER, NOW);

        // THEN
        assertThat(proof.holderId()).isEqualTo(DidKey.did(ED25519.publicKey()));
        assertThat(proof.nonce()).isEqualTo("n-1");
    }

    @Test
    void should_accept_a_public_p256_jwk_and_name_the_holder_by_its_did_key() {
        // GIVEN
        JsonObject jwk =
                Jsons.PROVIDER
                        .createReader(
                                new java.io.StringReader(P256.publicKey().toJwk().toJSONString()))
                        .readObject();
        String jwt = sign(P256, header("ES256").add("jwk", jwk), claims(ISSUER, NOW));

        // WHEN
        KeyProof proof = KeyProof.verify(jwt, ISSUER, NOW);

        // THEN
        assertThat(proof.holderId()).isEqualTo(DidKey.did(P256.publicKey()));
    }

    @Test
    void should_refuse_wrong_type_audience_time_algorithm_key_or_signature() {
        String good = sign(ED25519, header("EdDSA").add("kid", kid(ED25519)), claims(ISSUER, NOW));
        String[] parts = good.split("\\.");
        String otherSignature =
                sign(P256, header("EdDSA").add("kid", kid(ED25519)), claims(ISSUER, NOW))
                        .split("\\.")[2];

        assertRefused(
                sign(
                        ED25519,
                        header("EdDSA").add("kid", kid(ED25519)).add("typ", "JWT"),
                        claims(ISSUER, NOW)),
                "typ");
        assertRefused(
                sign(
                        ED25519,
                        header("EdDSA").add("kid", kid(ED25519)),
                        claims("https://other.example", NOW)),
                "aud");
        assertRefused(
                sign(
                        ED25519,
                        header("EdDSA").add("kid", kid(ED25519)),
                        claims(ISSUER, NOW.minusSeconds(3600))),
                "iat");
        assertRefused(
                sign(ED25519, header("ES256").add("kid", kid(ED25519)), claims(ISSUER, NOW)),
                "alg");
        assertRefused(
                sign(
                        ED25519,
                        header("EdDSA").add("kid", "https://keys.example/1"),
                        claims(ISSUER, NOW)),
                "did:key");
        assertRefused(sign(ED25519, header("EdDSA"), claims(ISSUER, NOW)), "exactly one");
        assertRefused(parts[0] + "." + parts[1] + "." + otherSignature, "signature");
        assertRefused("not.a.jws", "compact JWS");
    }

    @Test
    void should_refuse_a_proof_without_a_nonce() {
        JsonObject claims =
                Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("aud", ISSUER)
                        .add("iat", NOW.getEpochSecond())
                        .build();

        assertRefused(sign(ED25519, header("EdDSA").add("kid", kid(ED25519)), claims), "nonce");
    }

    private static void assertRefused(String jwt, String reason) {
        assertThatThrownBy(() -> KeyProof.verify(jwt, ISSUER, NOW))
                .isInstanceOfSatisfying(
                        WalletProtocolException.class,
                        e -> assertThat(e.error()).isEqualTo(WalletError.INVALID_PROOF))
                .hasMessageContaining(reason);
    }

    private static String kid(SigningKey key) {
        return DidKey.verificationMethodId(key.publicKey());
    }

    private static JsonObjectBuilder header(String alg) {
        return Jsons.PROVIDER.createObjectBuilder().add("typ", KeyProof.TYPE).add("alg", alg);
    }

    private static JsonObject claims(String audience, Instant issuedAt) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("aud", audience)
                .add("iat", issuedAt.getEpochSecond())
                .add("nonce", "n-1")
                .build();
    }

    /** A compact JWS assembled by hand, so that tests can also build wrong ones. */
    private static String sign(SigningKey key, JsonObjectBuilder header, JsonObject claims) {
        String input = base64(header.build().toString()) + "." + base64(claims.toString());
        byte[] signature = key.sign(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
