package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credence.app.organization.AccountServiceTest.assertProblem;
import static org.credence.app.organization.AccountServiceTest.signUp;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.security.SecureRandom;
import java.util.Optional;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiTokenServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_authenticate_as_its_organisation_and_role_until_revoked(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            ApiTokenService tokens = new ApiTokenService(database, clock, new SecureRandom());
            Actor owner = accounts.signUp(signUp("Riverside", "ada@example.edu")).session().actor();
            Actor other =
                    accounts.signUp(signUp("Hillside", "grace@example.edu")).session().actor();

            // WHEN
            CreatedApiToken created = tokens.create(owner, "LMS <sync>", Role.ISSUER);

            // THEN
            assertThat(created.secret()).matches("cred_[A-Za-z0-9_-]{43}");
            assertThat(created.toString()).doesNotContain(created.secret());
            assertThat(tokens.authenticate(created.secret()))
                    .hasValueSatisfying(
                            actor -> {
                                assertThat(actor.organisationId())
                                        .isEqualTo(owner.organisationId());
                                assertThat(actor.role()).isEqualTo(Role.ISSUER);
                                assertThat(actor.name()).isEqualTo("token:LMS <sync>");
                            });
            assertThat(tokens.authenticate("cred_" + "A".repeat(43))).isEmpty();
            assertThat(tokens.list(other)).isEmpty();
            assertProblem(() -> tokens.revoke(other, created.token().id()), Problem.NOT_FOUND);
            assertProblem(
                    () ->
                            tokens.create(
                                    tokens.authenticate(created.secret()).orElseThrow(),
                                    "x",
                                    Role.OWNER),
                    Problem.FORBIDDEN);

            tokens.revoke(owner, created.token().id());
            assertThat(tokens.authenticate(created.secret())).isEmpty();
            assertThat(tokens.list(owner))
                    .singleElement()
                    .satisfies(token -> assertThat(token.isRevoked()).isTrue());
            assertThat(new AuditLog(database).newest(owner, 10))
                    .extracting(AuditEvent::action)
                    .containsExactly("token.revoked", "token.created", "organisation.created");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_revoke_a_members_tokens_when_removed_and_cap_them_when_demoted(
            TestDatabase testDatabase) throws Exception {
        try (MemberWorld world = MemberWorld.open(testDatabase, SMTP)) {
            // GIVEN grace and bo, owners of Riverside, each made an owner token
            Actor ada = world.signUp("Riverside", "ada@example.edu").session().actor();
            Session grace = world.newMember(ada, "grace@example.edu", Role.OWNER);
            Session bo = world.newMember(ada, "bo@example.edu", Role.OWNER);
            CreatedApiToken graces = world.tokens.create(grace.actor(), "grace sync", Role.OWNER);
            CreatedApiToken bos = world.tokens.create(bo.actor(), "bo sync", Role.OWNER);
            Actor boByToken = world.tokens.authenticate(bos.secret()).orElseThrow();
            CreatedApiToken madeByToken = world.tokens.create(boByToken, "bo ci", Role.VIEWER);
            assertThat(boByToken.userId()).contains(bo.userId());

            // WHEN ada demotes grace to issuer and removes bo
            world.members.changeRole(ada, grace.userId(), Role.ISSUER);
            world.members.remove(ada, bo.userId());

            // THEN grace's owner token acts as an issuer at most
            Actor graceByToken = world.tokens.authenticate(graces.secret()).orElseThrow();
            assertThat(graceByToken.role()).isEqualTo(Role.ISSUER);
            assertProblem(() -> world.tokens.list(graceByToken), Problem.FORBIDDEN);
            // AND bo's tokens, including the one made with his token, no longer work
            assertThat(world.tokens.authenticate(bos.secret())).isEmpty();
            assertThat(world.tokens.authenticate(madeByToken.secret())).isEmpty();
            // AND the list shows who created each token and what it may do now
            assertThat(world.tokens.list(ada))
                    .extracting(
                            token -> token.creator().orElseThrow().email(),
                            ApiToken::name,
                            ApiToken::effectiveRole,
                            ApiToken::isRevoked)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "grace@example.edu",
                                    "grace sync",
                                    Optional.of(Role.ISSUER),
                                    false),
                            org.assertj.core.groups.Tuple.tuple(
                                    "bo@example.edu", "bo sync", Optional.empty(), true),
                            org.assertj.core.groups.Tuple.tuple(
                                    "bo@example.edu", "bo ci", Optional.empty(), true));
            assertThat(world.tokens.list(ada))
                    .filteredOn(ApiToken::isRevoked)
                    .allSatisfy(
                            token ->
                                    assertThat(token.revokedReason())
                                            .hasValueSatisfying(
                                                    reason ->
                                                            assertThat(reason)
                                                                    .contains(
                                                                            "bo@example.edu was"
                                                                                    + " removed")));
            assertThat(MemberServiceTest.events(world, ada))
                    .startsWith("token.revoked", "token.revoked", "member.removed");

            // AND inviting bo back (he belongs to no organisation, so he accepts with his
            // password) does not bring his tokens back
            world.members.invite(ada, "bo@example.edu", Role.OWNER);
            String link = world.mailedToken("bo@example.edu");
            assertProblem(
                    () -> world.accounts.acceptInvitationWithPassword(link, "not his password"),
                    Problem.UNAUTHENTICATED);
            SignedIn boAgain =
                    world.accounts.acceptInvitationWithPassword(link, AccountServiceTest.PASSWORD);
            assertThat(boAgain.session().role()).isEqualTo(Role.OWNER);
            assertThat(boAgain.session().organisationId()).isEqualTo(ada.organisationId());
            assertThat(world.tokens.authenticate(bos.secret())).isEmpty();
            assertThat(world.tokens.authenticate(madeByToken.secret())).isEmpty();
        }
    }
}
