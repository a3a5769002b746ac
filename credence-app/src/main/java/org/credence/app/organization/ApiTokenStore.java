package org.credence.app.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for API tokens, every query filtered by organisation (except the lookup by secret hash, which
 * is how a token finds its organisation). Each token is read with its creator and the creator's
 * current membership. Stateless and thread-safe.
 */
final class ApiTokenStore {

    private static final String COLUMNS =
            """
            SELECT t.id, t.organisation_id, t.name, t.role, t.created_at, t.revoked_at,
                   t.revoked_reason, t.created_by, u.email AS creator_email,
                   m.role AS creator_role
            FROM api_tokens t
            LEFT JOIN users u ON u.id = t.created_by
            LEFT JOIN memberships m
                ON m.organisation_id = t.organisation_id AND m.user_id = t.created_by
            """;

    /** A live token and its organisation. */
    record Found(UUID organisationId, ApiToken token) {}

    void insert(Handle handle, UUID organisationId, ApiToken token, String secretHash) {
        handle.createUpdate(
                        """
                        INSERT INTO api_tokens (id, organisation_id, name, token_hash, role,
                                                created_at, created_by)
                        VALUES (:id, :organisation, :name, :hash, :role, :now, :creator)
                        """)
                .bind("id", token.id())
                .bind("organisation", organisationId)
                .bind("name", token.name())
                .bind("hash", secretHash)
                .bind("role", token.role().value())
                .bind("now", token.createdAt())
                .bind("creator", token.creator().orElseThrow().userId())
                .execute();
    }

    List<ApiToken> list(Handle handle, UUID organisationId) {
        return handle.createQuery(
                        COLUMNS
                                + " WHERE t.organisation_id = :organisation"
                                + " ORDER BY t.created_at DESC, t.id")
                .bind("organisation", organisationId)
                .map((row, context) -> found(row).token())
                .list();
    }

    Optional<ApiToken> find(Handle handle, UUID organisationId, UUID id) {
        return handle.createQuery(
                        COLUMNS + " WHERE t.organisation_id = :organisation AND t.id = :id")
                .bind("organisation", organisationId)
                .bind("id", id)
                .map((row, context) -> found(row).token())
                .findOne();
    }

    /** The unrevoked token with that secret hash, whose creator is still a member. */
    Optional<Found> findLive(Handle handle, String secretHash) {
        return handle.createQuery(
                        COLUMNS
                                + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL"
                                + " AND m.user_id IS NOT NULL")
                .bind("hash", secretHash)
                .map((row, context) -> found(row))
                .findOne();
    }

    /** The unrevoked tokens a member created in the organisation. */
    List<ApiToken> liveCreatedBy(Handle handle, UUID organisationId, UUID userId) {
        return handle.createQuery(
                        COLUMNS
                                + " WHERE t.organisation_id = :organisation"
                                + " AND t.created_by = :user AND t.revoked_at IS NULL"
                                + " ORDER BY t.created_at, t.id")
                .bind("organisation", organisationId)
                .bind("user", userId)
                .map((row, context) -> found(row).token())
                .list();
    }

    /** Revokes an unrevoked token; {@code reason} is empty for an owner's own choice. */
    void revoke(Handle handle, UUID organisationId, UUID id, Instant now, Optional<String> reason) {
        handle.createUpdate(
                        """
                        UPDATE api_tokens SET revoked_at = :now, revoked_reason = :reason
                        WHERE organisation_id = :organisation AND id = :id AND revoked_at IS NULL
                        """)
                .bind("now", now)
                .bind("reason", reason.orElse(null))
                .bind("organisation", organisationId)
                .bind("id", id)
                .execute();
    }

    private static Found found(ResultSet row) throws SQLException {
        OffsetDateTime revoked = row.getObject("revoked_at", OffsetDateTime.class);
        UUID creatorId = row.getObject("created_by", UUID.class);
        String creatorRole = row.getString("creator_role");
        Optional<ApiToken.Creator> creator =
                creatorId == null
                        ? Optional.empty()
                        : Optional.of(
                                new ApiToken.Creator(
                                        creatorId,
                                        row.getString("creator_email"),
                                        Optional.ofNullable(creatorRole).map(Role::fromValue)));
        return new Found(
                row.getObject("organisation_id", UUID.class),
                new ApiToken(
                        row.getObject("id", UUID.class),
                        row.getString("name"),
                        Role.fromValue(row.getString("role")),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(revoked).map(OffsetDateTime::toInstant),
                        creator,
                        Optional.ofNullable(row.getString("revoked_reason"))));
    }
}
