package org.credence.app.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for wallet offers (OpenID4VCI), their nonces and VC-API exchanges. Secrets are looked up by
 * their SHA-256 hash only; single use is enforced by conditional updates and deletes whose row
 * count says whether this caller won. Stateless and thread-safe.
 */
final class TransferStore {

    /** An offer redeemed for an access token that is still valid. */
    record RedeemedOffer(UUID credentialId, String configurationId) {}

    /** A VC-API exchange as stored. */
    record ExchangeRow(
            UUID credentialId,
            String challenge,
            Instant expiresAt,
            Optional<Instant> completedAt) {}

    void insertOffer(
            Handle handle,
            String offerHash,
            UUID credentialId,
            String configurationId,
            Instant now,
            Instant expires) {
        handle.createUpdate(
                        """
                        INSERT INTO wallet_offers (offer_hash, credential_id, configuration_id,
                            created_at, expires_at)
                        VALUES (:offer, :credential, :configuration, :now, :expires)
                        """)
                .bind("offer", offerHash)
                .bind("credential", credentialId)
                .bind("configuration", configurationId)
                .bind("now", now)
                .bind("expires", expires)
                .execute();
    }

    /** Sets a new pre-authorised code on a live, unredeemed offer; its configuration if so. */
    Optional<String> replaceCode(Handle handle, String offerHash, String codeHash, Instant now) {
        int updated =
                handle.createUpdate(
                                """
                                UPDATE wallet_offers SET code_hash = :code
                                WHERE offer_hash = :offer AND redeemed_at IS NULL
                                  AND expires_at > :now
                                """)
                        .bind("code", codeHash)
                        .bind("offer", offerHash)
                        .bind("now", now)
                        .execute();
        if (updated == 0) {
            return Optional.empty();
        }
        return handle.createQuery(
                        "SELECT configuration_id FROM wallet_offers WHERE offer_hash = :offer")
                .bind("offer", offerHash)
                .mapTo(String.class)
                .findOne();
    }

    /** Redeems a live code once for an access token: false when unknown, expired or used. */
    boolean redeem(
            Handle handle, String codeHash, String tokenHash, Instant tokenExpires, Instant now) {
        return handle.createUpdate(
                                """
                                UPDATE wallet_offers
                                SET redeemed_at = :now, token_hash = :token,
                                    token_expires_at = :tokenExpires
                                WHERE code_hash = :code AND redeemed_at IS NULL
                                  AND expires_at > :now
                                """)
                        .bind("now", now)
                        .bind("token", tokenHash)
                        .bind("tokenExpires", tokenExpires)
                        .bind("code", codeHash)
                        .execute()
                == 1;
    }

    Optional<RedeemedOffer> findByToken(Handle handle, String tokenHash, Instant now) {
        return handle.createQuery(
                        """
                        SELECT credential_id, configuration_id FROM wallet_offers
                        WHERE token_hash = :token AND token_expires_at > :now
                        """)
                .bind("token", tokenHash)
                .bind("now", now)
                .map(
                        (row, context) ->
                                new RedeemedOffer(
                                        row.getObject("credential_id", UUID.class),
                                        row.getString("configuration_id")))
                .findOne();
    }

    void markDelivered(Handle handle, String tokenHash, String holderId, Instant now) {
        handle.createUpdate(
                        """
                        UPDATE wallet_offers SET delivered_at = :now, holder_id = :holder
                        WHERE token_hash = :token
                        """)
                .bind("now", now)
                .bind("holder", holderId)
                .bind("token", tokenHash)
                .execute();
    }

    void insertNonce(Handle handle, String nonceHash, Instant now, Instant expires) {
        handle.createUpdate("DELETE FROM wallet_nonces WHERE expires_at <= :now")
                .bind("now", now)
                .execute();
        handle.createUpdate(
                        "INSERT INTO wallet_nonces (nonce_hash, expires_at) VALUES (:nonce, :expires)")
                .bind("nonce", nonceHash)
                .bind("expires", expires)
                .execute();
    }

    /** Uses a live nonce up: false when unknown, expired or already used. */
    boolean consumeNonce(Handle handle, String nonceHash, Instant now) {
        return handle.createUpdate(
                                "DELETE FROM wallet_nonces WHERE nonce_hash = :nonce"
                                        + " AND expires_at > :now")
                        .bind("nonce", nonceHash)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    void insertExchange(
            Handle handle,
            UUID id,
            UUID credentialId,
            String challenge,
            Instant now,
            Instant expires) {
        handle.createUpdate(
                        """
                        INSERT INTO wallet_exchanges (id, credential_id, challenge, created_at,
                            expires_at)
                        VALUES (:id, :credential, :challenge, :now, :expires)
                        """)
                .bind("id", id)
                .bind("credential", credentialId)
                .bind("challenge", challenge)
                .bind("now", now)
                .bind("expires", expires)
                .execute();
    }

    Optional<ExchangeRow> findExchange(Handle handle, UUID id) {
        return handle.createQuery(
                        """
                        SELECT credential_id, challenge, expires_at, completed_at
                        FROM wallet_exchanges WHERE id = :id
                        """)
                .bind("id", id)
                .map(
                        (row, context) ->
                                new ExchangeRow(
                                        row.getObject("credential_id", UUID.class),
                                        row.getString("challenge"),
                                        row.getObject("expires_at", OffsetDateTime.class)
                                                .toInstant(),
                                        Optional.ofNullable(
                                                        row.getObject(
                                                                "completed_at",
                                                                OffsetDateTime.class))
                                                .map(OffsetDateTime::toInstant)))
                .findOne();
    }

    /** Completes a live exchange once: false when it was completed meanwhile or expired. */
    boolean completeExchange(Handle handle, UUID id, String holderId, Instant now) {
        return handle.createUpdate(
                                """
                                UPDATE wallet_exchanges SET completed_at = :now, holder_id = :holder
                                WHERE id = :id AND completed_at IS NULL AND expires_at > :now
                                """)
                        .bind("now", now)
                        .bind("holder", holderId)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    Optional<UUID> organisationOf(Handle handle, UUID credentialId) {
        return handle.createQuery("SELECT organisation_id FROM credentials WHERE id = :id")
                .bind("id", credentialId)
                .mapTo(UUID.class)
                .findOne();
    }
}
