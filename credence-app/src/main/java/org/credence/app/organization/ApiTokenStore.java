package org.credence.app.organization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for API tokens, every query filtered by organisation (except the lookup by secret hash, which
 * is how a token finds its organisation). Stateless and thread-safe.
 */
final class ApiTokenStore {

    private static final String COLUMNS =
            "SELECT id, organisation_id, name, role, created_at, revoked_at FROM api_tokens";

    /** A live token and its organisation. */
    record Found(UUID organisationId, ApiToken token) {}

    void insert(Handle handle, UUID organisationId, ApiToken token, String secretHash) {
        handle.createUpdate(
                        """
                        INSERT INTO api_tokens (id, organisation_id, name, token_hash, role, created_at)
                        VALUES (:id, :organisation, :name, :hash, :role, :now)
                        """)
                .bind("id", token.id())
                .bind("organisation", organisationId)
                .bind("name", token.name())
                .bind("hash", secretHash)
                .bind("role", token.role().value())
                .bind("now", token.createdAt())
                .execute();
    }

    List<ApiToken> list(Handle handle, UUID organisationId) {
        return handle.createQuery(
                        COLUMNS
                                + " WHERE organisation_id = :organisation"
                                + " ORDER BY created_at DESC, id")
                .bind("organisation", organisationId)
                .map((row, context) -> found(row).token())
                .list();
    }

    Optional<ApiToken> find(Handle handle, UUID organisationId, UUID id) {
        return handle.createQuery(COLUMNS + " WHERE organisation_id = :organisation AND id = :id")
                .bind("organisation", organisationId)
                .bind("id", id)
                .map((row, context) -> found(row).token())
                .findOne();
    }

    Optional<Found> findLive(Handle handle, String secretHash) {
        return handle.createQuery(COLUMNS + " WHERE token_hash = :hash AND revoked_at IS NULL")
                .bind("hash", secretHash)
                .map((row, context) -> found(row))
                .findOne();
    }

    void revoke(Handle handle, UUID organisationId, UUID id, Instant now) {
        handle.createUpdate(
                        """
                        UPDATE api_tokens SET revoked_at = :now
                        WHERE organisation_id = :organisation AND id = :id AND revoked_at IS NULL
                        """)
                .bind("now", now)
                .bind("organisation", organisationId)
                .bind("id", id)
                .execute();
    }

    private static Found found(java.sql.ResultSet row) throws java.sql.SQLException {
        OffsetDateTime revoked = row.getObject("revoked_at", OffsetDateTime.class);
        return new Found(
                row.getObject("organisation_id", UUID.class),
                new ApiToken(
                        row.getObject("id", UUID.class),
                        row.getString("name"),
                        Role.fromValue(row.getString("role")),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(revoked).map(OffsetDateTime::toInstant)));
    }
}
