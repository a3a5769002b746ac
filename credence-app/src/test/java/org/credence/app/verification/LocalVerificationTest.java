package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.app.award.IssuedCredential;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.IssuerTrustService;
import org.credence.app.issuer.Operators;
import org.credence.app.testing.IssuanceWorld;
import org.credence.core.verify.Check;
import org.credence.core.verify.CheckName;
import org.credence.core.verify.CheckStatus;
import org.credence.core.verify.DccIssuerRegistry;
import org.credence.core.verify.IssuerRegistry;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * This installation's own credentials: read from the database; their issuers are "not confirmed"
 * until an operator vets them (being hosted here proves nothing), and known once vetted.
 */
class LocalVerificationTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_own_credential_url_from_the_database_with_its_issuer_not_confirmed(
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
            assertThat(trust.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(trust.code()).isEqualTo("ISSUER_NOT_CONFIRMED");
            assertThat(trust.message())
                    .isEqualTo(
                            "Issuer not confirmed: School of Nursing ("
                                    + world.issuer().did()
                                    + ") is hosted on this Credence installation, but its"
                                    + " operator has not confirmed who runs it (its domain is not"
                                    + " verified either)")
                    .doesNotContain("Known issuer");
            assertThat(unknown.verdict()).isEqualTo(Verdict.COULD_NOT_CHECK);
            assertThat(unknown.check(CheckName.SYNTAX).orElseThrow().message())
                    .contains("this installation issued no credential");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_know_an_issuer_an_operator_vetted_until_it_changes_its_name(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                VerificationService service = service(world);
                SafeFetcher fetcher = new SafeFetcher(FetchSettings.STANDARD, world.clock())) {
            // GIVEN a credential of an issuer the operator vets
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("ada@example.org"));
            IssuerTrustService trust = DomainVerificationTest.trust(world, fetcher);
            Operators.Operator operator = trust.operators().require("Operator@Credence.example");
            trust.setVetted(operator, world.issuer().id(), true);

            // WHEN
            Check vetted = trustCheck(service, issued);
            world.issuers()
                    .update(
                            world.owner(),
                            world.issuer().id(),
                            world.issuer().details().withName("Harvard Medical School"));
            Check renamed = trustCheck(service, issued);

            // THEN
            assertThat(vetted.status()).isEqualTo(CheckStatus.PASSED);
            assertThat(vetted.message())
                    .isEqualTo(
                            "Known issuer: School of Nursing (registry vetted by the operator of"
                                    + " this Credence installation)");
            assertThat(renamed.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(renamed.code()).isEqualTo("ISSUER_NOT_CONFIRMED");
            assertThat(trust.standing(world.owner(), world.issuer().id()).vetted()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_confirm_a_hosted_issuer_that_a_configured_registry_lists(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase)) {
            // GIVEN an unvetted issuer of this installation that a trust registry lists
            IssuedCredential issued =
                    world.awards().issue(world.owner(), world.requestFor("ada@example.org"));
            DccIssuerRegistry registry =
                    DccIssuerRegistry.read(
                            "{\"registry\":{\""
                                    + world.issuer().did()
                                    + "\":{\"name\":\"School of Nursing\"}}}",
                            "Nursing Council");
            try (VerificationService service = service(world, List.of(registry))) {
                // WHEN
                Check trust = trustCheck(service, issued);

                // THEN the registry, consulted after this installation, confirms it
                assertThat(trust.status()).isEqualTo(CheckStatus.PASSED);
                assertThat(trust.message())
                        .isEqualTo("Known issuer: School of Nursing (registry Nursing Council)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_operator_work_to_anyone_not_named_an_operator(TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                SafeFetcher fetcher = new SafeFetcher(FetchSettings.STANDARD, world.clock())) {
            IssuerTrustService trust = DomainVerificationTest.trust(world, fetcher);

            assertThatThrownBy(() -> trust.operators().require(world.owner().name()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            assertThat(Operators.NONE.includes("operator@credence.example")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_list_every_organisations_issuers_to_an_operator_and_audit_vetting(
            TestDatabase testDatabase) {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                SafeFetcher fetcher = new SafeFetcher(FetchSettings.STANDARD, world.clock())) {
            // GIVEN two organisations with issuers of the same name
            IssuanceWorld other = world.neighbour("hillside");
            IssuerTrustService trust = DomainVerificationTest.trust(world, fetcher);
            Operators.Operator operator = trust.operators().require("operator@credence.example");

            // WHEN
            trust.setVetted(operator, other.issuer().id(), true);
            trust.setVetted(operator, other.issuer().id(), false);
            List<IssuerTrustService.OperatorView> all = trust.allIssuers(operator);

            // THEN
            assertThat(all)
                    .extracting(view -> view.issuer().did())
                    .contains(world.issuer().did(), other.issuer().did());
            assertThat(all)
                    .extracting(IssuerTrustService.OperatorView::organisationName)
                    .contains("riverside college", "hillside college");
            List<AuditEvent> events =
                    world.database()
                            .jdbi()
                            .withHandle(
                                    handle ->
                                            new AuditStore()
                                                    .list(
                                                            handle,
                                                            other.owner().organisationId(),
                                                            0,
                                                            10));
            assertThat(events)
                    .extracting(AuditEvent::action)
                    .startsWith("issuer.unvetted", "issuer.vetted");
            assertThat(events.get(0).actor()).isEqualTo("operator operator@credence.example");
            assertThatThrownBy(() -> trust.setVetted(operator, java.util.UUID.randomUUID(), true))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        }
    }

    private static Check trustCheck(VerificationService service, IssuedCredential issued) {
        return service.verifyUrl(issued.url(), VerifyOptions.DEFAULT)
                .check(CheckName.ISSUER_TRUST)
                .orElseThrow();
    }

    private static VerificationService service(IssuanceWorld world) {
        return service(world, List.of());
    }

    /** As the server wires it, with a network fetcher that has no allowed test hosts. */
    private static VerificationService service(
            IssuanceWorld world, List<IssuerRegistry> registries) {
        return new VerificationService(
                world.database(),
                new LocalDocuments(
                        world.issuers(), world.status(), DidWebHost.of(IssuanceWorld.BASE)),
                new VerificationSources(
                        Optional.of(new SafeFetcher(FetchSettings.STANDARD, world.clock())),
                        registries),
                world.credentials()::signedDocument,
                world.clock());
    }
}
