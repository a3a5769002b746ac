package org.credence.app.organization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for memberships and invitations, every query filtered by organisation. Methods run on the
 * caller's handle. Stateless and thread-safe.
 */
final class MemberStore {

    private static final String MEMBER_COLUMNS =
            """
            SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
            FROM memberships m JOIN users u ON u.id = m.user_id
            """;

    void insert(Handle handle, UUID organisationId, UUID userId, Role role, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO memberships (organisation_id, user_id, role, created_at)
                        VALUES (:organisation, :user, :role, :now)
                        """)
                .bind("organisation", organisationId)
                .bind("user", userId)
                .bind("role", role.value())
                .bind("now", now)
                .execute();
    }

    List<Member> list(Handle handle, UUID organisationId) {
        return handle.createQuery(
                        MEMBER_COLUMNS
                                + " WHERE m.organisation_id = :organisation ORDER BY u.email")
                .bind("organisation", organisationId)
                .map((row, context) -> member(row))
                .list();
    }

    Optional<Member> find(Handle handle, UUID organisationId, UUID userId) {
        return handle.createQuery(
                        MEMBER_COLUMNS
                                + " WHERE m.organisation_id = :organisation AND m.user_id = :user")
                .bind("organisation", organisationId)
                .bind("user", userId)
                .map((row, context) -> member(row))
                .findOne();
    }

    long countOwners(Handle handle, UUID organisationId) {
        return handle.createQuery(
                        """
                        SELECT COUNT(*) FROM memberships
                        WHERE organisation_id = :organisation AND role = 'owner'
                        """)
                .bind("organisation", organisationId)
                .mapTo(Long.class)
                .one();
    }

    void updateRole(Handle handle, UUID organisationId, UUID userId, Role role) {
        handle.createUpdate(
                        """
                        UPDATE memberships SET role = :role
                        WHERE organisation_id = :organisation AND user_id = :user
                        """)
                .bind("role", role.value())
                .bind("organisation", organisationId)
                .bind("user", userId)
                .execute();
    }

    void delete(Handle handle, UUID organisationId, UUID userId) {
        handle.createUpdate(
                        "DELETE FROM memberships WHERE organisation_id = :organisation AND user_id = :user")
                .bind("organisation", organisationId)
                .bind("user", userId)
                .execute();
    }

    Optional<Member> findByEmail(Handle handle, UUID organisationId, String email) {
        return handle.createQuery(
                        MEMBER_COLUMNS
                                + " WHERE m.organisation_id = :organisation AND u.email = :email")
                .bind("organisation", organisationId)
                .bind("email", email)
                .map((row, context) -> member(row))
                .findOne();
    }

    /**
     * Replaces any earlier invitation of that address to that organisation.
     *
     * @param invitedByUser the inviting member, whose leaving withdraws the invitation
     */
    void invite(Handle handle, String tokenHash, Invitation invitation, UUID invitedByUser) {
        handle.createUpdate(
                        "DELETE FROM invitations WHERE organisation_id = :organisation AND email = :email")
                .bind("organisation", invitation.organisationId())
                .bind("email", invitation.email())
                .execute();
        handle.createUpdate(
                        """
                        INSERT INTO invitations (id, token_hash, organisation_id, email, role,
                                                 invited_by, invited_by_user, created_at,
                                                 expires_at)
                        VALUES (:id, :hash, :organisation, :email, :role, :by, :byUser,
                                :created, :expires)
                        """)
                .bind("id", invitation.id())
                .bind("hash", tokenHash)
                .bind("organisation", invitation.organisationId())
                .bind("email", invitation.email())
                .bind("role", invitation.role().value())
                .bind("by", invitation.invitedBy())
                .bind("byUser", invitedByUser)
                .bind("created", invitation.createdAt())
                .bind("expires", invitation.expiresAt())
                .execute();
    }

    /** The organisation's unexpired invitations, by address. */
    List<Invitation> invitations(Handle handle, UUID organisationId, Instant now) {
        return handle.createQuery(
                        INVITATION_COLUMNS
                                + " WHERE i.organisation_id = :organisation AND i.expires_at > :now"
                                + " ORDER BY i.email")
                .bind("organisation", organisationId)
                .bind("now", now)
                .map((row, context) -> invitation(row))
                .list();
    }

    /** The unexpired invitation with that token hash (of any organisation: the link finds it). */
    Optional<Invitation> invitation(Handle handle, String tokenHash, Instant now) {
        return handle.createQuery(
                        INVITATION_COLUMNS + " WHERE i.token_hash = :hash AND i.expires_at > :now")
                .bind("hash", tokenHash)
                .bind("now", now)
                .map((row, context) -> invitation(row))
                .findOne();
    }

    /** The organisation's invitation with that id, expired or not. */
    Optional<Invitation> findInvitation(Handle handle, UUID organisationId, UUID id) {
        return handle.createQuery(
                        INVITATION_COLUMNS
                                + " WHERE i.organisation_id = :organisation AND i.id = :id")
                .bind("organisation", organisationId)
                .bind("id", id)
                .map((row, context) -> invitation(row))
                .findOne();
    }

    /** The invitations a member sent in the organisation. */
    List<Invitation> invitationsBy(Handle handle, UUID organisationId, UUID userId) {
        return handle.createQuery(
                        INVITATION_COLUMNS
                                + " WHERE i.organisation_id = :organisation"
                                + " AND i.invited_by_user = :user ORDER BY i.email")
                .bind("organisation", organisationId)
                .bind("user", userId)
                .map((row, context) -> invitation(row))
                .list();
    }

    /** Deletes the invitation with that token hash; false when it was gone (used meanwhile). */
    boolean deleteInvitation(Handle handle, String tokenHash) {
        return handle.createUpdate("DELETE FROM invitations WHERE token_hash = :hash")
                        .bind("hash", tokenHash)
                        .execute()
                > 0;
    }

    void deleteInvitation(Handle handle, UUID organisationId, UUID id) {
        handle.createUpdate(
                        "DELETE FROM invitations WHERE organisation_id = :organisation AND id = :id")
                .bind("organisation", organisationId)
                .bind("id", id)
                .execute();
    }

    private static final String INVITATION_COLUMNS =
            """
            SELECT i.id, i.organisation_id, o.name, i.email, i.role, i.invited_by, i.created_at,
                   i.expires_at
            FROM invitations i JOIN organisations o ON o.id = i.organisation_id
            """;

    private static Member member(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Member(
                row.getObject("user_id", UUID.class),
                row.getString("email"),
                row.getString("display_name"),
                Role.fromValue(row.getString("role")),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static Invitation invitation(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Invitation(
                row.getObject("id", UUID.class),
                row.getObject("organisation_id", UUID.class),
                row.getString("name"),
                row.getString("email"),
                Role.fromValue(row.getString("role")),
                row.getString("invited_by"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("expires_at", OffsetDateTime.class).toInstant());
    }
}
