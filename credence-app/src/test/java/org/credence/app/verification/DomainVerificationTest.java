package org.credence.app.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.audit.AuditStore;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.issuer.DomainProof;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.IssuerStanding;
import org.credence.app.issuer.IssuerTrustService;
import org.credence.app.issuer.IssuerTrustService.DomainCheck;
import org.credence.app.issuer.Operators;
import org.credence.app.testing.IssuanceWorld;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Domain verification of an issuer's URL: the token is fetched from {@link DomainProof#PATH} on the
 * URL's host through the real {@link SafeFetcher} (a loopback test server, allowed only by the
 * test-only allow-list), the outcome is stored and audited, a changed URL drops it.
 */
class DomainVerificationTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_verify_the_domain_when_its_well_known_file_holds_the_token(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                TestHttpServer site = new TestHttpServer();
                SafeFetcher fetcher = allowing(site, world)) {
            // GIVEN an issuer whose URL is on the test site, and the site publishing its token
            IssuerProfile issuer = withUrl(world, "https://" + site.authority() + "/about");
            IssuerTrustService trust = trust(world, fetcher);
            DomainProof proof = trust.requestDomainVerification(world.owner(), issuer.id());
            site.serve(
                    DomainProof.PATH,
                    "text/plain",
                    "# Credence issuer verification\ncredence-issuer-verification=other\n"
                            + proof.line()
                            + "\n");

            // WHEN
            DomainCheck check = trust.checkDomain(world.owner(), issuer.id());

            // THEN
            assertThat(proof.host()).isEqualTo(site.authority());
            assertThat(proof.fileUrl().toString())
                    .isEqualTo("https://" + site.authority() + DomainProof.PATH);
            assertThat(check.verified()).as(check.message()).isTrue();
            IssuerStanding standing = trust.standing(world.owner(), issuer.id());
            assertThat(standing.verifiedDomain()).contains(site.authority());
            assertThat(standing.domainVerifiedBy()).contains(world.owner().name());
            assertThat(standing.domainVerifiedAt()).contains(world.clock().instant());
            assertThat(standing.vetted()).isFalse();
            assertThat(world.issuers().publicIdentity(issuer.did()).orElseThrow().distinction())
                    .isEqualTo("domain " + site.authority() + " verified");
            assertThat(actions(world))
                    .containsSubsequence("issuer.domain.requested", "issuer.domain.verified");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_the_token_and_drop_the_verification_when_a_recheck_finds_no_file(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                TestHttpServer site = new TestHttpServer();
                SafeFetcher fetcher = allowing(site, world)) {
            // GIVEN a verified domain
            IssuerProfile issuer = withUrl(world, "https://" + site.authority());
            IssuerTrustService trust = trust(world, fetcher);
            DomainProof proof = trust.requestDomainVerification(world.owner(), issuer.id());
            boolean[] published = {true};
            site.on(
                    DomainProof.PATH,
                    exchange ->
                            TestHttpServer.send(
                                    exchange,
                                    published[0] ? 200 : 404,
                                    published[0] ? proof.line() : "gone"));
            assertThat(trust.checkDomain(world.owner(), issuer.id()).verified()).isTrue();

            // WHEN the file is taken down and the owner checks again
            published[0] = false;
            DomainCheck again = trust.checkDomain(world.owner(), issuer.id());

            // THEN the same token is offered, the domain is no longer verified, and it is audited
            assertThat(trust.requestDomainVerification(world.owner(), issuer.id()))
                    .isEqualTo(proof);
            assertThat(again.verified()).isFalse();
            assertThat(again.message()).startsWith("Could not read " + proof.fileUrl());
            assertThat(trust.standing(world.owner(), issuer.id()).verifiedDomain()).isEmpty();
            assertThat(actions(world)).contains("issuer.domain.unverified");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_not_verify_when_the_file_lacks_the_token(TestDatabase testDatabase)
            throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                TestHttpServer site = new TestHttpServer();
                SafeFetcher fetcher = allowing(site, world)) {
            // GIVEN a file copied from another issuer
            IssuerProfile issuer = withUrl(world, "https://" + site.authority());
            IssuerTrustService trust = trust(world, fetcher);
            DomainProof proof = trust.requestDomainVerification(world.owner(), issuer.id());
            site.serve(DomainProof.PATH, "text/plain", "credence-issuer-verification=copied\n");

            // WHEN
            DomainCheck check = trust.checkDomain(world.owner(), issuer.id());

            // THEN
            assertThat(check.verified()).isFalse();
            assertThat(check.message()).contains("does not contain the line " + proof.line());
            assertThat(trust.standing(world.owner(), issuer.id()).verifiedDomain()).isEmpty();
            assertThat(actions(world)).contains("issuer.domain.check-failed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_fetch_only_through_the_safe_fetcher_so_a_loopback_host_is_refused(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                TestHttpServer site = new TestHttpServer();
                SafeFetcher fetcher = new SafeFetcher(FetchSettings.STANDARD, world.clock())) {
            // GIVEN an issuer URL on a loopback host, and no allowed test host
            IssuerProfile issuer = withUrl(world, "https://" + site.authority());
            IssuerTrustService trust = trust(world, fetcher);
            DomainProof proof = trust.requestDomainVerification(world.owner(), issuer.id());
            site.serve(DomainProof.PATH, "text/plain", proof.line());

            // WHEN
            DomainCheck check = trust.checkDomain(world.owner(), issuer.id());

            // THEN
            assertThat(check.verified()).isFalse();
            assertThat(check.message()).contains("refused: 127.0.0.1 is a loopback address");
            assertThat(site.hits(DomainProof.PATH)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_drop_the_domain_verification_when_the_url_moves_to_another_host(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                TestHttpServer site = new TestHttpServer();
                SafeFetcher fetcher = allowing(site, world)) {
            // GIVEN a verified domain
            IssuerProfile issuer = withUrl(world, "https://" + site.authority());
            IssuerTrustService trust = trust(world, fetcher);
            DomainProof proof = trust.requestDomainVerification(world.owner(), issuer.id());
            site.serve(DomainProof.PATH, "text/plain", proof.line());
            assertThat(trust.checkDomain(world.owner(), issuer.id()).verified()).isTrue();

            // WHEN the URL changes path only, then host
            withUrl(world, "https://" + site.authority() + "/badges");
            boolean keptOnPathChange =
                    trust.standing(world.owner(), issuer.id()).verifiedDomain().isPresent();
            withUrl(world, "https://nursing.example.edu");

            // THEN
            assertThat(keptOnPathChange).isTrue();
            IssuerStanding standing = trust.standing(world.owner(), issuer.id());
            assertThat(standing.verifiedDomain()).isEmpty();
            assertThat(standing.domainToken()).isEmpty();
            assertThat(actions(world)).contains("issuer.domain.dropped");
            assertThatThrownBy(() -> trust.checkDomain(world.owner(), issuer.id()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_domain_verification_without_a_url_and_for_non_owners(
            TestDatabase testDatabase) throws Exception {
        try (IssuanceWorld world = IssuanceWorld.open(testDatabase);
                SafeFetcher fetcher = new SafeFetcher(FetchSettings.STANDARD, world.clock())) {
            IssuerTrustService trust = trust(world, fetcher);

            assertThatThrownBy(
                            () ->
                                    trust.requestDomainVerification(
                                            world.owner(), world.issuer().id()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> {
                                assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT);
                                assertThat(e.getMessage()).startsWith("url:");
                            });
            assertThatThrownBy(
                            () ->
                                    trust.requestDomainVerification(
                                            world.as(org.credence.app.organization.Role.ISSUER),
                                            world.issuer().id()))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.FORBIDDEN));
        }
    }

    private static SafeFetcher allowing(TestHttpServer site, IssuanceWorld world) {
        return new SafeFetcher(
                FetchSettings.STANDARD.withAllowedHosts(
                        List.of(AllowedHost.parse("http://" + site.authority()))),
                world.clock());
    }

    static IssuerTrustService trust(IssuanceWorld world, SafeFetcher fetcher) {
        return new IssuerTrustService(
                world.database(),
                DidWebHost.of(IssuanceWorld.BASE),
                fetcher::fetchUncached,
                new Operators(List.of("operator@credence.example")),
                world.clock(),
                new SecureRandom());
    }

    private static IssuerProfile withUrl(IssuanceWorld world, String url) {
        IssuerProfile issuer = world.issuers().get(world.owner(), world.issuer().id());
        return world.issuers().update(world.owner(), issuer.id(), issuer.details().withUrl(url));
    }

    /** The organisation's audit actions, oldest first. */
    private static List<String> actions(IssuanceWorld world) {
        List<String> actions =
                new ArrayList<>(
                        world
                                .database()
                                .jdbi()
                                .withHandle(
                                        handle ->
                                                new AuditStore()
                                                        .list(
                                                                handle,
                                                                world.owner().organisationId(),
                                                                0,
                                                                100))
                                .stream()
                                .map(AuditEvent::action)
                                .toList());
        Collections.reverse(actions);
        return actions;
    }
}
