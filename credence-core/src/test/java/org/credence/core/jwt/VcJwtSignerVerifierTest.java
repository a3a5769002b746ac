package org.credence.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.credence.core.crypto.KeyType;
import org.credence.core.crypto.SigningKey;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.DidKey;
import org.credence.core.did.DidKeyResolver;
import org.credence.core.did.DidWebResolver;
import org.credence.core.did.ResolutionError;
import org.credence.core.did.ResolutionException;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VcJwtSignerVerifierTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final VcJwtSigner SIGNER = new VcJwtSigner(CLOCK);
    private static final VcJwtVerifier VERIFIER =
            new VcJwtVerifier(CompositeResolver.offline(), CLOCK);

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyType.class)
    void should_verify_with_all_checks_passed_when_round_tripped(KeyType type) throws Exception {
        // GIVEN
        SigningKey key = SigningKey.generate(type, new SecureRandom());
        String issuer = DidKey.did(key.publicKey());
        JsonObject credential = credential(issuer, "2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z");

        // WHEN
        String jwt = SIGNER.sign(credential, key, DidKey.verificationMethodId(key.publicKey()));
        JwtVerification result = VERIFIER.verify(jwt);

        // THEN
        JWSObject jws = JWSObject.parse(jwt);
        assertThat(jws.getHeader().getAlgorithm().getName())
                .isEqualTo(type == KeyType.ED25519 ? "EdDSA" : "ES256");
        assertThat(jws.getHeader().getType().getType()).isEqualTo("JWT");
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims)
                .containsEntry("iss", issuer)
                .containsEntry("sub", "did:example:learner")
                .containsEntry("jti", "urn:uuid:1")
                .containsEntry("nbf", 1735689600L)
                .containsEntry("exp", 1893456000L)
                .containsEntry("iat", CLOCK.instant().getEpochSecond());
        assertThat(result.isVerified()).isTrue();
        assertThat(result.form()).isEqualTo(JwtForm.VC_CLAIM);
        assertThat(result.credential()).isEqualTo(credential);
        assertThat(result.verificationMethod().controller()).isEqualTo(issuer);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void should_report_invalid_signature_when_payload_is_tampered() {
        // GIVEN
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        String issuer = DidKey.did(key.publicKey());
        String jwt =
                SIGNER.sign(
                        credential(issuer, "2025-01-01T00:00:00Z", null),
                        key,
                        DidKey.verificationMethodId(key.publicKey()));
        String[] parts = jwt.split("\\.");
        String payload = decode(parts[1]).replace("Badge", "Forged");
        String tampered = parts[0] + "." + encode(payload) + "." + parts[2];

        // WHEN
        JwtVerification result = VERIFIER.verify(tampered);

        // THEN
        assertThat(result.check(CheckName.PROOF)).map(Check::code).contains("INVALID_SIGNATURE");
        assertThat(result.isVerified()).isFalse();
    }

    @Test
    void should_name_each_failed_binding_when_claims_do_not_match_the_credential() {
        // GIVEN a JWT whose claims were taken from another credential
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        String issuer = DidKey.did(key.publicKey());
        JsonObject signed = credential(issuer, "2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
        String jwt = SIGNER.sign(signed, key, DidKey.verificationMethodId(key.publicKey()));
        JsonObject other =
                Json.createObjectBuilder(
                                credential(
                                        "did:example:other",
                                        "2025-02-01T00:00:00Z",
                                        "2031-01-01T00:00:00Z"))
                        .add("id", "urn:uuid:2")
                        .add(
                                "credentialSubject",
                                Json.createObjectBuilder().add("id", "did:example:someone"))
                        .build();
        String[] parts = jwt.split("\\.");
        JsonObject claims = Json.createReader(new StringReader(decode(parts[1]))).readObject();
        String swapped = Json.createObjectBuilder(claims).add("vc", other).build().toString();
        String resigned = resign(parts[0] + "." + encode(swapped), key);

        // WHEN
        JwtVerification result = VERIFIER.verify(resigned);

        // THEN
        assertThat(result.check(CheckName.PROOF)).map(Check::status).contains(CheckStatus.PASSED);
        assertThat(result.check(CheckName.JWT_CLAIMS))
                .map(Check::status)
                .contains(CheckStatus.FAILED);
        assertThat(result.failures())
                .containsExactly(
                        "issMatchesIssuer",
                        "subMatchesSubject",
                        "jtiMatchesId",
                        "nbfMatchesValidFrom",
                        "expMatchesValidUntil");
    }

    @Test
    void should_fail_syntax_without_throwing_when_input_is_not_a_jws() {
        // WHEN
        JwtVerification garbage = VERIFIER.verify("not.a.jwt");
        JwtVerification empty = VERIFIER.verify(null);

        // THEN
        assertThat(garbage.checks())
                .singleElement()
                .satisfies(check -> assertThat(check.name()).isEqualTo(CheckName.SYNTAX))
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAILED));
        assertThat(empty.isVerified()).isFalse();
    }

    @Test
    void should_read_payload_as_credential_when_typ_is_vc_jwt() {
        // GIVEN
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        String issuer = DidKey.did(key.publicKey());
        JsonObject credential = credential(issuer, "2025-01-01T00:00:00Z", null);
        String header =
                "{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\""
                        + DidKey.verificationMethodId(key.publicKey())
                        + "\"}";
        String jwt = resign(encode(header) + "." + encode(credential.toString()), key);

        // WHEN
        JwtVerification result = VERIFIER.verify(jwt);

        // THEN
        assertThat(result.form()).isEqualTo(JwtForm.VC_JOSE_COSE);
        assertThat(result.credential()).isEqualTo(credential);
        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void should_resolve_kid_relative_to_iss_when_kid_is_a_fragment() {
        // GIVEN a did:web issuer publishing the key as #key-1
        SigningKey key = SigningKey.generate(KeyType.P256, new SecureRandom());
        String did = "did:web:example.com";
        String document =
                """
                {"id": "%1$s", "verificationMethod": [{"id": "%1$s#key-1", "type": "Multikey",
                 "controller": "%1$s", "publicKeyMultibase": "%2$s"}],
                 "assertionMethod": ["%1$s#key-1"]}
                """
                        .formatted(did, key.publicKey().multibase());
        VcJwtVerifier verifier =
                new VcJwtVerifier(
                        new CompositeResolver(
                                Map.of(
                                        "did:key:", new DidKeyResolver(),
                                        "did:web:",
                                                new DidWebResolver(
                                                        url ->
                                                                Json.createReader(
                                                                                new StringReader(
                                                                                        document))
                                                                        .readObject()))),
                        CLOCK);
        String jwt = SIGNER.sign(credential(did, "2025-01-01T00:00:00Z", null), key, "#key-1");

        // WHEN
        JwtVerification result = verifier.verify(jwt);

        // THEN
        assertThat(result.isVerified()).isTrue();
        assertThat(result.verificationMethod().id()).isEqualTo(did + "#key-1");
    }

    @Test
    void should_report_could_not_check_when_key_document_is_unreachable() {
        // GIVEN
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        VcJwtVerifier offline =
                new VcJwtVerifier(
                        CompositeResolver.standard(
                                url -> {
                                    throw new ResolutionException(
                                            ResolutionError.NETWORK_UNAVAILABLE, "offline");
                                }),
                        CLOCK);
        String jwt =
                SIGNER.sign(
                        credential("did:web:example.com", "2025-01-01T00:00:00Z", null),
                        key,
                        "did:web:example.com#key-1");

        // WHEN
        JwtVerification result = offline.verify(jwt);

        // THEN
        assertThat(result.check(CheckName.PROOF))
                .hasValueSatisfying(
                        check -> {
                            assertThat(check.status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
                            assertThat(check.code()).isEqualTo("NETWORK_UNAVAILABLE");
                        });
        assertThat(result.isVerified()).isFalse();
    }

    private static JsonObject credential(String issuer, String validFrom, String validUntil) {
        var builder =
                Json.createObjectBuilder()
                        .add(
                                "@context",
                                Json.createArrayBuilder()
                                        .add("https://www.w3.org/ns/credentials/v2")
                                        .add(
                                                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                        .add("id", "urn:uuid:1")
                        .add(
                                "type",
                                Json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OpenBadgeCredential"))
                        .add("name", "Badge")
                        .add(
                                "issuer",
                                Json.createObjectBuilder().add("id", issuer).add("type", "Profile"))
                        .add("validFrom", validFrom)
                        .add(
                                "credentialSubject",
                                Json.createObjectBuilder().add("id", "did:example:learner"));
        if (validUntil != null) {
            builder.add("validUntil", validUntil);
        }
        return builder.build();
    }

    private static String resign(String signingInput, SigningKey key) {
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput
                + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
