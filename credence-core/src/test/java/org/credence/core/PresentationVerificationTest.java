package org.credence.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.proof.DataIntegrity;
import org.credence.core.proof.ProofOptions;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/**
 * Presentations through the Verifier front door: Data Integrity and VP-JWT, VC 2.0 and 1.1, with
 * credentials issued here and presentations signed by a {@link Holder}.
 */
class PresentationVerificationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyFile ISSUER_KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final KeyFile HOLDER_KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final Issuer ISSUER = new Issuer(ISSUER_KEY, Canonicalizer.standard(), CLOCK);
    private static final Holder HOLDER = new Holder(HOLDER_KEY, Canonicalizer.standard(), CLOCK);
    private static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    private static final String DI_V2 = "https://w3id.org/security/data-integrity/v2";
    private static final String CHALLENGE = "8f2c1a7e-challenge";
    private static final String DOMAIN = "verifier.example";

    private final Verifier verifier = Verifier.builder().clock(CLOCK).build();
    private final VerifyOptions expected =
            VerifyOptions.DEFAULT.withChallenge(CHALLENGE).withDomain(DOMAIN);

    @Test
    void should_verify_when_the_holder_presents_two_credentials_for_this_challenge() {
        // GIVEN
        JsonObject vp =
                HOLDER.sign(
                        presentation(
                                VC_V2, ISSUER.sign(credential("A")), ISSUER.sign(credential("B"))),
                        CHALLENGE,
                        DOMAIN);

        // WHEN
        VerificationReport report = verifier.verify(vp.toString(), expected);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        assertThat(status(report, CheckName.HOLDER_BINDING)).isEqualTo(CheckStatus.PASSED);
        assertThat(status(report, CheckName.NESTED_CREDENTIALS)).isEqualTo(CheckStatus.PASSED);
        assertThat(report.nested()).hasSize(2).allMatch(VerificationReport::isVerified);
    }

    @Test
    void should_fail_the_proof_when_the_challenge_or_domain_is_another() {
        // GIVEN
        JsonObject vp =
                HOLDER.sign(presentation(VC_V2, ISSUER.sign(credential("A"))), CHALLENGE, DOMAIN);

        // WHEN
        VerificationReport otherChallenge =
                verifier.verify(vp.toString(), expected.withChallenge("replayed"));
        VerificationReport otherDomain =
                verifier.verify(vp.toString(), expected.withDomain("elsewhere.example"));

        // THEN
        assertThat(otherChallenge.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(code(otherChallenge, CheckName.PROOF)).isEqualTo("INVALID_CHALLENGE");
        assertThat(code(otherDomain, CheckName.PROOF)).isEqualTo("INVALID_DOMAIN");
        assertThat(otherChallenge.nested()).allMatch(VerificationReport::isVerified);
    }

    @Test
    void should_fail_when_a_credential_inside_was_changed_even_if_the_holder_signed_it() {
        // GIVEN
        JsonObject tampered =
                Json.createObjectBuilder(ISSUER.sign(credential("A")))
                        .add("name", "Forged")
                        .build();
        JsonObject vp =
                HOLDER.sign(
                        presentation(VC_V2, ISSUER.sign(credential("B")), tampered),
                        CHALLENGE,
                        DOMAIN);

        // WHEN
        VerificationReport report = verifier.verify(vp.toString(), expected);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        assertThat(code(report, CheckName.NESTED_CREDENTIALS))
                .isEqualTo("NESTED_CREDENTIAL_FAILED");
        assertThat(code(report.nested().get(1), CheckName.PROOF)).isEqualTo("INVALID_PROOF");
    }

    @Test
    void should_fail_the_proof_when_the_presentation_was_changed_after_signing() {
        // GIVEN
        JsonObject vp =
                HOLDER.sign(presentation(VC_V2, ISSUER.sign(credential("A"))), CHALLENGE, DOMAIN);
        JsonObject changed = Json.createObjectBuilder(vp).add("id", "urn:uuid:another").build();

        // WHEN
        VerificationReport report = verifier.verify(changed.toString(), expected);

        // THEN
        assertThat(code(report, CheckName.PROOF)).isEqualTo("INVALID_PROOF");
        assertThat(status(report, CheckName.HOLDER_BINDING)).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void should_fail_holder_binding_when_the_signing_key_belongs_to_someone_else() {
        // GIVEN a key of a stranger that claims to be the holder
        KeyFile stranger = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        Holder impostor =
                new Holder(
                        stranger.withController(
                                HOLDER_KEY.controller(), stranger.verificationMethodId()),
                        Canonicalizer.standard(),
                        CLOCK);
        JsonObject vp =
                impostor.sign(presentation(VC_V2, ISSUER.sign(credential("A"))), CHALLENGE, DOMAIN);

        // WHEN
        VerificationReport report = verifier.verify(vp.toString(), expected);

        // THEN
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        assertThat(code(report, CheckName.HOLDER_BINDING))
                .isEqualTo("PROOF_OK_HOLDER_NOT_KEY_CONTROLLER");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_warn_about_an_unsigned_presentation_and_fail_it_when_a_challenge_was_given() {
        // GIVEN
        JsonObject unsigned = presentation(VC_V2, ISSUER.sign(credential("A")));

        // WHEN
        VerificationReport plain = verifier.verify(unsigned.toString(), VerifyOptions.DEFAULT);
        VerificationReport challenged = verifier.verify(unsigned.toString(), expected);

        // THEN
        assertThat(plain.verdict()).as(plain.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(status(plain, CheckName.PROOF)).isEqualTo(CheckStatus.WARNING);
        assertThat(code(plain, CheckName.PROOF)).isEqualTo("UNSIGNED_PRESENTATION");
        assertThat(challenged.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(code(challenged, CheckName.PROOF)).isEqualTo("NO_PROOF");
    }

    @Test
    void should_fail_a_presentation_proof_made_for_assertion_not_authentication() {
        // GIVEN
        JsonObject vp =
                new DataIntegrity(Canonicalizer.standard())
                        .sign(
                                presentation(VC_V2, ISSUER.sign(credential("A"))),
                                HOLDER_KEY.signingKey(),
                                ProofOptions.assertion(HOLDER_KEY.verificationMethodId(), NOW));

        // WHEN
        VerificationReport report = verifier.verify(vp.toString(), VerifyOptions.DEFAULT);

        // THEN
        assertThat(code(report, CheckName.PROOF)).isEqualTo("WRONG_PROOF_PURPOSE");
    }

    @Test
    void should_verify_an_enveloped_vc_jwt_inside_a_presentation() {
        // GIVEN
        JsonObject enveloped =
                Json.createObjectBuilder()
                        .add("@context", VC_V2)
                        .add("id", "data:application/vc+jwt," + ISSUER.signJwt(credential("B")))
                        .add("type", "EnvelopedVerifiableCredential")
                        .build();
        JsonObject vp =
                HOLDER.sign(
                        presentation(VC_V2, ISSUER.sign(credential("A")), enveloped),
                        CHALLENGE,
                        null);

        // WHEN
        VerificationReport report =
                verifier.verify(vp.toString(), VerifyOptions.DEFAULT.withChallenge(CHALLENGE));

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.nested())
                .extracting(VerificationReport::format)
                .containsExactly("json", "jwt");
    }

    @Test
    void should_verify_a_vc_1_1_presentation_of_a_vc_1_1_credential() {
        // GIVEN
        JsonObject credential =
                ISSUER.sign(
                        Json.createObjectBuilder()
                                .add("@context", Json.createArrayBuilder().add(VC_V1).add(DI_V2))
                                .add("type", Json.createArrayBuilder().add("VerifiableCredential"))
                                .add("issuer", ISSUER_KEY.controller())
                                .add("issuanceDate", "2026-01-01T00:00:00Z")
                                .add(
                                        "credentialSubject",
                                        Json.createObjectBuilder()
                                                .add("id", HOLDER_KEY.controller()))
                                .build());
        JsonObject vp =
                HOLDER.sign(presentation(List.of(VC_V1, DI_V2), credential), CHALLENGE, DOMAIN);

        // WHEN
        VerificationReport report = verifier.verify(vp.toString(), expected);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(status(report, CheckName.HOLDER_BINDING)).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_verify_a_vp_jwt_and_refuse_it_for_another_nonce() {
        // GIVEN
        JsonObject unsigned =
                presentation(VC_V1, Json.createValue(ISSUER.signJwt(credential("A"))));
        String vpJwt = HOLDER.signJwt(unsigned, CHALLENGE, DOMAIN);

        // WHEN
        VerificationReport report = verifier.verify(vpJwt, expected);
        VerificationReport replayed = verifier.verify(vpJwt, expected.withChallenge("other"));

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.format()).isEqualTo("jwt");
        assertThat(status(report, CheckName.HOLDER_BINDING)).isEqualTo(CheckStatus.PASSED);
        assertThat(report.nested()).hasSize(1);
        assertThat(replayed.check(CheckName.JWT_CLAIMS).orElseThrow().message())
                .contains("nonceMatchesChallenge");
        assertThat(replayed.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_refuse_a_presentation_whose_credentials_are_not_objects() {
        // GIVEN
        JsonObject vp = presentation(VC_V2, Json.createValue("https://example.org/vc/1"));

        // WHEN
        VerificationReport report = verifier.verify(vp.toString(), VerifyOptions.DEFAULT);

        // THEN
        assertThat(status(report, CheckName.DATA_MODEL)).isEqualTo(CheckStatus.FAILED);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    private static CheckStatus status(VerificationReport report, CheckName name) {
        return report.check(name).orElseThrow().status();
    }

    private static String code(VerificationReport report, CheckName name) {
        return report.check(name).orElseThrow().code();
    }

    private static JsonObject presentation(String context, JsonValue... credentials) {
        return presentation(List.of(context), credentials);
    }

    private static JsonObject presentation(List<String> contexts, JsonValue... credentials) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        List.of(credentials).forEach(all::add);
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder(contexts))
                .add("id", "urn:uuid:3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b")
                .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                .add("holder", HOLDER_KEY.controller())
                .add("verifiableCredential", all)
                .build();
    }

    static JsonObject credential(String name) {
        JsonObject achievement =
                Json.createObjectBuilder()
                        .add("id", "https://issuer.example/achievements/" + name)
                        .add("type", Json.createArrayBuilder().add("Achievement"))
                        .add("name", "Achievement " + name)
                        .add("description", "Presented in a test.")
                        .add("criteria", Json.createObjectBuilder().add("narrative", "Do it."))
                        .build();
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add(VC_V2)
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .add("id", "urn:uuid:0b6d2a1c-51c4-4f7e-9a0e-3c0d1e2f3a4" + name.toLowerCase())
                .add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential"))
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", ISSUER_KEY.controller())
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Training centre"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add("name", "Achievement " + name)
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", HOLDER_KEY.controller())
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add("achievement", achievement))
                .build();
    }
}
