package org.credence.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.core.ob2.Ob2Badges.ISSUER;
import static org.credence.core.ob2.Ob2Badges.KEY;
import static org.credence.core.ob2.Ob2Badges.REVOCATIONS;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.credence.core.Verifier;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/** Signed (JWS) OB 2.0 assertions through the {@link Verifier} front door. */
class Ob2SignedVerificationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyPair KEYS = Ob2Badges.rsaKeyPair();
    private static final KeyPair OTHER_KEYS = Ob2Badges.rsaKeyPair();

    /** The issuer's site for signed badges: profile listing its key and revocation list. */
    private static Ob2Badges.Web site() {
        return new Ob2Badges.Web()
                .serve(
                        ISSUER,
                        Ob2Badges.issuer()
                                .add("publicKey", KEY)
                                .add("revocationList", REVOCATIONS)
                                .build())
                .serve(Ob2Badges.BADGE, Ob2Badges.badgeClass().build())
                .serve(KEY, Ob2Badges.keyDocument(KEYS, ISSUER))
                .serve(
                        REVOCATIONS,
                        revocationList("urn:uuid:00000000-0000-4000-8000-000000000000"));
    }

    private static JsonObject revocationList(String revokedId) {
        return Json.createObjectBuilder()
                .add("@context", Ob2Assertions.CONTEXT)
                .add("type", "RevocationList")
                .add("id", REVOCATIONS)
                .add("issuer", ISSUER)
                .add(
                        "revokedAssertions",
                        Json.createArrayBuilder()
                                .add("urn:uuid:11111111-1111-4111-8111-111111111111")
                                .add(
                                        Json.createObjectBuilder()
                                                .add("id", revokedId)
                                                .add("revocationReason", "Honor code violation")))
                .build();
    }

    private static VerificationReport verify(Ob2Badges.Web web, String jws) {
        return Verifier.builder()
                .fetcher(web)
                .clock(CLOCK)
                .build()
                .verify(jws, VerifyOptions.DEFAULT.withRecipientEmail(Ob2Badges.EMAIL));
    }

    private static Check check(VerificationReport report, CheckName name) {
        return report.check(name).orElseThrow(() -> new AssertionError("no " + name + " check"));
    }

    @Test
    void should_verify_when_signed_with_the_issuer_key() {
        // GIVEN
        String jws = Ob2Badges.sign(Ob2Badges.signedAssertion(), KEYS);

        // WHEN
        VerificationReport report = verify(site(), jws);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.format()).isEqualTo(Ob2Verifier.SIGNED);
        assertThat(report.checks())
                .extracting(Check::name)
                .containsExactly(
                        CheckName.SYNTAX,
                        CheckName.DATA_MODEL,
                        CheckName.PROOF,
                        CheckName.ISSUER_KEY_BINDING,
                        CheckName.VALIDITY,
                        CheckName.STATUS,
                        CheckName.RECIPIENT);
        assertThat(report.checks()).allMatch(c -> c.status() == CheckStatus.PASSED);
        assertThat(report.credential()).contains(Ob2Badges.signedAssertion());
    }

    @Test
    void should_verify_without_creator_using_the_issuer_declared_key() {
        // GIVEN
        JsonObject assertion =
                Json.createObjectBuilder(Ob2Badges.signedAssertion())
                        .add("verification", Json.createObjectBuilder().add("type", "signed"))
                        .build();

        // WHEN
        VerificationReport report = verify(site(), Ob2Badges.sign(assertion, KEYS));

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void should_fail_proof_when_the_payload_was_altered_after_signing() {
        // GIVEN the signature of one assertion over the payload of another
        String jws = Ob2Badges.sign(Ob2Badges.signedAssertion(), KEYS);
        JsonObject altered =
                Json.createObjectBuilder(Ob2Badges.signedAssertion())
                        .add("expires", "2099-12-31T00:00:00Z")
                        .build();
        String[] parts = jws.split("\\.");
        String tampered =
                parts[0]
                        + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(altered.toString().getBytes(StandardCharsets.UTF_8))
                        + "."
                        + parts[2];

        // WHEN
        VerificationReport report = verify(site(), tampered);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(report, CheckName.PROOF).code()).isEqualTo(SignedProof.INVALID_SIGNATURE);
        assertThat(check(report, CheckName.ISSUER_KEY_BINDING).status())
                .isEqualTo(CheckStatus.COULD_NOT_CHECK);
    }

    @Test
    void should_fail_proof_when_signed_with_another_key() {
        // GIVEN
        String jws = Ob2Badges.sign(Ob2Badges.signedAssertion(), OTHER_KEYS);

        // WHEN
        VerificationReport report = verify(site(), jws);

        // THEN
        assertThat(check(report, CheckName.PROOF).code()).isEqualTo(SignedProof.INVALID_SIGNATURE);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_fail_binding_when_the_key_belongs_to_someone_else() {
        // GIVEN a key document that names another owner
        String jws = Ob2Badges.sign(Ob2Badges.signedAssertion(), KEYS);
        Ob2Badges.Web web =
                site().serve(KEY, Ob2Badges.keyDocument(KEYS, "https://someone-else.example/me"));

        // WHEN
        VerificationReport report = verify(web, jws);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(report, CheckName.PROOF).status()).isEqualTo(CheckStatus.PASSED);
        Check binding = check(report, CheckName.ISSUER_KEY_BINDING);
        assertThat(binding.code()).isEqualTo(SignedProof.KEY_OWNER_MISMATCH);
        assertThat(binding.message()).contains("someone-else.example");
    }

    @Test
    void should_fail_binding_when_the_issuer_does_not_list_the_key() {
        // GIVEN an issuer Profile without publicKey
        String jws = Ob2Badges.sign(Ob2Badges.signedAssertion(), KEYS);
        Ob2Badges.Web web = site().serve(ISSUER, Ob2Badges.issuer().build());

        // WHEN
        VerificationReport report = verify(web, jws);

        // THEN
        assertThat(check(report, CheckName.ISSUER_KEY_BINDING).code())
                .isEqualTo(SignedProof.KEY_NOT_DECLARED);
    }

    @Test
    void should_fail_status_when_the_revocation_list_names_the_assertion() {
        // GIVEN
        JsonObject assertion = Ob2Badges.signedAssertion();
        Ob2Badges.Web web = site().serve(REVOCATIONS, revocationList(assertion.getString("id")));

        // WHEN
        VerificationReport report = verify(web, Ob2Badges.sign(assertion, KEYS));

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        Check status = check(report, CheckName.STATUS);
        assertThat(status.code()).isEqualTo(AssertionChecks.REVOKED);
        assertThat(status.message()).contains("Honor code violation");
    }

    @Test
    void should_not_pass_status_when_the_revocation_list_cannot_be_fetched() {
        // GIVEN
        Ob2Badges.Web web = site().down(REVOCATIONS);

        // WHEN
        VerificationReport report = verify(web, Ob2Badges.sign(Ob2Badges.signedAssertion(), KEYS));

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(check(report, CheckName.STATUS).code()).isEqualTo(RevocationCheck.UNAVAILABLE);
    }

    @Test
    void should_not_pass_proof_when_the_key_cannot_be_fetched() {
        // GIVEN
        Ob2Badges.Web web = site().down(KEY);

        // WHEN
        VerificationReport report = verify(web, Ob2Badges.sign(Ob2Badges.signedAssertion(), KEYS));

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(check(report, CheckName.PROOF).status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
    }

    @Test
    void should_fail_validity_when_the_signed_assertion_has_expired() {
        // GIVEN
        JsonObject assertion =
                Json.createObjectBuilder(Ob2Badges.signedAssertion())
                        .add("expires", "2026-02-01T00:00:00Z")
                        .build();

        // WHEN
        VerificationReport report = verify(site(), Ob2Badges.sign(assertion, KEYS));

        // THEN
        assertThat(check(report, CheckName.VALIDITY).code()).isEqualTo(AssertionChecks.EXPIRED);
        assertThat(check(report, CheckName.PROOF).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_leave_vc_jwts_to_the_vc_verifier() {
        // GIVEN a JWS whose payload carries a vc claim
        JsonObject payload =
                Json.createObjectBuilder()
                        .add("iss", ISSUER)
                        .add("vc", Ob2Badges.signedAssertion())
                        .build();
        String jws = Ob2Badges.sign(payload, KEYS);

        // WHEN
        VerificationReport report = verify(site(), jws);

        // THEN
        assertThat(report.format()).isEqualTo("jwt");
    }
}
