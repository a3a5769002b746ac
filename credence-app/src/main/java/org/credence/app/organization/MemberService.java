package org.credence.app.organization;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.organization.SignUp.Passwords;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An organisation's members and invitations. Every member reads the list; owners invite people,
 * change roles and remove members. Nobody becomes a member without consent: an owner's "add" is an
 * invitation, e-mailed to the address with a single-use link valid for 7 days, which the person
 * accepts while signed in as that address ({@link #accept}) or by creating the account for it
 * ({@link AccountService#acceptInvitation}); they may decline it, and the inviting owners may
 * revoke it. Inviting answers the same whether or not the address has an account. The last owner
 * can be neither demoted nor removed, so an organisation is never left without someone who can
 * manage it. Removing a member revokes their API tokens and withdraws their invitations; an owner
 * who is demoted loses their pending invitations (their tokens are capped at authentication, see
 * {@link ApiTokenService}). Every change is audited in its transaction.
 *
 * <p>Thread-safe.
 */
public final class MemberService {

    /** How long an invitation link works. */
    public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

    private final Jdbi jdbi;
    private final InvitationMail mail;
    private final Clock clock;
    private final SecretTokens tokens;
    private final AccountStore accounts = new AccountStore();
    private final MemberStore store = new MemberStore();
    private final ApiTokenStore apiTokens = new ApiTokenStore();
    private final AuditStore audit = new AuditStore();

    public MemberService(Database database, InvitationMail mail, Clock clock, SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.mail = Objects.requireNonNull(mail, "mail");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new SecretTokens(random);
    }

    /** The organisation's members, by e-mail address. Any member. */
    public List<Member> list(Actor actor) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(handle -> store.list(handle, actor.organisationId()));
    }

    /** Pending (unexpired) invitations. Owners only. */
    public List<Invitation> invitations(Actor actor) {
        actor.require(Role.OWNER);
        return jdbi.withHandle(
                handle -> store.invitations(handle, actor.organisationId(), clock.instant()));
    }

    /**
     * Invites an e-mail address with {@code role} and queues the e-mail with the link, whether or
     * not the address has an account (the answer is the same either way). Inviting an address again
     * replaces the earlier link. Owners only.
     *
     * @throws AppException {@link Problem#CONFLICT} when the address is already a member of this
     *     organisation (which its members can see anyway)
     */
    public InvitationSent invite(Actor actor, String email, Role role) {
        actor.require(Role.OWNER);
        UUID inviter = actor.person();
        String address = Passwords.email("email", email);
        Objects.requireNonNull(role, "role");
        String token = tokens.next();
        Instant now = clock.instant();
        return jdbi.inTransaction(
                handle -> {
                    if (store.findByEmail(handle, actor.organisationId(), address).isPresent()) {
                        throw new AppException(Problem.CONFLICT, "email: already a member");
                    }
                    String organisationName =
                            accounts.organisationName(handle, actor.organisationId())
                                    .orElseThrow(() -> AppException.notFound("Organisation"));
                    String invitedBy =
                            store.find(handle, actor.organisationId(), inviter)
                                    .map(Member::email)
                                    .orElseThrow(() -> AppException.notFound("Member"));
                    Invitation invitation =
                            new Invitation(
                                    UUID.randomUUID(),
                                    actor.organisationId(),
                                    organisationName,
                                    address,
                                    role,
                                    invitedBy,
                                    now,
                                    now.plus(INVITATION_LIFETIME));
                    store.invite(handle, SecretTokens.hash(token), invitation, inviter);
                    mail.queue(handle, invitation, token);
                    record(handle, actor, "member.invited", address, role.value());
                    return new InvitationSent(invitation, token);
                });
    }

    /**
     * Accepts an invitation for the person signed in with {@code sessionToken}, who must have the
     * invited address: they become a member with the invited role, the link stops working, and the
     * session now acts for the organisation they joined.
     *
     * @return the accepted invitation
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown, used or expired link, {@link
     *     Problem#FORBIDDEN} when the person signed in has another address, {@link
     *     Problem#CONFLICT} when they are already a member
     */
    public Invitation accept(String sessionToken, String invitationToken) {
        String sessionHash = SecretTokens.hash(sessionToken == null ? "" : sessionToken);
        String invitationHash = hashOf(invitationToken);
        Instant now = clock.instant();
        return jdbi.inTransaction(
                handle -> {
                    Session session =
                            accounts.session(handle, sessionHash, now)
                                    .orElseThrow(
                                            () ->
                                                    new AppException(
                                                            Problem.UNAUTHENTICATED,
                                                            "Sign in to accept the invitation"));
                    Invitation invitation =
                            store.invitation(handle, invitationHash, now)
                                    .orElseThrow(() -> AppException.notFound("Invitation"));
                    if (!invitation.email().equals(session.email())) {
                        throw new AppException(
                                Problem.FORBIDDEN,
                                "This invitation is for "
                                        + invitation.email()
                                        + " and you are signed in as "
                                        + session.email()
                                        + ": sign out, then sign in as "
                                        + invitation.email()
                                        + " to accept it");
                    }
                    UUID organisationId = invitation.organisationId();
                    if (store.find(handle, organisationId, session.userId()).isPresent()) {
                        throw new AppException(
                                Problem.CONFLICT,
                                "You are already a member of " + invitation.organisationName());
                    }
                    if (!store.deleteInvitation(handle, invitationHash)) {
                        throw AppException.notFound("Invitation");
                    }
                    store.insert(handle, organisationId, session.userId(), invitation.role(), now);
                    accounts.switchSession(handle, sessionHash, organisationId);
                    audit.append(
                            handle,
                            organisationId,
                            now,
                            session.email(),
                            "invitation.accepted",
                            session.userId().toString(),
                            invitation.role().value());
                    return invitation;
                });
    }

    /**
     * Declines an invitation: its link stops working. Anyone holding the link may decline it (the
     * link is e-mailed to the invited address).
     *
     * @throws AppException {@link Problem#NOT_FOUND} for an unknown, used or expired link
     */
    public void decline(String invitationToken) {
        String invitationHash = hashOf(invitationToken);
        Instant now = clock.instant();
        jdbi.useTransaction(
                handle -> {
                    Invitation invitation =
                            store.invitation(handle, invitationHash, now)
                                    .orElseThrow(() -> AppException.notFound("Invitation"));
                    if (!store.deleteInvitation(handle, invitationHash)) {
                        throw AppException.notFound("Invitation");
                    }
                    audit.append(
                            handle,
                            invitation.organisationId(),
                            now,
                            invitation.email(),
                            "invitation.declined",
                            invitation.email(),
                            invitation.role().value());
                });
    }

    /**
     * Revokes an invitation (pending or expired): its link stops working. Owners only.
     *
     * @throws AppException {@link Problem#NOT_FOUND} when the organisation has no such invitation
     */
    public void revoke(Actor actor, UUID invitationId) {
        actor.require(Role.OWNER);
        Objects.requireNonNull(invitationId, "invitationId");
        jdbi.useTransaction(
                handle -> {
                    Invitation invitation =
                            store.findInvitation(handle, actor.organisationId(), invitationId)
                                    .orElseThrow(() -> AppException.notFound("Invitation"));
                    store.deleteInvitation(handle, actor.organisationId(), invitationId);
                    record(
                            handle,
                            actor,
                            "invitation.revoked",
                            invitation.email(),
                            invitation.role().value());
                });
    }

    /**
     * Changes a member's role. Owners only. A demoted owner's pending invitations are withdrawn;
     * their API tokens act with at most the new role from the next request on.
     *
     * @throws AppException {@link Problem#CONFLICT} when it would leave no owner
     */
    public Member changeRole(Actor actor, UUID userId, Role role) {
        actor.require(Role.OWNER);
        Objects.requireNonNull(role, "role");
        return jdbi.inTransaction(
                handle -> {
                    Member member = lockAndFind(handle, actor, userId);
                    boolean demotedOwner = member.role() == Role.OWNER && role != Role.OWNER;
                    if (demotedOwner) {
                        requireAnotherOwner(handle, actor);
                    }
                    store.updateRole(handle, actor.organisationId(), userId, role);
                    record(
                            handle,
                            actor,
                            "member.role_changed",
                            member.email(),
                            member.role().value() + " -> " + role.value());
                    if (demotedOwner) {
                        withdrawInvitationsOf(handle, actor, member, "is no longer an owner");
                    }
                    return store.find(handle, actor.organisationId(), userId).orElseThrow();
                });
    }

    /**
     * Removes a member, ends their sessions for this organisation and revokes the API tokens they
     * created (each revocation audited). Owners only.
     *
     * @throws AppException {@link Problem#CONFLICT} when it would leave no owner
     */
    public void remove(Actor actor, UUID userId) {
        actor.require(Role.OWNER);
        jdbi.useTransaction(
                handle -> {
                    Member member = lockAndFind(handle, actor, userId);
                    if (member.role() == Role.OWNER) {
                        requireAnotherOwner(handle, actor);
                    }
                    store.delete(handle, actor.organisationId(), userId);
                    accounts.deleteSessions(handle, userId, actor.organisationId());
                    record(handle, actor, "member.removed", member.email(), member.role().value());
                    revokeTokensOf(handle, actor, member);
                    withdrawInvitationsOf(handle, actor, member, "was removed");
                });
    }

    private void withdrawInvitationsOf(Handle handle, Actor actor, Member member, String why) {
        for (Invitation invitation :
                store.invitationsBy(handle, actor.organisationId(), member.userId())) {
            store.deleteInvitation(handle, actor.organisationId(), invitation.id());
            record(
                    handle,
                    actor,
                    "invitation.revoked",
                    invitation.email(),
                    invitation.role().value() + ": its inviter " + member.email() + " " + why);
        }
    }

    private void revokeTokensOf(Handle handle, Actor actor, Member member) {
        String reason = "its creator " + member.email() + " was removed from the organisation";
        for (ApiToken token :
                apiTokens.liveCreatedBy(handle, actor.organisationId(), member.userId())) {
            apiTokens.revoke(
                    handle,
                    actor.organisationId(),
                    token.id(),
                    clock.instant(),
                    Optional.of(reason));
            record(
                    handle,
                    actor,
                    "token.revoked",
                    token.id().toString(),
                    token.name() + ": " + reason);
        }
    }

    private Member lockAndFind(Handle handle, Actor actor, UUID userId) {
        accounts.lockOrganisation(handle, actor.organisationId());
        return store.find(handle, actor.organisationId(), userId)
                .orElseThrow(() -> AppException.notFound("Member"));
    }

    private void requireAnotherOwner(Handle handle, Actor actor) {
        if (store.countOwners(handle, actor.organisationId()) <= 1) {
            throw new AppException(
                    Problem.CONFLICT,
                    "role: the organisation needs at least one owner; make someone else an owner"
                            + " first");
        }
    }

    private static String hashOf(String invitationToken) {
        if (invitationToken == null
                || invitationToken.isEmpty()
                || invitationToken.length() > 100) {
            throw AppException.notFound("Invitation");
        }
        return SecretTokens.hash(invitationToken);
    }

    private void record(Handle handle, Actor actor, String action, String subject, String detail) {
        audit.append(
                handle,
                actor.organisationId(),
                clock.instant(),
                actor.name(),
                action,
                subject,
                detail);
    }
}
