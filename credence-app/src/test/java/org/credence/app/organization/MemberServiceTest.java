package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.app.organization.AccountServiceTest.PASSWORD;
import static org.credence.app.organization.AccountServiceTest.assertProblem;
import static org.credence.app.organization.AccountServiceTest.signUp;

import java.security.SecureRandom;
import java.time.Duration;
import org.credence.app.Problem;
import org.credence.app.db.Database;
import org.credence.app.issuer.TestOrganisations;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MemberServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_add_a_known_person_at_once_and_invite_an_unknown_one(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            MemberService members = new MemberService(database, clock, new SecureRandom());
            Actor owner = accounts.signUp(signUp("Riverside", "ada@example.edu")).session().actor();
            accounts.signUp(signUp("Hillside", "grace@example.edu"));

            // WHEN
            MemberAdded known = members.add(owner, "Grace@example.edu", Role.ISSUER);
            MemberAdded unknown = members.add(owner, "alan@example.edu", Role.VIEWER);

            // THEN
            assertThat(known.member())
                    .hasValueSatisfying(m -> assertThat(m.role()).isEqualTo(Role.ISSUER));
            assertThat(members.list(owner))
                    .extracting(Member::email)
                    .containsExactly("ada@example.edu", "grace@example.edu");
            String link = unknown.invitationToken().orElseThrow();
            assertThat(members.invitations(owner))
                    .singleElement()
                    .satisfies(i -> assertThat(i.email()).isEqualTo("alan@example.edu"));
            assertThat(accounts.invitation(link))
                    .hasValueSatisfying(
                            i -> assertThat(i.organisationName()).isEqualTo("Riverside"));

            SignedIn alan = accounts.acceptInvitation(link, "Alan Turing", PASSWORD);
            assertThat(alan.session().role()).isEqualTo(Role.VIEWER);
            assertThat(alan.session().organisationId()).isEqualTo(owner.organisationId());
            assertThat(members.invitations(owner)).isEmpty();
            assertProblem(
                    () -> accounts.acceptInvitation(link, "Alan Turing", PASSWORD),
                    Problem.NOT_FOUND);
            assertThat(accounts.login("alan@example.edu", PASSWORD).session().role())
                    .isEqualTo(Role.VIEWER);
            assertProblem(
                    () -> members.add(owner, "grace@example.edu", Role.VIEWER), Problem.CONFLICT);
            assertProblem(
                    () -> members.add(alan.session().actor(), "x@example.edu", Role.VIEWER),
                    Problem.FORBIDDEN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_to_remove_or_demote_the_last_owner(TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            MemberService members = new MemberService(database, clock, new SecureRandom());
            Session ada = accounts.signUp(signUp("Riverside", "ada@example.edu")).session();
            SignedIn grace = accounts.signUp(signUp("Hillside", "grace@example.edu"));
            Actor owner = ada.actor();

            // WHEN / THEN
            assertThatThrownBy(() -> members.changeRole(owner, ada.userId(), Role.VIEWER))
                    .hasMessageContaining("at least one owner");
            assertProblem(() -> members.remove(owner, ada.userId()), Problem.CONFLICT);

            members.add(owner, "grace@example.edu", Role.VIEWER);
            Member promoted = members.changeRole(owner, grace.session().userId(), Role.OWNER);
            assertThat(promoted.role()).isEqualTo(Role.OWNER);
            members.changeRole(owner, ada.userId(), Role.VIEWER);
            assertThat(members.list(owner))
                    .extracting(Member::role)
                    .containsExactly(Role.VIEWER, Role.OWNER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_end_sessions_and_hide_other_organisations_members_when_removing(
            TestDatabase testDatabase) {
        try (Database database = TestOrganisations.open(testDatabase)) {
            // GIVEN: grace owns Hillside and is an issuer in Riverside, signed in there
            SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
            AccountService accounts = AccountServiceTest.accounts(database, clock);
            MemberService members = new MemberService(database, clock, new SecureRandom());
            Actor riverside =
                    accounts.signUp(signUp("Riverside", "ada@example.edu")).session().actor();
            Session hillside = accounts.signUp(signUp("Hillside", "grace@example.edu")).session();
            members.add(riverside, "grace@example.edu", Role.ISSUER);

            // WHEN: Hillside's owner tries Riverside's member ids, then Riverside removes grace
            assertProblem(
                    () ->
                            members.remove(
                                    hillside.actor(),
                                    accountsUserId(members, riverside, "ada@example.edu")),
                    Problem.NOT_FOUND);
            members.remove(riverside, hillside.userId());

            // THEN
            assertThat(members.list(riverside))
                    .extracting(Member::email)
                    .containsExactly("ada@example.edu");
            assertThat(members.list(hillside.actor()))
                    .extracting(Member::email)
                    .containsExactly("grace@example.edu");
            clock.advance(Duration.ofMinutes(1));
            assertThat(accounts.login("grace@example.edu", PASSWORD).session().organisationId())
                    .isEqualTo(hillside.organisationId());
        }
    }

    private static java.util.UUID accountsUserId(MemberService members, Actor actor, String email) {
        return members.list(actor).stream()
                .filter(m -> m.email().equals(email))
                .findFirst()
                .orElseThrow()
                .userId();
    }
}
