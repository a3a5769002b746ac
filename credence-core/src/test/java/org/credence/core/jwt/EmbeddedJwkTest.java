package org.credence.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.credence.core.Verifier;
import org.credence.core.crypto.VerificationKey;
import org.credence.core.did.CompositeResolver;
import org.credence.core.did.DidKey;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/**
 * VC-JWTs whose JOSE header carries the public key itself ({@code jwk}, OB 3.0 §8.2), built with
 * nimbus as such libraries do (issue 9, point 13): the signature is checked with that key, and the
 * key is bound to the issuer only when the issuer publishes it.
 */
class EmbeddedJwkTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String DID_WEB = "did:web:school.example";
    private static final String DID_WEB_DOCUMENT = "https://school.example/.well-known/did.json";

    private final ECKey key = newKey();
    private final ECKey otherKey = newKey();

    @Test
    void should_bind_the_header_key_when_the_issuer_is_its_did_key() throws Exception {
        // GIVEN
        String issuer = DidKey.did(VerificationKey.fromJwk(key.toPublicJWK()));
        String jwt = jwt(key, credential(issuer), null);

        // WHEN
        VerificationReport report = verifier(List.of()).verify(jwt, VerifyOptions.DEFAULT);

        // THEN
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        assertThat(status(report, CheckName.ISSUER_KEY_BINDING)).isEqualTo(CheckStatus.PASSED);
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void should_bind_the_header_key_when_the_did_web_document_lists_it() throws Exception {
        // GIVEN
        String jwt = jwt(key, credential(DID_WEB), null);

        // WHEN
        VerificationReport report =
                verifier(List.of(didWebFixture(key))).verify(jwt, VerifyOptions.DEFAULT);

        // THEN
        assertThat(status(report, CheckName.ISSUER_KEY_BINDING)).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check(CheckName.ISSUER_KEY_BINDING).orElseThrow().message())
                .contains(DID_WEB + "#key-1");
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void should_not_check_the_binding_when_the_issuer_does_not_publish_the_header_key()
            throws Exception {
        // GIVEN an issuer whose DID document lists another key
        String jwt = jwt(key, credential(DID_WEB), null);

        // WHEN
        VerificationReport report =
                verifier(List.of(didWebFixture(otherKey))).verify(jwt, VerifyOptions.DEFAULT);

        // THEN the signature is valid; who made it is not confirmed, and says why, plainly
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        Check binding = report.check(CheckName.ISSUER_KEY_BINDING).orElseThrow();
        assertThat(binding.status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
        assertThat(binding.code()).isEqualTo("KEY_NOT_PUBLISHED_BY_ISSUER");
        assertThat(binding.message())
                .contains("does not publish")
                .contains(DID_WEB)
                .doesNotContain("null");
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
    }

    @Test
    void should_not_check_the_binding_when_the_issuer_document_cannot_be_fetched()
            throws Exception {
        // GIVEN offline: no document for the issuer's did:web
        String jwt = jwt(key, credential(DID_WEB), null);

        // WHEN
        VerificationReport report = verifier(List.of()).verify(jwt, VerifyOptions.DEFAULT);

        // THEN
        Check binding = report.check(CheckName.ISSUER_KEY_BINDING).orElseThrow();
        assertThat(binding.status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
        assertThat(binding.message()).contains("could not be read").doesNotContain("null");
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
    }

    @Test
    void should_fail_the_proof_when_the_payload_was_changed() throws Exception {
        // GIVEN a valid token whose payload is replaced, signature kept
        String issuer = DidKey.did(VerificationKey.fromJwk(key.toPublicJWK()));
        String[] parts = jwt(key, credential(issuer), null).split("\\.");
        JsonObject forged =
                Json.createObjectBuilder(claims(credential(issuer)))
                        .add(
                                "vc",
                                Json.createObjectBuilder(credential(issuer)).add("name", "Forged"))
                        .build();
        String tampered =
                parts[0] + "." + new Payload(forged.toString()).toBase64URL() + "." + parts[2];

        // WHEN
        VerificationReport report = verifier(List.of()).verify(tampered, VerifyOptions.DEFAULT);

        // THEN
        Check proof = report.check(CheckName.PROOF).orElseThrow();
        assertThat(proof.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(proof.code()).isEqualTo("INVALID_SIGNATURE");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_use_the_header_key_when_the_kid_is_only_its_thumbprint() throws Exception {
        // GIVEN kid = the key's thumbprint, which resolves to nothing
        String issuer = DidKey.did(VerificationKey.fromJwk(key.toPublicJWK()));
        String jwt = jwt(key, credential(issuer), key.computeThumbprint().toString());

        // WHEN
        VerificationReport report = verifier(List.of()).verify(jwt, VerifyOptions.DEFAULT);

        // THEN
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        assertThat(status(report, CheckName.ISSUER_KEY_BINDING)).isEqualTo(CheckStatus.PASSED);
    }

    private static Verifier verifier(List<String> fixtures) {
        FixtureDocuments documents = FixtureDocuments.of(fixtures);
        return Verifier.builder()
                .resolver(CompositeResolver.standard(documents))
                .fetcher(documents)
                .clock(CLOCK)
                .build();
    }

    /** A compact JWS signed ES256 by {@code signer}, with its public key in the header. */
    private static String jwt(ECKey signer, JsonObject credential, String kid) throws Exception {
        JWSHeader.Builder header =
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .jwk(signer.toPublicJWK());
        if (kid != null) {
            header.keyID(kid);
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(claims(credential).toString()));
        jws.sign(new ECDSASigner(signer));
        return jws.serialize();
    }

    private static JsonObject claims(JsonObject credential) {
        return Json.createObjectBuilder()
                .add("iss", credential.getJsonObject("issuer").getString("id"))
                .add("jti", credential.getString("id"))
                .add("sub", "did:example:learner")
                .add("nbf", Instant.parse("2026-01-01T00:00:00Z").getEpochSecond())
                .add("iat", Instant.parse("2026-01-01T00:00:00Z").getEpochSecond())
                .add("vc", credential)
                .build();
    }

    private static String didWebFixture(ECKey published) {
        JsonObject jwk = Json.createObjectBuilder(published.toPublicJWK().toJSONObject()).build();
        JsonObject document =
                Json.createObjectBuilder()
                        .add("@context", "https://www.w3.org/ns/did/v1")
                        .add("id", DID_WEB)
                        .add(
                                "verificationMethod",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("id", DID_WEB + "#key-1")
                                                        .add("type", "JsonWebKey2020")
                                                        .add("controller", DID_WEB)
                                                        .add("publicKeyJwk", jwk)))
                        .add("assertionMethod", Json.createArrayBuilder().add(DID_WEB + "#key-1"))
                        .build();
        return Json.createObjectBuilder()
                .add("url", DID_WEB_DOCUMENT)
                .add("document", document)
                .build()
                .toString();
    }

    private static JsonObject credential(String issuer) {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .add("id", "urn:uuid:0b6d2a1c-51c4-4f7e-9a0e-3c0d1e2f3a4b")
                .add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential"))
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", issuer)
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "School"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add("name", "Wound care")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "did:example:learner")
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add("id", "https://school.example/a/1")
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("Achievement"))
                                                .add("name", "Wound care")
                                                .add(
                                                        "criteria",
                                                        Json.createObjectBuilder()
                                                                .add("narrative", "Observed"))))
                .build();
    }

    private static CheckStatus status(VerificationReport report, CheckName name) {
        return report.check(name).map(Check::status).orElseThrow();
    }

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
