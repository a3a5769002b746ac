package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.award.IssuedCredential;
import org.credence.app.job.MutableClock;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerificationServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    private static VerificationService service(IssuanceWorld world) {
        // As the server wires it, with a network fetcher that has no allowed test hosts.
        return new VerificationService(
                world.database(),
                new LocalDocuments(
                        world.issuers(),
                        world.status(),
                        org.credence.app.issuer.DidWebHost.of(IssuanceWorld.BASE)),
                new VerificationSources(
                        Optional.of(new SafeFetcher(FetchSettings.STANDARD, world.clock())),
                        List.of()),
                world.credentials()::signedDocument,
                world.clock());
    }

    private static void assertInvalidUrl(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        AppException.class,
                        e -> {
                            assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT);
                            assertThat(e.getMessage()).startsWith("url: ");
                        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_a_result_its_link_shows_until_it_expires(TestDatabase testDatabase) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase, clock, "kept")) {
            // GIVEN
            VerificationService verification = service(world);
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("ada@example.org"));
            byte[] png = world.credentials().bakedPng(issued.id());

            // WHEN
            StoredVerification fromImage =
                    verification.verifyAndKeep(
                            png, VerifyOptions.DEFAULT.withRecipientEmail("ada@example.org"));
            StoredVerification read = verification.result(fromImage.id());
            world.status().revoke(world.owner(), issued.id(), "issued in error");
            StoredVerification again = verification.recheck(fromImage.id(), VerifyOptions.DEFAULT);
            StoredVerification kept = verification.result(fromImage.id());
            clock.advance(VerificationService.RESULT_LIFETIME.plus(Duration.ofMinutes(1)));

            // THEN
            assertThat(fromImage.report().verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(fromImage.document()).isEqualTo(issued.document());
            assertThat(read.report()).isEqualTo(fromImage.report());
            assertThat(read.document()).isEqualTo(issued.document());
            assertThat(read.checkedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
            assertThat(read.expiresAt()).isEqualTo(read.checkedAt().plus(Duration.ofDays(30)));
            assertThat(again.id()).isNotEqualTo(fromImage.id());
            assertThat(again.report().verdict()).isEqualTo(Verdict.FAILED);
            assertThat(kept.report().verdict())
                    .as("a kept result is what was found then")
                    .isEqualTo(Verdict.VERIFIED);
            assertThatThrownBy(() -> verification.result(fromImage.id()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            assertThatThrownBy(() -> verification.result(UUID.randomUUID()))
                    .isInstanceOf(AppException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_read_own_credential_urls_and_fetch_others_only_through_the_safe_fetcher(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN
            VerificationService verification = service(world);
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("ada@example.org"));

            // WHEN
            StoredVerification page =
                    verification.verifyUrlAndKeep(issued.url(), VerifyOptions.DEFAULT);
            StoredVerification json =
                    verification.verifyUrlAndKeep(issued.url() + ".json", VerifyOptions.DEFAULT);

            // THEN
            assertThat(page.report().verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(page.document()).isEqualTo(issued.document());
            assertThat(json.report().verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(verification.verifyUrl(issued.url(), VerifyOptions.DEFAULT).verdict())
                    .isEqualTo(Verdict.VERIFIED);
            // Other hosts' addresses go to the safe fetcher: a loopback one is refused, with the
            // reason, as a report (never an exception, never "verified")
            VerificationReport loopback =
                    verification.verifyUrl("http://127.0.0.1/", VerifyOptions.DEFAULT);
            assertThat(loopback.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
            assertThat(loopback.check(CheckName.SYNTAX).orElseThrow().message())
                    .contains("loopback");
            StoredVerification kept =
                    verification.verifyUrlAndKeep("http://10.0.0.1/x", VerifyOptions.DEFAULT);
            assertThat(kept.report().verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
            assertThat(kept.document()).isEqualTo("http://10.0.0.1/x");
            assertThat(
                            verification
                                    .verifyUrl(
                                            IssuanceWorld.BASE
                                                    + "/credentials/"
                                                    + UUID.randomUUID(),
                                            VerifyOptions.DEFAULT)
                                    .verdict())
                    .isEqualTo(Verdict.COULD_NOT_CHECK);
            // Text that is not a web address is a mistake in the request
            assertInvalidUrl(() -> verification.verifyUrl("not a url", VerifyOptions.DEFAULT));
            assertInvalidUrl(
                    () -> verification.verifyUrl("file:///etc/passwd", VerifyOptions.DEFAULT));
            StoredVerification garbage =
                    verification.verifyAndKeep(
                            "not a credential".getBytes(StandardCharsets.UTF_8),
                            VerifyOptions.DEFAULT);
            assertThat(verification.result(garbage.id()).report().verdict())
                    .isEqualTo(Verdict.FAILED);
        }
    }
}
