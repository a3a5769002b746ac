package org.credence.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.credence.core.bake.BadgeBaker;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jsonld.GeneratedCredentials;
import org.credence.core.model.IdentityHash;
import org.credence.core.status.BitstringStatusList;
import org.credence.core.status.StatusListCredentials;
import org.credence.core.status.StatusPurpose;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/** The Verifier front door, end to end, on credentials issued here with real keys. */
class VerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyFile KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final Issuer ISSUER = new Issuer(KEY, Canonicalizer.standard(), CLOCK);
    private static final String LIST_URL = "https://status.example/lists/1";

    private final Verifier offline = Verifier.builder().clock(CLOCK).build();

    @Test
    void should_verify_when_credential_is_freshly_issued() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential(null));

        // WHEN
        VerificationReport report = offline.verifyCredential(signed, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        assertThat(status(report, CheckName.ISSUER_KEY_BINDING)).isEqualTo(CheckStatus.PASSED);
        assertThat(status(report, CheckName.STATUS)).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void should_fail_proof_and_keep_checking_when_a_value_was_changed() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential(null));
        JsonObject tampered = Json.createObjectBuilder(signed).add("name", "Forged").build();

        // WHEN
        VerificationReport report = offline.verifyCredential(tampered, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.check(CheckName.PROOF).orElseThrow().code()).isEqualTo("INVALID_PROOF");
        assertThat(status(report, CheckName.VALIDITY)).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_report_revoked_when_the_status_list_bit_is_set() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential(statusEntry(42)));
        Verifier verifier = verifierWithList(BitstringStatusList.create(131_072).with(42, true));

        // WHEN
        VerificationReport report = verifier.verifyCredential(signed, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.check(CheckName.STATUS).orElseThrow().code()).isEqualTo("REVOKED");
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_pass_status_when_the_bit_is_clear() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential(statusEntry(42)));
        Verifier verifier = verifierWithList(BitstringStatusList.create(131_072).with(43, true));

        // WHEN
        VerificationReport report = verifier.verifyCredential(signed, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(status(report, CheckName.STATUS)).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_say_could_not_check_not_valid_when_the_status_list_cannot_be_fetched() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential(statusEntry(42)));

        // WHEN
        VerificationReport report = offline.verifyCredential(signed, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.check(CheckName.STATUS).orElseThrow().code())
                .isEqualTo("STATUS_LIST_UNAVAILABLE");
    }

    @Test
    void should_not_trust_a_status_list_signed_by_someone_else() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential(statusEntry(42)));
        KeyFile stranger = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        JsonObject list =
                new Issuer(stranger, Canonicalizer.standard(), CLOCK)
                        .sign(
                                listCredential(
                                        stranger.controller(),
                                        BitstringStatusList.create(131_072)));
        Verifier verifier = verifierWithFixture(list);

        // WHEN
        VerificationReport report = verifier.verifyCredential(signed, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.check(CheckName.STATUS).orElseThrow().code())
                .isEqualTo("STATUS_LIST_NOT_VERIFIED");
    }

    @Test
    void should_match_the_recipient_only_when_the_email_is_the_hashed_one() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential(null));

        // WHEN
        VerificationReport right =
                offline.verifyCredential(
                        signed, VerifyOptions.DEFAULT.withRecipientEmail("Learner@Example.org"));
        VerificationReport wrong =
                offline.verifyCredential(
                        signed, VerifyOptions.DEFAULT.withRecipientEmail("someone@example.org"));

        // THEN
        assertThat(status(right, CheckName.RECIPIENT)).isEqualTo(CheckStatus.PASSED);
        assertThat(wrong.check(CheckName.RECIPIENT).orElseThrow().code())
                .isEqualTo("RECIPIENT_MISMATCH");
        assertThat(wrong.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_fail_validity_when_verified_after_valid_until() {
        // GIVEN
        JsonObject signed =
                ISSUER.sign(
                        Json.createObjectBuilder(credential(null))
                                .add("validUntil", "2027-01-01T00:00:00Z")
                                .build());

        // WHEN
        VerificationReport report =
                offline.verifyCredential(
                        signed,
                        VerifyOptions.DEFAULT.withAt(Instant.parse("2028-01-01T00:00:00Z")));

        // THEN
        assertThat(report.check(CheckName.VALIDITY).orElseThrow().code()).isEqualTo("EXPIRED");
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_fail_binding_when_a_valid_signature_is_by_a_key_the_issuer_does_not_control() {
        // GIVEN
        KeyFile other = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        KeyFile claimingIssuer =
                other.withController(KEY.controller(), other.verificationMethodId());
        JsonObject signed =
                new Issuer(claimingIssuer, Canonicalizer.standard(), CLOCK).sign(credential(null));

        // WHEN
        VerificationReport report = offline.verifyCredential(signed, VerifyOptions.DEFAULT);

        // THEN
        assertThat(status(report, CheckName.PROOF)).isEqualTo(CheckStatus.PASSED);
        assertThat(report.check(CheckName.ISSUER_KEY_BINDING).orElseThrow().code())
                .isEqualTo("PROOF_OK_ISSUER_NOT_KEY_CONTROLLER");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_verify_the_same_credential_as_jwt_and_baked_in_an_svg() {
        // GIVEN
        String jwt = ISSUER.signJwt(credential(null));
        String svg =
                new BadgeBaker()
                        .bakeSvg(
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
                                ISSUER.sign(credential(null)).toString());

        // WHEN
        VerificationReport fromJwt = offline.verify(jwt, VerifyOptions.DEFAULT);
        VerificationReport fromSvg =
                offline.verify(svg.getBytes(StandardCharsets.UTF_8), VerifyOptions.DEFAULT);

        // THEN
        assertThat(fromJwt.verdict()).as(fromJwt.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(fromJwt.format()).isEqualTo("jwt");
        assertThat(fromSvg.verdict()).as(fromSvg.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(fromSvg.format()).isEqualTo("svg");
    }

    @Test
    void should_refuse_cleanly_when_input_is_not_a_credential() {
        // GIVEN
        List<String> inputs =
                List.of(
                        "",
                        "not json",
                        "{\"a\":",
                        "[1,2]",
                        "{\"a\":1,\"a\":2}",
                        "a.b.c",
                        "{".repeat(10_000));

        for (String input : inputs) {
            // WHEN
            VerificationReport report = offline.verify(input, VerifyOptions.DEFAULT);

            // THEN
            assertThat(report.verdict()).as(input).isEqualTo(Verdict.FAILED);
            assertThat(report.checks()).as(input).isNotEmpty();
        }
    }

    @Test
    void should_refuse_a_5_megabyte_credential_before_parsing_it() {
        // GIVEN
        String huge = "{\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";

        // WHEN
        VerificationReport report = offline.verify(huge, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.check(CheckName.SYNTAX).orElseThrow().code()).isEqualTo("TOO_LARGE");
    }

    @Test
    void should_verify_generated_credentials_with_every_kind_of_text() {
        for (long seed = 0; seed < 40; seed++) {
            // GIVEN
            JsonObject signed =
                    ISSUER.sign(GeneratedCredentials.credential(seed, KEY.controller()));

            // WHEN
            VerificationReport report =
                    offline.verifyCredential(signed, VerifyOptions.DEFAULT.withAt(NOW));

            // THEN
            Check proof = report.check(CheckName.PROOF).orElseThrow();
            assertThat(proof.status())
                    .as("seed %d: %s", seed, proof.message())
                    .isEqualTo(CheckStatus.PASSED);
        }
    }

    private static CheckStatus status(VerificationReport report, CheckName name) {
        return report.check(name).orElseThrow().status();
    }

    private Verifier verifierWithList(BitstringStatusList list) {
        return verifierWithFixture(ISSUER.sign(listCredential(KEY.controller(), list)));
    }

    private static Verifier verifierWithFixture(JsonObject list) {
        return Verifier.builder()
                .clock(CLOCK)
                .fetcher(new FixtureDocuments(java.util.Map.of(LIST_URL, list)))
                .build();
    }

    private static JsonObject listCredential(String issuer, BitstringStatusList list) {
        return new StatusListCredentials(CLOCK)
                .unsigned(URI.create(LIST_URL), issuer, StatusPurpose.REVOCATION, list);
    }

    private static JsonObject statusEntry(int index) {
        return Json.createObjectBuilder()
                .add("id", LIST_URL + "#" + index)
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", "revocation")
                .add("statusListIndex", Integer.toString(index))
                .add("statusListCredential", LIST_URL)
                .build();
    }

    private static JsonObject credential(JsonObject status) {
        var builder =
                Json.createObjectBuilder()
                        .add("@context", Json.createArrayBuilder().add(VC_V2).add(OB_V3))
                        .add("id", "urn:uuid:0b6d2a1c-51c4-4f7e-9a0e-3c0d1e2f3a4b")
                        .add(
                                "type",
                                Json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OpenBadgeCredential"))
                        .add("issuer", issuerProfile())
                        .add("validFrom", "2026-01-01T00:00:00Z")
                        .add("name", "Cyber risk in small teams")
                        .add("credentialSubject", subject());
        if (status != null) {
            builder.add("credentialStatus", status);
        }
        return builder.build();
    }

    private static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    private static final String OB_V3 =
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private static JsonObject issuerProfile() {
        return Json.createObjectBuilder()
                .add("id", KEY.controller())
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", "مركز التدريب — 培训中心 — Centre de formation")
                .build();
    }

    private static JsonObject subject() {
        JsonObject identity =
                Json.createObjectBuilder()
                        .add("type", "IdentityObject")
                        .add("identityHash", IdentityHash.sha256("learner@example.org", "s4lt"))
                        .add("identityType", "emailAddress")
                        .add("hashed", true)
                        .add("salt", "s4lt")
                        .build();
        JsonObject achievement =
                Json.createObjectBuilder()
                        .add("id", "https://issuer.example/achievements/cyber-risk")
                        .add("type", Json.createArrayBuilder().add("Achievement"))
                        .add("name", "Cyber risk in small teams")
                        .add(
                                "description",
                                "Spot, rank and reduce the cyber risks of a small team.")
                        .add(
                                "criteria",
                                Json.createObjectBuilder().add("narrative", "Complete the course."))
                        .build();
        return Json.createObjectBuilder()
                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                .add("identifier", Json.createArrayBuilder().add(identity))
                .add("achievement", achievement)
                .build();
    }
}
