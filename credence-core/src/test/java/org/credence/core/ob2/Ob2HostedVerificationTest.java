package org.credence.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.core.ob2.Ob2Badges.ASSERTION;
import static org.credence.core.ob2.Ob2Badges.EMAIL;
import static org.credence.core.ob2.Ob2Badges.ISSUER;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.credence.core.Verifier;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/** Hosted OB 2.0 assertions through the {@link Verifier} front door. */
class Ob2HostedVerificationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static VerificationReport verify(Ob2Badges.Web web, String input) {
        return verify(web, input, VerifyOptions.DEFAULT);
    }

    private static VerificationReport verify(
            Ob2Badges.Web web, String input, VerifyOptions options) {
        return Verifier.builder().fetcher(web).clock(CLOCK).build().verify(input, options);
    }

    private static Check check(VerificationReport report, CheckName name) {
        return report.check(name).orElseThrow(() -> new AssertionError("no " + name + " check"));
    }

    @Test
    void should_verify_when_the_issuer_hosts_the_presented_assertion() {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();
        Ob2Badges.Web web = Ob2Badges.Web.hosting(assertion);

        // WHEN
        VerificationReport report = verify(web, assertion.toString());

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.format()).isEqualTo(Ob2Verifier.HOSTED);
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
        assertThat(check(report, CheckName.PROOF).message()).contains(ASSERTION);
        assertThat(check(report, CheckName.RECIPIENT).status())
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
        assertThat(web.asked).containsExactly(ASSERTION, Ob2Badges.BADGE, ISSUER);
    }

    @Test
    void should_fail_proof_when_the_presented_assertion_differs_from_the_hosted_one() {
        // GIVEN
        JsonObject hosted = Ob2Badges.hostedAssertion();
        JsonObject tampered =
                Json.createObjectBuilder(hosted).add("expires", "2099-01-01T00:00:00Z").build();

        // WHEN
        VerificationReport report = verify(Ob2Badges.Web.hosting(hosted), tampered.toString());

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        Check proof = check(report, CheckName.PROOF);
        assertThat(proof.code()).isEqualTo(HostedProof.HOSTED_MISMATCH);
        assertThat(proof.message()).contains("expires");
        assertThat(report.credential()).contains(hosted);
    }

    @Test
    void should_fail_status_with_the_reason_when_the_hosted_copy_is_revoked() {
        // GIVEN
        JsonObject presented = Ob2Badges.hostedAssertion();
        JsonObject revocationRecord =
                Json.createObjectBuilder()
                        .add("@context", Ob2Assertions.CONTEXT)
                        .add("type", "Assertion")
                        .add("id", ASSERTION)
                        .add("revoked", true)
                        .add("revocationReason", "Awarded in error")
                        .build();
        Ob2Badges.Web web = Ob2Badges.Web.hosting(presented).serve(ASSERTION, revocationRecord);

        // WHEN
        VerificationReport report = verify(web, presented.toString());

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        Check status = check(report, CheckName.STATUS);
        assertThat(status.code()).isEqualTo(AssertionChecks.REVOKED);
        assertThat(status.message()).contains("Awarded in error");
        assertThat(check(report, CheckName.PROOF).status()).isEqualTo(CheckStatus.WARNING);
        assertThat(check(report, CheckName.DATA_MODEL).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_fail_validity_when_the_assertion_has_expired() {
        // GIVEN
        JsonObject assertion =
                Ob2Badges.assertion(ASSERTION, "hosted")
                        .add("expires", "2026-06-30T23:59:59Z")
                        .build();

        // WHEN
        VerificationReport report = verify(Ob2Badges.Web.hosting(assertion), assertion.toString());

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(report, CheckName.VALIDITY).code()).isEqualTo(AssertionChecks.EXPIRED);
        assertThat(check(report, CheckName.PROOF).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_fail_issuer_binding_when_the_assertion_is_hosted_outside_the_issuer_origin() {
        // GIVEN a copy on another host that names the real issuer
        String elsewhere = "https://badges.attacker.example/42.json";
        JsonObject assertion = Ob2Badges.assertion(elsewhere, "HostedBadge").build();

        // WHEN
        VerificationReport report = verify(Ob2Badges.Web.hosting(assertion), assertion.toString());

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        Check binding = check(report, CheckName.ISSUER_KEY_BINDING);
        assertThat(binding.code()).isEqualTo(VerificationScope.OUT_OF_SCOPE);
        assertThat(binding.message()).contains("badges.attacker.example");
        assertThat(check(report, CheckName.PROOF).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_verify_when_the_issuer_allows_the_assertion_origin() {
        // GIVEN
        String partner = "https://partner.example/awards/42.json";
        JsonObject assertion = Ob2Badges.assertion(partner, "HostedBadge").build();
        JsonObject issuer =
                Ob2Badges.issuer()
                        .add(
                                "verification",
                                Json.createObjectBuilder()
                                        .add("type", "VerificationObject")
                                        .add(
                                                "allowedOrigins",
                                                Json.createArrayBuilder()
                                                        .add("issuer.example")
                                                        .add("partner.example")))
                        .build();
        Ob2Badges.Web web = Ob2Badges.Web.hosting(assertion).serve(ISSUER, issuer);

        // WHEN
        VerificationReport report = verify(web, assertion.toString());

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void should_fail_issuer_binding_when_the_id_does_not_start_with_the_allowed_prefix() {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();
        JsonObject issuer =
                Ob2Badges.issuer()
                        .add(
                                "verification",
                                Json.createObjectBuilder()
                                        .add("startsWith", "https://issuer.example/badges/"))
                        .build();
        Ob2Badges.Web web = Ob2Badges.Web.hosting(assertion).serve(ISSUER, issuer);

        // WHEN
        VerificationReport report = verify(web, assertion.toString());

        // THEN
        assertThat(check(report, CheckName.ISSUER_KEY_BINDING).code())
                .isEqualTo(VerificationScope.OUT_OF_SCOPE);
    }

    @Test
    void should_pass_recipient_when_the_hashed_email_matches() {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();

        // WHEN
        VerificationReport report =
                verify(
                        Ob2Badges.Web.hosting(assertion),
                        assertion.toString(),
                        VerifyOptions.DEFAULT.withRecipientEmail(" ADA@learner.example "));

        // THEN
        assertThat(check(report, CheckName.RECIPIENT).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void should_fail_recipient_when_the_hashed_email_does_not_match() {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();

        // WHEN
        VerificationReport report =
                verify(
                        Ob2Badges.Web.hosting(assertion),
                        assertion.toString(),
                        VerifyOptions.DEFAULT.withRecipientEmail("eve@learner.example"));

        // THEN
        assertThat(check(report, CheckName.RECIPIENT).code())
                .isEqualTo(AssertionChecks.RECIPIENT_MISMATCH);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_pass_recipient_when_a_plain_email_matches() {
        // GIVEN
        JsonObject assertion =
                Ob2Badges.assertion(ASSERTION, "hosted")
                        .add(
                                "recipient",
                                Json.createObjectBuilder()
                                        .add("type", "email")
                                        .add("hashed", false)
                                        .add("identity", EMAIL))
                        .build();

        // WHEN
        VerificationReport report =
                verify(
                        Ob2Badges.Web.hosting(assertion),
                        assertion.toString(),
                        VerifyOptions.DEFAULT.withRecipientEmail(EMAIL));

        // THEN
        assertThat(check(report, CheckName.RECIPIENT).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void should_not_pass_when_the_hosted_assertion_cannot_be_fetched() {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();
        Ob2Badges.Web web = Ob2Badges.Web.hosting(assertion).down(ASSERTION);

        // WHEN
        VerificationReport report = verify(web, assertion.toString());

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(check(report, CheckName.PROOF).status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
        assertThat(check(report, CheckName.PROOF).code()).isEqualTo("NETWORK_UNAVAILABLE");
        assertThat(check(report, CheckName.STATUS).status()).isEqualTo(CheckStatus.COULD_NOT_CHECK);
    }

    @Test
    void should_not_pass_when_the_issuer_profile_cannot_be_fetched() {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();
        Ob2Badges.Web web = Ob2Badges.Web.hosting(assertion).down(ISSUER);

        // WHEN
        VerificationReport report = verify(web, assertion.toString());

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(check(report, CheckName.ISSUER_KEY_BINDING).status())
                .isEqualTo(CheckStatus.COULD_NOT_CHECK);
        assertThat(check(report, CheckName.DATA_MODEL).status())
                .isEqualTo(CheckStatus.COULD_NOT_CHECK);
    }

    @Test
    void should_not_verify_when_the_fetcher_is_offline() {
        // GIVEN the default verifier, which fetches nothing
        JsonObject assertion = Ob2Badges.hostedAssertion();

        // WHEN
        VerificationReport report =
                Verifier.builder()
                        .clock(CLOCK)
                        .build()
                        .verify(assertion.toString(), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(report.problems()).noneMatch(Check::isFailed);
    }

    @Test
    void should_verify_an_assertion_given_only_by_its_url() {
        // GIVEN
        Ob2Badges.Web web = Ob2Badges.Web.hosting(Ob2Badges.hostedAssertion());

        // WHEN
        VerificationReport report = verify(web, ASSERTION);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.format()).isEqualTo(Ob2Verifier.HOSTED);
        assertThat(web.asked).containsExactly(ASSERTION, Ob2Badges.BADGE, ISSUER);
    }

    @Test
    void should_fail_proof_when_the_document_at_the_url_claims_another_id() {
        // GIVEN a page on another host serving a copy of the real assertion
        String copy = "https://mirror.example/42.json";
        Ob2Badges.Web web =
                Ob2Badges.Web.hosting(Ob2Badges.hostedAssertion())
                        .serve(copy, Ob2Badges.hostedAssertion());

        // WHEN
        VerificationReport report = verify(web, copy);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(report, CheckName.PROOF).code()).isEqualTo(Fetches.ID_MISMATCH);
    }

    @Test
    void should_fail_proof_when_a_json_assertion_declares_signed_verification() {
        // GIVEN the payload of a signed badge without its signature
        JsonObject assertion = Ob2Badges.signedAssertion();

        // WHEN
        VerificationReport report = verify(new Ob2Badges.Web(), assertion.toString());

        // THEN
        assertThat(report.format()).isEqualTo(Ob2Verifier.SIGNED);
        assertThat(check(report, CheckName.PROOF).code()).isEqualTo("SIGNATURE_MISSING");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void should_fail_data_model_when_the_badge_class_lacks_required_properties() {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();
        JsonObject badge = Ob2Badges.badgeClass().remove("criteria").build();
        Ob2Badges.Web web = Ob2Badges.Web.hosting(assertion).serve(Ob2Badges.BADGE, badge);

        // WHEN
        VerificationReport report = verify(web, assertion.toString());

        // THEN
        Check dataModel = check(report, CheckName.DATA_MODEL);
        assertThat(dataModel.code()).isEqualTo(BadgeObjects.MISSING_PROPERTY);
        assertThat(dataModel.message()).contains("BadgeClass criteria");
    }

    @Test
    void should_not_verify_when_the_embedded_issuer_has_no_web_address() {
        // GIVEN an assertion whose embedded BadgeClass and issuer cannot be looked up
        JsonObject assertion =
                Ob2Badges.assertion("https://anywhere.example/1.json", "hosted")
                        .add(
                                "badge",
                                Ob2Badges.badgeClass()
                                        .add("id", "urn:uuid:0b8a6f1e-1c1b-4d5e-9f3a-2c4d6e8f0a1b")
                                        .add(
                                                "issuer",
                                                Ob2Badges.issuer()
                                                        .add(
                                                                "id",
                                                                "urn:uuid:7d9e2f4a-6b8c-4e0d-a2f4-6b8d0f2a4c6e")
                                                        .add("name", "A Famous University")))
                        .build();
        Ob2Badges.Web web = new Ob2Badges.Web().serve(assertion.getString("id"), assertion);

        // WHEN
        VerificationReport report = verify(web, assertion.toString());

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
        assertThat(check(report, CheckName.ISSUER_KEY_BINDING).code())
                .isEqualTo(VerificationScope.ISSUER_NOT_FETCHABLE);
    }

    @Test
    void should_fail_status_when_the_url_answers_a_revocation_record() {
        // GIVEN only the URL, whose server has stripped the assertion to its revocation
        Ob2Badges.Web web =
                new Ob2Badges.Web()
                        .serve(
                                ASSERTION,
                                Json.createObjectBuilder()
                                        .add("id", ASSERTION)
                                        .add("revoked", true)
                                        .build());

        // WHEN
        VerificationReport report = verify(web, ASSERTION);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(report, CheckName.STATUS).code()).isEqualTo(AssertionChecks.REVOKED);
        assertThat(check(report, CheckName.DATA_MODEL).status()).isEqualTo(CheckStatus.PASSED);
    }
}
