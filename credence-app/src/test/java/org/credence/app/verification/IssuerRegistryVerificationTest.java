package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.credence.core.Issuer;
import org.credence.core.Verifier;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.DccIssuerRegistry;
import org.credence.core.verify.IssuerRegistry;
import org.credence.core.verify.KnownIssuer;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/** The ISSUER_TRUST check: known issuer passes, unknown warns, no registry does not apply. */
class IssuerRegistryVerificationTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final KeyFile KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final byte[] CREDENTIAL =
            new Issuer(KEY, Canonicalizer.standard(), CLOCK)
                    .sign(Credentials.unsigned(KEY.controller()))
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void should_pass_issuer_trust_when_the_registry_knows_the_issuer() {
        // GIVEN
        DccIssuerRegistry registry =
                DccIssuerRegistry.read(
                        "{\"registry\":{\""
                                + KEY.controller()
                                + "\":{\"name\":\"School of Nursing\"}}}",
                        "DCC Member Registry");

        // WHEN
        VerificationReport report = verifier(registry).verify(CREDENTIAL, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(trust(report).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(trust(report).message())
                .isEqualTo("Known issuer: School of Nursing (registry DCC Member Registry)");
    }

    @Test
    void should_warn_but_verify_when_the_issuer_is_unknown() {
        // GIVEN
        DccIssuerRegistry registry =
                DccIssuerRegistry.read("{\"registry\":{}}", "DCC Member Registry");

        // WHEN
        VerificationReport report = verifier(registry).verify(CREDENTIAL, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(trust(report).status()).isEqualTo(CheckStatus.WARNING);
        assertThat(trust(report).code()).isEqualTo("UNKNOWN_ISSUER");
        assertThat(trust(report).message()).contains("Unknown issuer: " + KEY.controller());
    }

    @Test
    void should_warn_not_confirmed_when_the_registry_lists_the_issuer_without_vouching() {
        // GIVEN a registry that hosts the issuer but has not confirmed who runs it
        IssuerRegistry hosting =
                id ->
                        Optional.of(
                                new KnownIssuer(
                                        id,
                                        "School of Nursing",
                                        Optional.empty(),
                                        Optional.empty(),
                                        "hosting",
                                        Optional.of("is hosted here but not vetted")));

        // WHEN
        VerificationReport report =
                Verifier.builder()
                        .registry(hosting)
                        .clock(CLOCK)
                        .build()
                        .verify(CREDENTIAL, VerifyOptions.DEFAULT);

        // THEN the signature still verifies, but the issuer is never called known
        assertThat(report.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(trust(report).status()).isEqualTo(CheckStatus.WARNING);
        assertThat(trust(report).code()).isEqualTo("ISSUER_NOT_CONFIRMED");
        assertThat(trust(report).message())
                .isEqualTo(
                        "Issuer not confirmed: School of Nursing ("
                                + KEY.controller()
                                + ") is hosted here but not vetted")
                .doesNotContain("Known");
    }

    @Test
    void should_prefer_a_registry_that_vouches_over_an_earlier_one_that_only_lists() {
        // GIVEN
        IssuerRegistry hosting =
                id ->
                        Optional.of(
                                new KnownIssuer(
                                        id,
                                        "Nursing",
                                        Optional.empty(),
                                        Optional.empty(),
                                        "hosting",
                                        Optional.of("is not vetted")));
        DccIssuerRegistry council =
                DccIssuerRegistry.read(
                        "{\"registry\":{\"" + KEY.controller() + "\":{\"name\":\"Nursing\"}}}",
                        "council");

        // WHEN
        Optional<KnownIssuer> found =
                IssuerRegistry.firstOf(List.of(hosting, council)).lookup(KEY.controller());
        Optional<KnownIssuer> onlyListed =
                IssuerRegistry.firstOf(List.of(hosting)).lookup(KEY.controller());

        // THEN
        assertThat(found).get().extracting(KnownIssuer::registry).isEqualTo("council");
        assertThat(onlyListed).get().extracting(KnownIssuer::confirmed).isEqualTo(false);
    }

    @Test
    void should_not_apply_when_no_registry_is_configured() {
        // WHEN
        VerificationReport report =
                Verifier.builder().clock(CLOCK).build().verify(CREDENTIAL, VerifyOptions.DEFAULT);

        // THEN
        assertThat(trust(report).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
    }

    @Test
    void should_not_call_an_unbound_issuer_known_when_the_proof_does_not_verify() {
        // GIVEN a credential claiming a known issuer, signed by someone else
        KeyFile stranger = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        KeyFile impostor =
                stranger.withController(KEY.controller(), stranger.verificationMethodId());
        DccIssuerRegistry registry =
                DccIssuerRegistry.read(
                        "{\"registry\":{\"" + KEY.controller() + "\":{\"name\":\"School\"}}}",
                        "members");
        byte[] forged =
                new Issuer(impostor, Canonicalizer.standard(), CLOCK)
                        .sign(Credentials.unsigned(KEY.controller()))
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);

        // WHEN
        VerificationReport report = verifier(registry).verify(forged, VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(trust(report).status()).isEqualTo(CheckStatus.WARNING);
        assertThat(trust(report).code()).isEqualTo("ISSUER_NOT_BOUND");
    }

    private static Verifier verifier(DccIssuerRegistry registry) {
        return Verifier.builder().registry(registry).clock(CLOCK).build();
    }

    private static Check trust(VerificationReport report) {
        return report.check(CheckName.ISSUER_TRUST).orElseThrow();
    }
}
