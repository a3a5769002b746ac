package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credence.app.organization.AccountServiceTest.PASSWORD;
import static org.credence.app.organization.AccountServiceTest.assertProblem;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.credence.app.Problem;
import org.credence.app.audit.AuditEvent;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MemberServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_invite_and_email_alike_whether_or_not_the_address_has_an_account(
            TestDatabase testDatabase) throws Exception {
        try (MemberWorld world = MemberWorld.open(testDatabase, SMTP)) {
            // GIVEN grace has an account (in Hillside), alan has none
            Actor owner = world.signUp("Riverside", "ada@example.edu").session().actor();
            world.signUp("Hillside", "grace@example.edu");

            // WHEN
            InvitationSent known = world.members.invite(owner, "Grace@example.edu", Role.ISSUER);
            InvitationSent unknown = world.members.invite(owner, "alan@example.edu", Role.VIEWER);

            // THEN nobody joined; both are pending invitations of the same kind, e-mailed alike
            assertThat(world.members.list(owner))
                    .extracting(Member::email)
                    .containsExactly("ada@example.edu");
            assertThat(known.invitation().email()).isEqualTo("grace@example.edu");
            assertThat(known.invitation().invitedBy()).isEqualTo("ada@example.edu");
            assertThat(unknown.invitation().expiresAt())
                    .isEqualTo(unknown.invitation().createdAt().plus(Duration.ofDays(7)));
            assertThat(world.members.invitations(owner))
                    .extracting(Invitation::email, Invitation::role)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("alan@example.edu", Role.VIEWER),
                            org.assertj.core.groups.Tuple.tuple("grace@example.edu", Role.ISSUER));
            MimeMessage toGrace = world.mailTo("grace@example.edu").get(0);
            MimeMessage toAlan = world.mailTo("alan@example.edu").get(0);
            assertThat(toGrace.getSubject())
                    .isEqualTo(toAlan.getSubject())
                    .isEqualTo("ada@example.edu invited you to join Riverside on Credence");
            assertThat(MemberWorld.text(toGrace))
                    .contains("as issuer", "/invitations/" + known.token());
            assertThat(MemberWorld.text(toAlan))
                    .contains("as viewer", "/invitations/" + unknown.token());
            assertThat(events(world, owner))
                    .containsSubsequence("member.invited", "member.invited");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_join_only_when_the_invited_person_accepts_signed_in_as_that_address(
            TestDatabase testDatabase) throws Exception {
        try (MemberWorld world = MemberWorld.open(testDatabase, SMTP)) {
            // GIVEN
            Actor owner = world.signUp("Riverside", "ada@example.edu").session().actor();
            SignedIn grace = world.signUp("Hillside", "grace@example.edu");
            SignedIn mallory = world.signUp("Mallory Ltd", "mallory@example.edu");
            world.members.invite(owner, "grace@example.edu", Role.ISSUER);
            String link = world.mailedToken("grace@example.edu");

            // WHEN someone else signed in tries the link, then grace accepts it
            assertProblem(() -> world.members.accept(mallory.token(), link), Problem.FORBIDDEN);
            assertProblem(
                    () -> world.accounts.acceptInvitation(link, "Not Grace", PASSWORD),
                    Problem.CONFLICT);
            Invitation accepted = world.members.accept(grace.token(), link);

            // THEN grace is a member with the invited role, and her session acts for Riverside
            assertThat(accepted.organisationId()).isEqualTo(owner.organisationId());
            assertThat(world.members.list(owner))
                    .extracting(Member::email, Member::role)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("grace@example.edu", Role.ISSUER));
            Session session = world.accounts.session(grace.token()).orElseThrow();
            assertThat(session.organisationId()).isEqualTo(owner.organisationId());
            assertThat(session.role()).isEqualTo(Role.ISSUER);
            assertThat(world.members.invitations(owner)).isEmpty();
            assertProblem(() -> world.members.accept(grace.token(), link), Problem.NOT_FOUND);
            assertThat(events(world, owner)).first().isEqualTo("invitation.accepted");
            assertThat(world.members.list(mallory.session().actor()))
                    .extracting(Member::email)
                    .containsExactly("mallory@example.edu");

            // AND a new address accepts by creating its account
            Session alan = world.newMember(owner, "alan@example.edu", Role.VIEWER);
            assertThat(alan.organisationId()).isEqualTo(owner.organisationId());
            assertThat(alan.role()).isEqualTo(Role.VIEWER);
            assertThat(world.accounts.login("alan@example.edu", PASSWORD).session().role())
                    .isEqualTo(Role.VIEWER);
            assertProblem(
                    () -> world.members.invite(owner, "grace@example.edu", Role.VIEWER),
                    Problem.CONFLICT);
            assertProblem(
                    () -> world.members.invite(alan.actor(), "x@example.edu", Role.VIEWER),
                    Problem.FORBIDDEN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_end_the_link_when_declined_revoked_replaced_or_expired(TestDatabase testDatabase)
            throws Exception {
        try (MemberWorld world = MemberWorld.open(testDatabase, SMTP)) {
            // GIVEN
            Actor owner = world.signUp("Riverside", "ada@example.edu").session().actor();
            Actor other = world.signUp("Hillside", "hal@example.edu").session().actor();
            world.members.invite(owner, "bo@example.edu", Role.VIEWER);
            world.members.invite(owner, "cy@example.edu", Role.VIEWER);
            world.members.invite(owner, "di@example.edu", Role.VIEWER);
            String first = world.mailedToken("di@example.edu");
            UUID cy = invitation(world, owner, "cy@example.edu");

            // WHEN bo declines, another organisation tries to revoke cy's, ada revokes it, and
            // di's invitation is sent again
            world.members.decline(world.mailedToken("bo@example.edu"));
            assertProblem(() -> world.members.revoke(other, cy), Problem.NOT_FOUND);
            world.members.revoke(owner, cy);
            world.members.invite(owner, "di@example.edu", Role.ISSUER);
            String second = world.mailedToken("di@example.edu");

            // THEN
            assertThat(world.members.invitations(owner))
                    .extracting(Invitation::email, Invitation::role)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("di@example.edu", Role.ISSUER));
            assertThat(world.accounts.invitation(first)).isEmpty();
            assertProblem(
                    () -> world.accounts.acceptInvitation(first, "Di", PASSWORD),
                    Problem.NOT_FOUND);
            assertThat(events(world, owner))
                    .containsSubsequence(
                            "member.invited", "invitation.revoked", "invitation.declined");
            assertProblem(() -> world.members.revoke(owner, cy), Problem.NOT_FOUND);
            assertProblem(() -> world.members.decline("not a token"), Problem.NOT_FOUND);

            // AND after 7 days the link stops working
            world.clock.advance(Duration.ofDays(7).plusSeconds(1));
            assertThat(world.members.invitations(owner)).isEmpty();
            assertProblem(
                    () -> world.accounts.acceptInvitation(second, "Di", PASSWORD),
                    Problem.NOT_FOUND);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_to_remove_or_demote_the_last_owner(TestDatabase testDatabase)
            throws Exception {
        try (MemberWorld world = MemberWorld.open(testDatabase, SMTP)) {
            // GIVEN
            Session ada = world.signUp("Riverside", "ada@example.edu").session();
            Actor owner = ada.actor();
            Session grace = world.newMember(owner, "grace@example.edu", Role.VIEWER);

            // WHEN / THEN
            assertThatThrownBy(() -> world.members.changeRole(owner, ada.userId(), Role.VIEWER))
                    .hasMessageContaining("at least one owner");
            assertProblem(() -> world.members.remove(owner, ada.userId()), Problem.CONFLICT);

            Member promoted = world.members.changeRole(owner, grace.userId(), Role.OWNER);
            assertThat(promoted.role()).isEqualTo(Role.OWNER);
            world.members.changeRole(owner, ada.userId(), Role.VIEWER);
            assertThat(world.members.list(grace.actor()))
                    .extracting(Member::role)
                    .containsExactly(Role.VIEWER, Role.OWNER);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_end_sessions_and_withdraw_invitations_of_a_removed_or_demoted_owner(
            TestDatabase testDatabase) throws Exception {
        try (MemberWorld world = MemberWorld.open(testDatabase, SMTP)) {
            // GIVEN grace and hal, owners of Riverside, each invited someone
            Actor ada = world.signUp("Riverside", "ada@example.edu").session().actor();
            Session hillside = world.signUp("Hillside", "zed@example.edu").session();
            Session grace = world.newMember(ada, "grace@example.edu", Role.OWNER);
            Session hal = world.newMember(ada, "hal@example.edu", Role.OWNER);
            world.members.invite(grace.actor(), "alt@example.edu", Role.OWNER);
            world.members.invite(hal.actor(), "pal@example.edu", Role.OWNER);
            world.members.invite(ada, "kept@example.edu", Role.VIEWER);

            // WHEN Hillside's owner tries Riverside's member ids, then Riverside removes grace and
            // demotes hal
            assertProblem(
                    () -> world.members.remove(hillside.actor(), grace.userId()),
                    Problem.NOT_FOUND);
            world.members.remove(ada, grace.userId());
            world.members.changeRole(ada, hal.userId(), Role.ISSUER);

            // THEN
            assertThat(world.members.list(ada))
                    .extracting(Member::email)
                    .containsExactly("ada@example.edu", "hal@example.edu");
            assertThat(
                            world.accounts.session(
                                    world.accounts.login("hal@example.edu", PASSWORD).token()))
                    .hasValueSatisfying(s -> assertThat(s.role()).isEqualTo(Role.ISSUER));
            assertThat(world.members.invitations(ada))
                    .extracting(Invitation::email)
                    .containsExactly("kept@example.edu");
            assertProblem(
                    () ->
                            world.accounts.acceptInvitation(
                                    world.mailedToken("alt@example.edu"), "Alt", PASSWORD),
                    Problem.NOT_FOUND);
            assertThat(world.members.list(hillside.actor()))
                    .extracting(Member::email)
                    .containsExactly("zed@example.edu");
            assertProblem(
                    () -> world.accounts.login("grace@example.edu", PASSWORD), Problem.FORBIDDEN);
        }
    }

    static UUID invitation(MemberWorld world, Actor owner, String email) {
        return world.members.invitations(owner).stream()
                .filter(i -> i.email().equals(email))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The organisation's audit actions, newest first. */
    static List<String> events(MemberWorld world, Actor owner) {
        return new AuditLog(world.database)
                .newest(owner, 100).stream().map(AuditEvent::action).toList();
    }
}
