package org.credence.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.credence.core.Issuer;
import org.credence.core.Verifier;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.verify.Assurance.Level;
import org.junit.jupiter.api.Test;

/**
 * The headline of a report: real credentials signed here (confirmed, self-made did:key, tampered)
 * and hand-made reports for each finding, in order of gravity.
 */
class AssuranceTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyFile KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final Issuer ISSUER = new Issuer(KEY, Canonicalizer.standard(), CLOCK);
    private static final String TITLE = "Cyber risk in small teams";

    private static final Verifier NO_REGISTRY = Verifier.builder().clock(CLOCK).build();

    private static Verifier registryListing(String issuerId) {
        IssuerRegistry registry =
                id ->
                        id.equals(issuerId)
                                ? Optional.of(
                                        new KnownIssuer(
                                                id,
                                                "Centre de formation",
                                                Optional.empty(),
                                                Optional.empty(),
                                                "Test registry"))
                                : Optional.empty();
        return Verifier.builder().clock(CLOCK).registry(registry).build();
    }

    @Test
    void should_say_verified_only_when_a_registry_confirms_the_issuer() {
        // GIVEN
        JsonObject signed = ISSUER.sign(credential());

        // WHEN
        Assurance assurance =
                Assurance.of(
                        registryListing(KEY.controller())
                                .verifyCredential(signed, VerifyOptions.DEFAULT));

        // THEN
        assertThat(assurance.level()).isEqualTo(Level.CONFIRMED);
        assertThat(assurance.title()).isEqualTo("Verified");
        assertThat(assurance.explanation()).contains("Known issuer: Centre de formation");
    }

    @Test
    void should_say_genuine_signature_but_issuer_not_confirmed_when_a_did_key_is_in_no_registry() {
        // GIVEN a self-made did:key: valid signature, the registry does not list it
        JsonObject signed = ISSUER.sign(credential());

        // WHEN
        VerificationReport report =
                registryListing("did:web:elsewhere.example")
                        .verifyCredential(signed, VerifyOptions.DEFAULT);
        Assurance assurance = Assurance.of(report);
        Assurance withoutRegistry =
                Assurance.of(NO_REGISTRY.verifyCredential(signed, VerifyOptions.DEFAULT));

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(assurance.level()).isEqualTo(Level.SIGNATURE_ONLY);
        assertThat(assurance.isConfirmed()).isFalse();
        assertThat(assurance.title())
                .isEqualTo("Genuine signature — but we could not confirm who the issuer is")
                .doesNotStartWith("Verified");
        assertThat(assurance.explanation()).contains(KEY.controller()).contains("Unknown issuer");
        assertThat(withoutRegistry.level()).isEqualTo(Level.SIGNATURE_ONLY);
        assertThat(withoutRegistry.explanation()).contains("no trust registry was consulted");
        assertThat(Assurance.contentConfirmed(report)).isTrue();
        assertThat(Assurance.issuerConfirmed(report)).isFalse();
    }

    @Test
    void should_not_confirm_what_it_says_when_nothing_binds_the_valid_signature_to_the_issuer() {
        // GIVEN a VC-JWT verified with the key embedded in its header (no binding made)
        VerificationReport report =
                new VerificationReport(
                        "jwt",
                        Optional.of(
                                Json.createObjectBuilder()
                                        .add("issuer", "https://issuer.example/profile")
                                        .build()),
                        List.of(
                                Check.passed(CheckName.PROOF, "RS256 signature is valid"),
                                Check.notApplicable(
                                        CheckName.ISSUER_KEY_BINDING,
                                        "No verified proof to bind to the issuer"),
                                Check.passed(CheckName.ISSUER_TRUST, "Known issuer: Example")),
                        List.of());

        // WHEN
        Assurance assurance = Assurance.of(report);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(assurance.level()).isEqualTo(Level.SIGNATURE_ONLY);
        assertThat(assurance.explanation())
                .contains("nothing shows that its key belongs to https://issuer.example/profile");
        assertThat(Assurance.contentConfirmed(report)).isFalse();
        assertThat(Assurance.issuerConfirmed(report)).isFalse();
    }

    @Test
    void should_lead_with_the_change_and_never_the_forged_title_when_a_value_was_changed() {
        // GIVEN a confirmed issuer's credential, its title then changed
        JsonObject signed = ISSUER.sign(credential());
        JsonObject tampered = Json.createObjectBuilder(signed).add("name", "Forged").build();

        // WHEN
        VerificationReport report =
                registryListing(KEY.controller()).verifyCredential(tampered, VerifyOptions.DEFAULT);
        Assurance assurance = Assurance.of(report);

        // THEN
        assertThat(assurance.level()).isEqualTo(Level.CHANGED);
        assertThat(assurance.title())
                .isEqualTo("This credential was changed after it was issued: do not rely on it");
        assertThat(assurance.title() + assurance.explanation()).doesNotContain("Forged");
        assertThat(Assurance.contentConfirmed(report)).isFalse();
        assertThat(Assurance.issuerConfirmed(report)).isFalse();
    }

    @Test
    void should_put_a_changed_signature_before_a_revocation_it_claims() {
        // GIVEN
        VerificationReport report =
                report(
                        Check.failed(
                                CheckName.PROOF, "INVALID_SIGNATURE", "ES256 signature is invalid"),
                        Check.failed(CheckName.STATUS, "REVOKED", "Revoked by the issuer"));

        // WHEN / THEN
        assertThat(Assurance.of(report).level()).isEqualTo(Level.CHANGED);
    }

    @Test
    void should_name_each_failure_in_plain_words() {
        assertThat(failed(Check.failed(CheckName.PROOF, "NO_PROOF", "The credential has no proof")))
                .isEqualTo(
                        new Assurance(
                                Level.FAILED,
                                "This credential is not signed: do not rely on it",
                                "The credential has no proof."));
        assertThat(failed(Check.failed(CheckName.PROOF, "WRONG_KEY_TYPE", "Not Ed25519")).title())
                .isEqualTo("This credential's signature is not valid: do not rely on it");
        assertThat(
                        failed(
                                        Check.failed(
                                                CheckName.ISSUER_KEY_BINDING,
                                                "PROOF_OK_ISSUER_NOT_KEY_CONTROLLER",
                                                "The signature is valid, but the key k is"
                                                        + " controlled by x, not by the issuer y"))
                                .title())
                .isEqualTo("Signed, but not by the issuer it names: do not rely on it");
        assertThat(failed(Check.failed(CheckName.CONTEXTS, "UNKNOWN_CONTEXT", "x")).title())
                .isEqualTo("This is not a credential we can read");
        assertThat(failed(Check.failed(CheckName.STATUS, "REVOKED", "Revoked by the issuer")))
                .isEqualTo(
                        new Assurance(
                                Level.REVOKED,
                                "This credential was revoked by its issuer",
                                "Revoked by the issuer."));
        assertThat(failed(Check.failed(CheckName.STATUS, "SUSPENDED", "Suspended")).level())
                .isEqualTo(Level.SUSPENDED);
        assertThat(failed(Check.failed(CheckName.VALIDITY, "EXPIRED", "Expired on 2025-01-01")))
                .isEqualTo(
                        new Assurance(
                                Level.EXPIRED,
                                "This credential has expired",
                                "Expired on 2025-01-01."));
        assertThat(failed(Check.failed(CheckName.RECIPIENT, "RECIPIENT_MISMATCH", "no")).title())
                .isEqualTo("This credential was not issued to that person");
    }

    @Test
    void should_say_the_signature_could_not_be_checked_when_the_key_cannot_be_resolved() {
        // GIVEN
        VerificationReport report =
                report(
                        Check.couldNotCheck(
                                CheckName.PROOF,
                                "KEY_NOT_RESOLVABLE",
                                "did:web:x is not reachable"),
                        Check.couldNotCheck(
                                CheckName.STATUS, "STATUS_LIST_UNAVAILABLE", "not fetched"));

        // WHEN
        Assurance assurance = Assurance.of(report);

        // THEN
        assertThat(assurance.level()).isEqualTo(Level.COULD_NOT_CHECK);
        assertThat(assurance.title())
                .isEqualTo("We could not check this credential's signature: do not rely on it yet");
        assertThat(assurance.explanation()).isEqualTo("Did:web:x is not reachable.");
        assertThat(Assurance.contentConfirmed(report)).isFalse();
    }

    @Test
    void should_not_confirm_an_issuer_whose_trust_check_is_only_a_warning() {
        // GIVEN an issuer of this installation that the operator has not vetted
        VerificationReport report =
                new VerificationReport(
                        "json",
                        Optional.of(
                                Json.createObjectBuilder()
                                        .add("issuer", "did:web:credence.example:issuers:x")
                                        .build()),
                        List.of(
                                Check.passed(CheckName.PROOF, "Signature valid"),
                                Check.passed(CheckName.ISSUER_KEY_BINDING, "Bound"),
                                Check.warning(
                                        CheckName.ISSUER_TRUST,
                                        "ISSUER_NOT_CONFIRMED",
                                        "Issued on this installation; not confirmed by its"
                                                + " operator")),
                        List.of());

        // WHEN
        Assurance assurance = Assurance.of(report);

        // THEN
        assertThat(assurance.level()).isEqualTo(Level.SIGNATURE_ONLY);
        assertThat(assurance.explanation())
                .contains("did:web:credence.example:issuers:x")
                .contains("not confirmed by its operator");
    }

    private static Assurance failed(Check check) {
        Assurance assurance = Assurance.of(report(Check.passed(CheckName.SYNTAX, "JSON"), check));
        assertThat(assurance.isConfirmed()).isFalse();
        return assurance;
    }

    private static VerificationReport report(Check... checks) {
        return new VerificationReport(
                "json", Optional.empty(), new ArrayList<>(List.of(checks)), List.of());
    }

    private static JsonObject credential() {
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
                                .add("id", KEY.controller())
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Centre de formation"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add("name", TITLE)
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", "did:example:learner")
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add("id", "https://example.org/achievements/1")
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("Achievement"))
                                                .add("name", TITLE)
                                                .add("description", "Spotting risks.")
                                                .add(
                                                        "criteria",
                                                        Json.createObjectBuilder()
                                                                .add("narrative", "Observed."))))
                .build();
    }
}
