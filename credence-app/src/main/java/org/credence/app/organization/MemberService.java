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
 * An organisation's members and invitations. Every member reads the list; owners add members (a
 * known e-mail address joins at once, an unknown one gets an invitation valid for 7 days), change
 * roles and remove members. The last owner can be neither demoted nor removed, so an organisation
 * is never left without someone who can manage it. Every change is audited.
 *
 * <p>Thread-safe.
 */
public final class MemberService {

    /** How long an invitation link works. */
    public static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecretTokens tokens;
    private final AccountStore accounts = new AccountStore();
    private final MemberStore store = new MemberStore();
    private final AuditStore audit = new AuditStore();

    public MemberService(Database database, Clock clock, SecureRandom random) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
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
     * Adds a member by e-mail address, or invites the address when it has no account (inviting it
     * again replaces the earlier link). Owners only.
     *
     * @throws AppException {@link Problem#CONFLICT} when the person is already a member
     */
    public MemberAdded add(Actor actor, String email, Role role) {
        actor.require(Role.OWNER);
        String address = Passwords.email("email", email);
        Objects.requireNonNull(role, "role");
        Instant now = clock.instant();
        return jdbi.inTransaction(
                handle -> {
                    Optional<UUID> userId = accounts.userId(handle, address);
                    if (userId.isPresent()) {
                        return new MemberAdded(
                                Optional.of(join(handle, actor, userId.get(), role)),
                                Optional.empty());
                    }
                    String organisationName =
                            accounts.organisationName(handle, actor.organisationId())
                                    .orElseThrow(() -> AppException.notFound("Organisation"));
                    String token = tokens.next();
                    Invitation invitation =
                            new Invitation(
                                    actor.organisationId(),
                                    organisationName,
                                    address,
                                    role,
                                    now,
                                    now.plus(INVITATION_LIFETIME));
                    store.invite(handle, SecretTokens.hash(token), invitation, actor.name());
                    record(handle, actor, "member.invited", address, role.value());
                    return new MemberAdded(Optional.empty(), Optional.of(token));
                });
    }

    /** Withdraws a pending invitation. Owners only. */
    public void cancelInvitation(Actor actor, String email) {
        actor.require(Role.OWNER);
        String address = Passwords.email("email", email);
        jdbi.useTransaction(
                handle -> {
                    if (!store.cancelInvitation(handle, actor.organisationId(), address)) {
                        throw AppException.notFound("Invitation");
                    }
                    record(handle, actor, "member.invitation_cancelled", address, "");
                });
    }

    /**
     * Changes a member's role. Owners only.
     *
     * @throws AppException {@link Problem#CONFLICT} when it would leave no owner
     */
    public Member changeRole(Actor actor, UUID userId, Role role) {
        actor.require(Role.OWNER);
        Objects.requireNonNull(role, "role");
        return jdbi.inTransaction(
                handle -> {
                    Member member = lockAndFind(handle, actor, userId);
                    if (member.role() == Role.OWNER && role != Role.OWNER) {
                        requireAnotherOwner(handle, actor);
                    }
                    store.updateRole(handle, actor.organisationId(), userId, role);
                    record(
                            handle,
                            actor,
                            "member.role_changed",
                            member.email(),
                            member.role().value() + " -> " + role.value());
                    return store.find(handle, actor.organisationId(), userId).orElseThrow();
                });
    }

    /**
     * Removes a member and ends their sessions for this organisation. Owners only.
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
                });
    }

    private Member join(Handle handle, Actor actor, UUID userId, Role role) {
        if (store.find(handle, actor.organisationId(), userId).isPresent()) {
            throw new AppException(Problem.CONFLICT, "email: already a member");
        }
        store.insert(handle, actor.organisationId(), userId, role, clock.instant());
        Member member = store.find(handle, actor.organisationId(), userId).orElseThrow();
        record(handle, actor, "member.added", member.email(), role.value());
        return member;
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
