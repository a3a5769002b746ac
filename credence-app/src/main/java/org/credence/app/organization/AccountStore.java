package org.credence.app.organization;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for organisations, people and sessions. Methods run on the caller's handle (the services own
 * the transactions). Stateless and thread-safe.
 */
final class AccountStore {

    /** A person's sign-in data. */
    record Credentials(UUID userId, String passwordHash) {}

    boolean slugTaken(Handle handle, String slug) {
        return handle.createQuery("SELECT COUNT(*) FROM organisations WHERE slug = :slug")
                        .bind("slug", slug)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    void insertOrganisation(Handle handle, UUID id, String slug, String name, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO organisations (id, slug, name, created_at)
                        VALUES (:id, :slug, :name, :now)
                        """)
                .bind("id", id)
                .bind("slug", slug)
                .bind("name", name)
                .bind("now", now)
                .execute();
    }

    /** Locks the organisation's row for membership changes (the last-owner rule). */
    boolean lockOrganisation(Handle handle, UUID organisationId) {
        return handle.createQuery("SELECT id FROM organisations WHERE id = :id FOR UPDATE")
                .bind("id", organisationId)
                .mapTo(UUID.class)
                .findOne()
                .isPresent();
    }

    Optional<String> organisationName(Handle handle, UUID organisationId) {
        return handle.createQuery("SELECT name FROM organisations WHERE id = :id")
                .bind("id", organisationId)
                .mapTo(String.class)
                .findOne();
    }

    void insertUser(
            Handle handle, UUID id, String email, String displayName, String hash, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO users (id, email, display_name, password_hash, created_at)
                        VALUES (:id, :email, :name, :hash, :now)
                        """)
                .bind("id", id)
                .bind("email", email)
                .bind("name", displayName)
                .bind("hash", hash)
                .bind("now", now)
                .execute();
    }

    Optional<UUID> userId(Handle handle, String email) {
        return handle.createQuery("SELECT id FROM users WHERE email = :email")
                .bind("email", email)
                .mapTo(UUID.class)
                .findOne();
    }

    Optional<Credentials> credentials(Handle handle, String email) {
        return handle.createQuery("SELECT id, password_hash FROM users WHERE email = :email")
                .bind("email", email)
                .map(
                        (row, context) ->
                                new Credentials(
                                        row.getObject("id", UUID.class),
                                        row.getString("password_hash")))
                .findOne();
    }

    void updatePasswordHash(Handle handle, UUID userId, String hash) {
        handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash)
                .bind("id", userId)
                .execute();
    }

    /** The organisation a person signs in to: their oldest membership. */
    Optional<UUID> firstOrganisation(Handle handle, UUID userId) {
        return handle.createQuery(
                        """
                        SELECT organisation_id FROM memberships WHERE user_id = :user
                        ORDER BY created_at, organisation_id
                        LIMIT 1
                        """)
                .bind("user", userId)
                .mapTo(UUID.class)
                .findOne();
    }

    void insertSession(
            Handle handle, String tokenHash, UUID userId, UUID organisationId, SessionTimes times) {
        handle.createUpdate(
                        """
                        INSERT INTO sessions
                            (token_hash, user_id, organisation_id, csrf_token, created_at, expires_at)
                        VALUES (:hash, :user, :organisation, :csrf, :now, :expires)
                        """)
                .bind("hash", tokenHash)
                .bind("user", userId)
                .bind("organisation", organisationId)
                .bind("csrf", times.csrfToken())
                .bind("now", times.createdAt())
                .bind("expires", times.expiresAt())
                .execute();
    }

    /** A new session's CSRF token and times. */
    record SessionTimes(String csrfToken, Instant createdAt, Instant expiresAt) {}

    /** The live session with that token hash, with the member's current role. */
    Optional<Session> session(Handle handle, String tokenHash, Instant now) {
        return handle.createQuery(
                        """
                        SELECT s.user_id, u.email, u.display_name, s.organisation_id,
                               o.name AS organisation_name, m.role, s.csrf_token, s.expires_at
                        FROM sessions s
                        JOIN users u ON u.id = s.user_id
                        JOIN memberships m
                            ON m.user_id = s.user_id AND m.organisation_id = s.organisation_id
                        JOIN organisations o ON o.id = s.organisation_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now
                        """)
                .bind("hash", tokenHash)
                .bind("now", now)
                .map(
                        (row, context) ->
                                new Session(
                                        row.getObject("user_id", UUID.class),
                                        row.getString("email"),
                                        row.getString("display_name"),
                                        row.getObject("organisation_id", UUID.class),
                                        row.getString("organisation_name"),
                                        Role.fromValue(row.getString("role")),
                                        row.getString("csrf_token"),
                                        row.getObject("expires_at", OffsetDateTime.class)
                                                .toInstant()))
                .findOne();
    }

    void deleteSession(Handle handle, String tokenHash) {
        handle.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute();
    }

    void deleteExpiredSessions(Handle handle, UUID userId, Instant now) {
        handle.createUpdate("DELETE FROM sessions WHERE user_id = :user AND expires_at <= :now")
                .bind("user", userId)
                .bind("now", now)
                .execute();
    }

    /** Ends a person's sessions for one organisation (they were removed from it). */
    void deleteSessions(Handle handle, UUID userId, UUID organisationId) {
        handle.createUpdate(
                        "DELETE FROM sessions WHERE user_id = :user AND organisation_id = :organisation")
                .bind("user", userId)
                .bind("organisation", organisationId)
                .execute();
    }

    /** Makes a session act for another organisation (the person just joined it). */
    void switchSession(Handle handle, String tokenHash, UUID organisationId) {
        handle.createUpdate(
                        "UPDATE sessions SET organisation_id = :organisation WHERE token_hash = :hash")
                .bind("organisation", organisationId)
                .bind("hash", tokenHash)
                .execute();
    }

    Optional<String> email(Handle handle, UUID userId) {
        return handle.createQuery("SELECT email FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne();
    }

    Optional<String> passwordHash(Handle handle, UUID userId) {
        return handle.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne();
    }

    /** Ends all of a person's sessions, in every organisation, but the one with {@code keep}. */
    void deleteAllSessions(Handle handle, UUID userId, String keep) {
        handle.createUpdate("DELETE FROM sessions WHERE user_id = :user AND token_hash <> :keep")
                .bind("user", userId)
                .bind("keep", keep)
                .execute();
    }
}
