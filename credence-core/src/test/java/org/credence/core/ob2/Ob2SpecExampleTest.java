package org.credence.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.credence.core.Verifier;
import org.credence.core.did.FixtureDocuments;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/**
 * The examples of the Open Badges 2.0 specification (provenance in {@code
 * src/test/resources/ob2/spec-example/README.md}), with the example.org documents as fixtures.
 */
class Ob2SpecExampleTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/ob2/spec-example");
    private static final Instant IN_2017 = Instant.parse("2017-01-15T00:00:00Z");

    private static Verifier verifier(Instant now) {
        return Verifier.builder()
                .fetcher(FixtureDocuments.fromDirectory(EXAMPLE.resolve("fixtures")))
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    private static String read(String name) throws IOException {
        return Files.readString(EXAMPLE.resolve(name));
    }

    @Test
    void should_verify_the_hosted_example_while_it_is_valid() throws IOException {
        // WHEN
        VerificationReport report =
                verifier(IN_2017).verify(read("assertion.json"), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.format()).isEqualTo(Ob2Verifier.HOSTED);
        assertThat(report.check(CheckName.ISSUER_KEY_BINDING).map(Check::message).orElseThrow())
                .contains("example.org");
    }

    @Test
    void should_fail_the_hosted_example_as_expired_today() throws IOException {
        // WHEN
        VerificationReport report =
                verifier(Instant.parse("2026-11-28T00:00:00Z"))
                        .verify(read("assertion.json"), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.problems())
                .extracting(Check::code)
                .containsExactly(AssertionChecks.EXPIRED);
    }

    @Test
    void should_fail_the_recipient_of_the_hosted_example_for_another_email() throws IOException {
        // WHEN
        VerificationReport report =
                verifier(IN_2017)
                        .verify(
                                read("assertion.json"),
                                VerifyOptions.DEFAULT.withRecipientEmail("mallory@example.org"));

        // THEN
        assertThat(report.check(CheckName.RECIPIENT).map(Check::code))
                .contains(AssertionChecks.RECIPIENT_MISMATCH);
    }

    @Test
    void should_not_pass_the_signed_example_whose_key_does_not_exist() throws IOException {
        // WHEN
        VerificationReport report =
                verifier(IN_2017).verify(read("signed-example.jws"), VerifyOptions.DEFAULT);

        // THEN
        assertThat(report.format()).isEqualTo(Ob2Verifier.SIGNED);
        assertThat(report.check(CheckName.PROOF).map(Check::status))
                .contains(CheckStatus.COULD_NOT_CHECK);
        assertThat(report.check(CheckName.PROOF).map(Check::message).orElseThrow())
                .contains("https://example.org/publicKey");
        assertThat(report.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
    }
}
