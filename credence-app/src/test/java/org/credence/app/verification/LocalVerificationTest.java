package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.credence.app.award.IssuedCredential;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** This installation's own credentials: read from the database, their issuers always known. */
class LocalVerificationTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_own_credential_url_from_the_database_with_its_issuer_known(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                VerificationService service = service(world)) {
            // GIVEN
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("ada@example.org"));

            // WHEN
            VerificationReport page = service.verifyUrl(issued.url(), VerifyOptions.DEFAULT);
            VerificationReport json =
                    service.verifyUrl(issued.url() + ".json", VerifyOptions.DEFAULT);
            VerificationReport unknown =
                    service.verifyUrl(
                            IssuanceWorld.BASE
                                    + "/credentials/00000000-0000-0000-0000-000000000000",
                            VerifyOptions.DEFAULT);

            // THEN
            assertThat(page.verdict()).as(page.problems().toString()).isEqualTo(Verdict.VERIFIED);
            assertThat(json.verdict()).isEqualTo(Verdict.VERIFIED);
            Check trust = page.check(CheckName.ISSUER_TRUST).orElseThrow();
            assertThat(trust.status()).isEqualTo(CheckStatus.PASSED);
            assertThat(trust.message())
                    .isEqualTo(
                            "Known issuer: "
                                    + world.issuer().name()
                                    + " (registry issued by this Credence installation)");
            assertThat(unknown.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
            assertThat(unknown.check(CheckName.SYNTAX).orElseThrow().message())
                    .contains("this installation issued no credential");
        }
    }

    /** As the server wires it, with a network fetcher that has no allowed test hosts. */
    private static VerificationService service(IssuanceWorld world) {
        return new VerificationService(
                world.database(),
                new LocalDocuments(
                        world.issuers(), world.status(), DidWebHost.of(IssuanceWorld.BASE)),
                new VerificationSources(
                        Optional.of(new SafeFetcher(FetchSettings.STANDARD, world.clock())),
                        List.of()),
                world.credentials()::signedDocument,
                world.clock());
    }
}
