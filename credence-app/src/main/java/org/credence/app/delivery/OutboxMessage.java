package org.credence.app.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An e-mail in the outbox, as stored.
 *
 * @param id the outbox id (also in the Message-ID)
 * @param organisationId whose e-mail; empty for the installation's own (learner codes)
 * @param credentialId the credential it delivers, if any
 * @param email what to send
 * @param state where it is
 * @param attempts how many sends were tried
 * @param nextAttemptAt when it is due (while queued)
 * @param sentAt when the SMTP server accepted it
 * @param messageId its Message-ID once sent
 * @param lastError why the last attempt failed, or why it bounced
 * @param createdAt when it was queued
 */
public record OutboxMessage(
        UUID id,
        Optional<UUID> organisationId,
        Optional<UUID> credentialId,
        EmailMessage email,
        OutboxState state,
        int attempts,
        Instant nextAttemptAt,
        Optional<Instant> sentAt,
        Optional<String> messageId,
        Optional<String> lastError,
        Instant createdAt) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
