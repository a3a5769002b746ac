package org.credence.app.wallet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for learners, their sessions and identifiers. Every query about identifiers is filtered by
 * the learner. Methods run on the caller's handle (the services own the transactions). Stateless
 * and thread-safe.
 */
final class LearnerStore {

    /** A learner's sign-in data. */
    record Credentials(UUID learnerId, String passwordHash) {}

    /** A pending code as stored. */
    record PendingCode(
            String codeHash, Instant sentAt, Instant expiresAt, int attempts, boolean verified) {}

    /** A DID's pending challenge as stored. */
    record PendingChallenge(String challenge, Instant expiresAt, int attempts) {}

    /** Who a learner is: their sign-in address and name. */
    record Profile(String email, String displayName) {}

    private static final String IDENTIFIER_COLUMNS =
            "id, kind, identifier, verified_at, code_hash, challenge, code_expires_at";

    boolean emailTaken(Handle handle, String email) {
        return handle.createQuery("SELECT COUNT(*) FROM learners WHERE email = :email")
                        .bind("email", email)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    void insertLearner(
            Handle handle, UUID id, String email, String displayName, String hash, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO learners (id, email, display_name, password_hash, created_at)
                        VALUES (:id, :email, :name, :hash, :now)
                        """)
                .bind("id", id)
                .bind("email", email)
                .bind("name", displayName)
                .bind("hash", hash)
                .bind("now", now)
                .execute();
    }

    Optional<Credentials> credentials(Handle handle, String email) {
        return handle.createQuery("SELECT id, password_hash FROM learners WHERE email = :email")
                .bind("email", email)
                .map(
                        (row, context) ->
                                new Credentials(
                                        row.getObject("id", UUID.class),
                                        row.getString("password_hash")))
                .findOne();
    }

    Optional<Profile> profile(Handle handle, UUID learnerId) {
        return handle.createQuery("SELECT email, display_name FROM learners WHERE id = :id")
                .bind("id", learnerId)
                .map(
                        (row, context) ->
                                new Profile(row.getString("email"), row.getString("display_name")))
                .findOne();
    }

    Optional<String> passwordHash(Handle handle, UUID learnerId) {
        return handle.createQuery("SELECT password_hash FROM learners WHERE id = :id")
                .bind("id", learnerId)
                .mapTo(String.class)
                .findOne();
    }

    void updatePasswordHash(Handle handle, UUID learnerId, String hash) {
        handle.createUpdate("UPDATE learners SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash)
                .bind("id", learnerId)
                .execute();
    }

    void insertSession(
            Handle handle,
            String tokenHash,
            UUID learnerId,
            String csrf,
            Instant now,
            Instant end) {
        handle.createUpdate(
                        """
                        INSERT INTO learner_sessions
                            (token_hash, learner_id, csrf_token, created_at, expires_at)
                        VALUES (:hash, :learner, :csrf, :now, :expires)
                        """)
                .bind("hash", tokenHash)
                .bind("learner", learnerId)
                .bind("csrf", csrf)
                .bind("now", now)
                .bind("expires", end)
                .execute();
    }

    Optional<LearnerSession> session(Handle handle, String tokenHash, Instant now) {
        return handle.createQuery(
                        """
                        SELECT s.learner_id, l.email, l.display_name, s.csrf_token, s.expires_at
                        FROM learner_sessions s JOIN learners l ON l.id = s.learner_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now
                        """)
                .bind("hash", tokenHash)
                .bind("now", now)
                .map(
                        (row, context) ->
                                new LearnerSession(
                                        row.getObject("learner_id", UUID.class),
                                        row.getString("email"),
                                        row.getString("display_name"),
                                        row.getString("csrf_token"),
                                        instant(row, "expires_at")))
                .findOne();
    }

    void deleteSession(Handle handle, String tokenHash) {
        handle.createUpdate("DELETE FROM learner_sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .execute();
    }

    /** Ends all of a learner's sessions but the one with {@code keep}. */
    void deleteAllSessions(Handle handle, UUID learnerId, String keep) {
        handle.createUpdate(
                        "DELETE FROM learner_sessions WHERE learner_id = :learner"
                                + " AND token_hash <> :keep")
                .bind("learner", learnerId)
                .bind("keep", keep)
                .execute();
    }

    void deleteExpiredSessions(Handle handle, UUID learnerId, Instant now) {
        handle.createUpdate(
                        "DELETE FROM learner_sessions WHERE learner_id = :learner"
                                + " AND expires_at <= :now")
                .bind("learner", learnerId)
                .bind("now", now)
                .execute();
    }

    void insertIdentifier(
            Handle handle,
            UUID id,
            UUID learnerId,
            IdentifierKind kind,
            String value,
            Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO learner_identifiers (id, learner_id, kind, identifier, created_at)
                        VALUES (:id, :learner, :kind, :value, :now)
                        """)
                .bind("id", id)
                .bind("learner", learnerId)
                .bind("kind", kind.value())
                .bind("value", value)
                .bind("now", now)
                .execute();
    }

    boolean hasIdentifier(Handle handle, UUID learnerId, IdentifierKind kind, String value) {
        return handle.createQuery(
                                "SELECT COUNT(*) FROM learner_identifiers WHERE learner_id = :learner"
                                        + " AND kind = :kind AND identifier = :value")
                        .bind("learner", learnerId)
                        .bind("kind", kind.value())
                        .bind("value", value)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    /** Whether anyone has verified this identifier. */
    boolean verifiedByAnyone(Handle handle, IdentifierKind kind, String value) {
        return handle.createQuery(
                                "SELECT COUNT(*) FROM learner_identifiers WHERE kind = :kind"
                                        + " AND verified_value = :value")
                        .bind("kind", kind.value())
                        .bind("value", value)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    List<LearnerIdentifier> identifiers(Handle handle, UUID learnerId, Instant now) {
        return handle.createQuery(
                        "SELECT "
                                + IDENTIFIER_COLUMNS
                                + " FROM learner_identifiers WHERE learner_id = :learner"
                                + " ORDER BY created_at, identifier")
                .bind("learner", learnerId)
                .map((row, context) -> identifier(row, now))
                .list();
    }

    Optional<LearnerIdentifier> identifier(Handle handle, UUID learnerId, UUID id, Instant now) {
        return handle.createQuery(
                        "SELECT "
                                + IDENTIFIER_COLUMNS
                                + " FROM learner_identifiers WHERE learner_id = :learner"
                                + " AND id = :id")
                .bind("learner", learnerId)
                .bind("id", id)
                .map((row, context) -> identifier(row, now))
                .findOne();
    }

    /** The learner's verified e-mail addresses (lowercased). */
    List<String> verifiedEmails(Handle handle, UUID learnerId) {
        return verifiedValues(handle, learnerId, IdentifierKind.EMAIL);
    }

    /** The learner's verified addresses and DIDs. */
    VerifiedIdentifiers verified(Handle handle, UUID learnerId) {
        return new VerifiedIdentifiers(
                verifiedEmails(handle, learnerId),
                verifiedValues(handle, learnerId, IdentifierKind.DID));
    }

    /** The learner's verified identifiers of that kind. */
    List<String> verifiedValues(Handle handle, UUID learnerId, IdentifierKind kind) {
        return handle.createQuery(
                        "SELECT verified_value FROM learner_identifiers WHERE learner_id = :learner"
                                + " AND kind = :kind AND verified_value IS NOT NULL")
                .bind("learner", learnerId)
                .bind("kind", kind.value())
                .mapTo(String.class)
                .list();
    }

    /** The pending code of the learner's identifier, locked for the attempt. */
    Optional<PendingCode> lockCode(Handle handle, UUID learnerId, UUID id) {
        return handle.createQuery(
                        """
                        SELECT code_hash, code_sent_at, code_expires_at, code_attempts, verified_at
                        FROM learner_identifiers
                        WHERE learner_id = :learner AND id = :id AND code_hash IS NOT NULL
                        FOR UPDATE
                        """)
                .bind("learner", learnerId)
                .bind("id", id)
                .map(
                        (row, context) ->
                                new PendingCode(
                                        row.getString("code_hash"),
                                        instant(row, "code_sent_at"),
                                        instant(row, "code_expires_at"),
                                        row.getInt("code_attempts"),
                                        row.getObject("verified_at") != null))
                .findOne();
    }

    void setCode(Handle handle, UUID id, String codeHash, Instant now, Instant expires) {
        handle.createUpdate(
                        """
                        UPDATE learner_identifiers
                        SET code_hash = :hash, code_sent_at = :now, code_expires_at = :expires,
                            code_attempts = 0
                        WHERE id = :id
                        """)
                .bind("hash", codeHash)
                .bind("now", now)
                .bind("expires", expires)
                .bind("id", id)
                .execute();
    }

    /** The pending challenge of the learner's DID, locked for the attempt. */
    Optional<PendingChallenge> lockChallenge(Handle handle, UUID learnerId, UUID id) {
        return handle.createQuery(
                        """
                        SELECT challenge, code_expires_at, code_attempts
                        FROM learner_identifiers
                        WHERE learner_id = :learner AND id = :id AND challenge IS NOT NULL
                        FOR UPDATE
                        """)
                .bind("learner", learnerId)
                .bind("id", id)
                .map(
                        (row, context) ->
                                new PendingChallenge(
                                        row.getString("challenge"),
                                        instant(row, "code_expires_at"),
                                        row.getInt("code_attempts")))
                .findOne();
    }

    /** When the identifier's current code or challenge was made, locked for a resend. */
    Optional<Instant> lockSentAt(Handle handle, UUID learnerId, UUID id) {
        return handle.createQuery(
                        """
                        SELECT code_sent_at FROM learner_identifiers
                        WHERE learner_id = :learner AND id = :id AND code_sent_at IS NOT NULL
                        FOR UPDATE
                        """)
                .bind("learner", learnerId)
                .bind("id", id)
                .map((row, context) -> instant(row, "code_sent_at"))
                .findOne();
    }

    /** Gives the DID a new challenge; the old one stops working. */
    void setChallenge(Handle handle, UUID id, String challenge, Instant now, Instant expires) {
        handle.createUpdate(
                        """
                        UPDATE learner_identifiers
                        SET challenge = :challenge, code_sent_at = :now, code_expires_at = :expires,
                            code_attempts = 0
                        WHERE id = :id
                        """)
                .bind("challenge", challenge)
                .bind("now", now)
                .bind("expires", expires)
                .bind("id", id)
                .execute();
    }

    void countAttempt(Handle handle, UUID id) {
        handle.createUpdate(
                        "UPDATE learner_identifiers SET code_attempts = code_attempts + 1"
                                + " WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    /** Marks the identifier verified and forgets its code or challenge (used once). */
    void markVerified(Handle handle, UUID id, Instant now) {
        handle.createUpdate(
                        """
                        UPDATE learner_identifiers
                        SET verified_value = identifier, verified_at = :now, code_hash = NULL,
                            challenge = NULL, code_sent_at = NULL, code_expires_at = NULL, code_attempts = 0
                        WHERE id = :id
                        """)
                .bind("now", now)
                .bind("id", id)
                .execute();
    }

    /** The learner's identifier of that kind and value, verified or not. */
    Optional<UUID> identifierId(Handle handle, UUID learnerId, IdentifierKind kind, String value) {
        return handle.createQuery(
                        "SELECT id FROM learner_identifiers WHERE learner_id = :learner"
                                + " AND kind = :kind AND identifier = :value")
                .bind("learner", learnerId)
                .bind("kind", kind.value())
                .bind("value", value)
                .mapTo(UUID.class)
                .findOne();
    }

    void deleteIdentifier(Handle handle, UUID learnerId, UUID id) {
        handle.createUpdate(
                        "DELETE FROM learner_identifiers WHERE learner_id = :learner AND id = :id")
                .bind("learner", learnerId)
                .bind("id", id)
                .execute();
    }

    private static LearnerIdentifier identifier(ResultSet row, Instant now) throws SQLException {
        Instant expires = instant(row, "code_expires_at");
        boolean live = expires != null && expires.isAfter(now);
        Optional<String> challenge =
                Optional.ofNullable(row.getString("challenge")).filter(value -> live);
        return new LearnerIdentifier(
                row.getObject("id", UUID.class),
                IdentifierKind.fromValue(row.getString("kind")),
                row.getString("identifier"),
                Optional.ofNullable(instant(row, "verified_at")),
                live && (row.getString("code_hash") != null || challenge.isPresent()),
                challenge);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
