package org.credence.app.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * SQL for the e-mail outbox. A sender claims a due message by moving its {@code next_attempt_at}
 * past the send timeout (and counting the attempt) under a row lock, so two senders never send the
 * same message at once. Stateless and thread-safe.
 */
final class OutboxStore {

    private static final String COLUMNS =
            "id, organisation_id, credential_id, to_address, subject, text, html, state,"
                    + " attempts, next_attempt_at, sent_at, message_id, last_error, created_at";

    private static final String INSERT =
            """
            INSERT INTO email_outbox (id, organisation_id, credential_id, to_address,
                subject, text, html, state, attempts, next_attempt_at, created_at)
            VALUES (:id, CAST(:organisation AS UUID), CAST(:credential AS UUID), :to, :subject,
                    :text, :html, 'queued', 0, :created, :created)
            """;

    void insert(Handle handle, OutboxMessage message) {
        bind(handle.createUpdate(INSERT), message).execute();
    }

    /** Queues many messages in one JDBC batch. */
    void insertAll(Handle handle, List<OutboxMessage> messages) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (OutboxMessage message : messages) {
            bind(batch, message).add();
        }
        batch.execute();
    }

    private static <T extends SqlStatement<T>> T bind(T statement, OutboxMessage message) {
        return statement
                .bind("id", message.id())
                .bindByType("organisation", message.organisationId().orElse(null), UUID.class)
                .bindByType("credential", message.credentialId().orElse(null), UUID.class)
                .bind("to", message.email().to())
                .bind("subject", message.email().subject())
                .bind("text", message.email().text())
                .bind("html", message.email().html())
                .bind("created", message.createdAt());
    }

    /** Due messages, oldest due first, locked; rows other senders hold are skipped. */
    List<UUID> lockDue(Handle handle, Instant now, int limit) {
        return handle.createQuery(
                        """
                        SELECT id FROM email_outbox
                        WHERE state = 'queued' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, created_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED
                        """)
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list();
    }

    /** Claims a due message until {@code until}; checked again under the row lock. */
    boolean claim(Handle handle, UUID id, Instant now, Instant until) {
        return handle.createUpdate(
                                """
                                UPDATE email_outbox
                                SET attempts = attempts + 1, next_attempt_at = :until
                                WHERE id = :id AND state = 'queued' AND next_attempt_at <= :now
                                """)
                        .bind("id", id)
                        .bind("now", now)
                        .bind("until", until)
                        .execute()
                == 1;
    }

    void markSent(Handle handle, UUID id, String messageId, Instant now) {
        handle.createUpdate(
                        """
                        UPDATE email_outbox
                        SET state = 'sent', sent_at = :now, message_id = :messageId,
                            last_error = NULL
                        WHERE id = :id AND state = 'queued'
                        """)
                .bind("id", id)
                .bind("messageId", messageId)
                .bind("now", now)
                .execute();
    }

    /**
     * Records a failed attempt: queued again at {@code retryAt}, or failed (then {@code retryAt}
     * only records when it was given up).
     */
    void markFailedAttempt(Handle handle, UUID id, String error, Instant retryAt, boolean retry) {
        handle.createUpdate(
                        """
                        UPDATE email_outbox
                        SET state = :state, last_error = :error, next_attempt_at = :retryAt
                        WHERE id = :id AND state = 'queued'
                        """)
                .bind("id", id)
                .bind("state", retry ? "queued" : "failed")
                .bind("error", truncate(error))
                .bind("retryAt", retryAt)
                .execute();
    }

    /** The message with that outbox id or Message-ID. */
    Optional<OutboxMessage> findByReference(Handle handle, Optional<UUID> id, String messageId) {
        return handle.createQuery(
                        "SELECT "
                                + COLUMNS
                                + " FROM email_outbox WHERE id = CAST(:id AS UUID)"
                                + " OR message_id = :messageId")
                .bindByType("id", id.orElse(null), UUID.class)
                .bind("messageId", messageId)
                .map((row, context) -> message(row))
                .findFirst();
    }

    void markBounced(Handle handle, UUID id, String reason) {
        handle.createUpdate(
                        "UPDATE email_outbox SET state = 'bounced', last_error = :reason"
                                + " WHERE id = :id")
                .bind("id", id)
                .bind("reason", truncate(reason))
                .execute();
    }

    Optional<OutboxMessage> find(Handle handle, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM email_outbox WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> message(row))
                .findOne();
    }

    /** A credential's messages, newest first. */
    List<OutboxMessage> forCredential(Handle handle, UUID organisationId, UUID credentialId) {
        return handle.createQuery(
                        "SELECT "
                                + COLUMNS
                                + " FROM email_outbox WHERE organisation_id = :organisation"
                                + " AND credential_id = :credential"
                                + " ORDER BY created_at DESC, attempts DESC")
                .bind("organisation", organisationId)
                .bind("credential", credentialId)
                .map((row, context) -> message(row))
                .list();
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static OutboxMessage message(ResultSet row) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new OutboxMessage(
                id,
                Optional.ofNullable(row.getObject("organisation_id", UUID.class)),
                Optional.ofNullable(row.getObject("credential_id", UUID.class)),
                new EmailMessage(
                        id,
                        row.getString("to_address"),
                        row.getString("subject"),
                        row.getString("text"),
                        row.getString("html")),
                OutboxState.fromValue(row.getString("state")),
                row.getInt("attempts"),
                instant(row, "next_attempt_at"),
                Optional.ofNullable(instant(row, "sent_at")),
                Optional.ofNullable(row.getString("message_id")),
                Optional.ofNullable(row.getString("last_error")),
                instant(row, "created_at"));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
