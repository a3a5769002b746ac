package org.credence.app.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for what each credential's e-mail was built from and for claim tokens (stored as SHA-256
 * hashes). Queries for the issuer are filtered by organisation; the token lookup is not (a claim
 * link is the recipient's proof). Stateless and thread-safe.
 */
final class ClaimStore {

    private static final String LATEST_STATE =
            """
            (SELECT o.state FROM email_outbox o
             WHERE o.credential_id = d.credential_id
             ORDER BY o.created_at DESC, o.attempts DESC LIMIT 1)
            """;

    private static final String CLAIMED =
            "EXISTS (SELECT 1 FROM claim_tokens c WHERE c.credential_id = d.credential_id"
                    + " AND c.claimed_at IS NOT NULL)";

    /** Revoked or suspended: nothing to claim, remind of or resend. */
    private static final String WITHDRAWN =
            "EXISTS (SELECT 1 FROM credentials w WHERE w.id = d.credential_id"
                    + " AND (w.revoked_at IS NOT NULL OR w.suspended))";

    /** Whether a credential is revoked or suspended now, if it exists. */
    Optional<Withdrawal> withdrawal(Handle handle, UUID credentialId) {
        return handle.createQuery(
                        "SELECT revoked_at, suspended FROM credentials WHERE id = :credential")
                .bind("credential", credentialId)
                .map(
                        (row, context) ->
                                OutboxStore.instant(row, "revoked_at") != null
                                        ? Withdrawal.REVOKED
                                        : row.getBoolean("suspended")
                                                ? Withdrawal.SUSPENDED
                                                : Withdrawal.NONE)
                .findOne();
    }

    /** Where a credential stands for delivery: withdrawn by its issuer or not. */
    enum Withdrawal {
        NONE,
        REVOKED,
        SUSPENDED
    }

    /**
     * Whom to tell of a status change and what about: the credential's recipient address (empty for
     * a DID or URL recipient), their name, the achievement and the issuer.
     */
    Optional<StatusRecipient> statusRecipient(
            Handle handle, UUID organisationId, UUID credentialId) {
        return handle.createQuery(
                        """
                        SELECT c.recipient_email, c.recipient_name, i.name AS issuer_name,
                            COALESCE(v.name, c.provided_achievement_name) AS achievement_name
                        FROM credentials c
                        JOIN issuers i ON i.id = c.issuer_id
                        LEFT JOIN achievement_versions v
                          ON v.achievement_id = c.achievement_id
                         AND v.version = c.achievement_version
                        WHERE c.id = :credential AND c.organisation_id = :organisation
                          AND c.recipient_email IS NOT NULL
                          AND EXISTS (SELECT 1 FROM credential_deliveries d
                                      WHERE d.credential_id = c.id)
                        """)
                .bind("credential", credentialId)
                .bind("organisation", organisationId)
                .map(
                        (row, context) ->
                                new StatusRecipient(
                                        row.getString("recipient_email"),
                                        Optional.ofNullable(row.getString("recipient_name"))
                                                .filter(name -> !name.isBlank()),
                                        Optional.ofNullable(row.getString("achievement_name"))
                                                .orElse("your credential"),
                                        row.getString("issuer_name")))
                .findOne();
    }

    /** The recipient of a status e-mail and what the e-mail names. */
    record StatusRecipient(
            String email, Optional<String> name, String achievementName, String issuerName) {}

    /** Records what the credential's e-mail is built from, unless it already was. */
    void insertDelivery(Handle handle, CredentialEmail email, Instant now) {
        boolean known =
                handle.createQuery(
                                        "SELECT COUNT(*) FROM credential_deliveries"
                                                + " WHERE credential_id = :credential")
                                .bind("credential", email.credentialId())
                                .mapTo(Long.class)
                                .one()
                        > 0;
        if (known) {
            return;
        }
        handle.createUpdate(
                        """
                        INSERT INTO credential_deliveries (credential_id, organisation_id,
                            to_address, recipient_name, achievement_name, issuer_name, base_url,
                            created_at)
                        VALUES (:credential, :organisation, :to, :recipient, :achievement,
                                :issuer, :baseUrl, :now)
                        """)
                .bind("credential", email.credentialId())
                .bind("organisation", email.organisationId())
                .bind("to", email.email())
                .bind("recipient", email.recipientName())
                .bind("achievement", email.achievementName())
                .bind("issuer", email.issuerName())
                .bind("baseUrl", email.baseUrl())
                .bind("now", now)
                .execute();
    }

    Optional<CredentialEmail> findDelivery(Handle handle, UUID organisationId, UUID credentialId) {
        return handle.createQuery(
                        """
                        SELECT organisation_id, credential_id, to_address, recipient_name,
                               achievement_name, issuer_name, base_url
                        FROM credential_deliveries
                        WHERE organisation_id = :organisation AND credential_id = :credential
                        """)
                .bind("organisation", organisationId)
                .bind("credential", credentialId)
                .map(
                        (row, context) ->
                                new CredentialEmail(
                                        row.getObject("organisation_id", UUID.class),
                                        row.getObject("credential_id", UUID.class),
                                        row.getString("to_address"),
                                        row.getString("recipient_name"),
                                        row.getString("achievement_name"),
                                        row.getString("issuer_name"),
                                        row.getString("base_url")))
                .findOne();
    }

    /** {@link #insertDelivery} for many e-mails, in one JDBC batch. */
    void insertDeliveries(Handle handle, List<CredentialEmail> emails, Instant now) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO credential_deliveries (credential_id, organisation_id,
                            to_address, recipient_name, achievement_name, issuer_name, base_url,
                            created_at)
                        SELECT :credential, :organisation, :to, :recipient, :achievement,
                            :issuer, :baseUrl, :now
                        WHERE NOT EXISTS (SELECT 1 FROM credential_deliveries
                                          WHERE credential_id = :credential)
                        """);
        for (CredentialEmail email : emails) {
            batch.bind("credential", email.credentialId())
                    .bind("organisation", email.organisationId())
                    .bind("to", email.email())
                    .bind("recipient", email.recipientName())
                    .bind("achievement", email.achievementName())
                    .bind("issuer", email.issuerName())
                    .bind("baseUrl", email.baseUrl())
                    .bind("now", now)
                    .add();
        }
        batch.execute();
    }

    /** Claim tokens for many e-mails (the hashes in the same order), in one JDBC batch. */
    void insertTokens(
            Handle handle,
            List<String> hashes,
            List<CredentialEmail> emails,
            Instant now,
            Instant expires) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO claim_tokens (token_hash, credential_id, created_at, expires_at)
                        VALUES (:hash, :credential, :now, :expires)
                        """);
        for (int i = 0; i < hashes.size(); i++) {
            batch.bind("hash", hashes.get(i))
                    .bind("credential", emails.get(i).credentialId())
                    .bind("now", now)
                    .bind("expires", expires)
                    .add();
        }
        batch.execute();
    }

    void insertToken(Handle handle, String hash, UUID credentialId, Instant now, Instant expires) {
        handle.createUpdate(
                        """
                        INSERT INTO claim_tokens (token_hash, credential_id, created_at, expires_at)
                        VALUES (:hash, :credential, :now, :expires)
                        """)
                .bind("hash", hash)
                .bind("credential", credentialId)
                .bind("now", now)
                .bind("expires", expires)
                .execute();
    }

    Optional<ClaimToken> findToken(Handle handle, String hash) {
        return handle.createQuery(
                        """
                        SELECT c.credential_id, d.organisation_id, d.to_address, c.expires_at,
                               c.claimed_at
                        FROM claim_tokens c
                        JOIN credential_deliveries d ON d.credential_id = c.credential_id
                        WHERE c.token_hash = :hash
                        """)
                .bind("hash", hash)
                .map(
                        (row, context) ->
                                new ClaimToken(
                                        row.getObject("credential_id", UUID.class),
                                        row.getObject("organisation_id", UUID.class),
                                        row.getString("to_address"),
                                        OutboxStore.instant(row, "expires_at"),
                                        Optional.ofNullable(
                                                OutboxStore.instant(row, "claimed_at"))))
                .findOne();
    }

    /** Marks the token claimed; false when it already was. */
    boolean markClaimed(Handle handle, String hash, Instant now) {
        return handle.createUpdate(
                                "UPDATE claim_tokens SET claimed_at = :now"
                                        + " WHERE token_hash = :hash AND claimed_at IS NULL")
                        .bind("hash", hash)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    Optional<Instant> firstClaim(Handle handle, UUID credentialId) {
        return handle.createQuery(
                        "SELECT MIN(claimed_at) AS first FROM claim_tokens"
                                + " WHERE credential_id = :credential")
                .bind("credential", credentialId)
                .map((row, context) -> Optional.ofNullable(OutboxStore.instant(row, "first")))
                .one();
    }

    /** Every credential of the organisation with whether it was claimed and its latest e-mail. */
    List<CredentialProgress> progress(Handle handle, UUID organisationId) {
        return handle.createQuery(
                        "SELECT d.credential_id, "
                                + CLAIMED
                                + " AS claimed, "
                                + LATEST_STATE
                                + " AS latest FROM credential_deliveries d"
                                + " WHERE d.organisation_id = :organisation")
                .bind("organisation", organisationId)
                .map(ClaimStore::progressRow)
                .list();
    }

    /** Like {@link #progress}, for the listed credentials of the organisation only. */
    List<CredentialProgress> progressOf(
            Handle handle, UUID organisationId, List<UUID> credentialIds) {
        return handle.createQuery(
                        "SELECT d.credential_id, "
                                + CLAIMED
                                + " AS claimed, "
                                + LATEST_STATE
                                + " AS latest FROM credential_deliveries d"
                                + " WHERE d.organisation_id = :organisation"
                                + " AND d.credential_id IN (<ids>)")
                .bind("organisation", organisationId)
                .bindList("ids", credentialIds)
                .map(ClaimStore::progressRow)
                .list();
    }

    /** Credentials whose e-mail was sent before {@code cutoff} and that nobody claimed. */
    List<UUID> unclaimed(Handle handle, UUID organisationId, Instant cutoff) {
        return handle.createQuery(
                        "SELECT d.credential_id FROM credential_deliveries d"
                                + " WHERE d.organisation_id = :organisation"
                                + " AND EXISTS (SELECT 1 FROM email_outbox o"
                                + "   WHERE o.credential_id = d.credential_id"
                                + "   AND o.state = 'sent' AND o.sent_at <= :cutoff)"
                                + " AND NOT "
                                + CLAIMED
                                + " AND NOT "
                                + WITHDRAWN
                                + " ORDER BY d.created_at, d.credential_id")
                .bind("organisation", organisationId)
                .bind("cutoff", cutoff)
                .mapTo(UUID.class)
                .list();
    }

    private static CredentialProgress progressRow(ResultSet row, StatementContext context)
            throws SQLException {
        return new CredentialProgress(
                row.getObject("credential_id", UUID.class),
                row.getBoolean("claimed"),
                Optional.ofNullable(row.getString("latest")).map(OutboxState::fromValue));
    }

    /** A claim token as stored, with the organisation of its credential. */
    record ClaimToken(
            UUID credentialId,
            UUID organisationId,
            String email,
            Instant expiresAt,
            Optional<Instant> claimedAt) {}

    /** A credential's claim flag and latest e-mail state, from which its delivery state follows. */
    record CredentialProgress(UUID credentialId, boolean claimed, Optional<OutboxState> latest) {

        DeliveryState state() {
            if (claimed) {
                return DeliveryState.CLAIMED;
            }
            return switch (latest.orElse(OutboxState.QUEUED)) {
                case QUEUED -> DeliveryState.ISSUED;
                case SENT -> DeliveryState.DELIVERED;
                case BOUNCED -> DeliveryState.BOUNCED;
                case FAILED -> DeliveryState.FAILED;
            };
        }
    }
}
