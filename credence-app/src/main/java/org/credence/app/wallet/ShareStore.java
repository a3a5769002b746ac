package org.credence.app.wallet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * SQL for share links and the per-credential "show my name" choice. Everything but the lookup by
 * token hash is filtered by the learner. Stateless and thread-safe.
 */
final class ShareStore {

    private static final String COLUMNS =
            "SELECT id, learner_id, entry_id, collection_id, created_at, expires_at, revoked_at"
                    + " FROM wallet_shares";

    /** A share with its owner, as found by its token. */
    record Owned(UUID learnerId, WalletShare share) {}

    void insert(Handle handle, UUID learnerId, String tokenHash, WalletShare share) {
        // Only the columns that have a value are named: a NULL bind is typed as text on PostgreSQL.
        String target = share.entryId().isPresent() ? "entry_id" : "collection_id";
        boolean expires = share.expiresAt().isPresent();
        Update insert =
                handle.createUpdate(
                                "INSERT INTO wallet_shares (id, learner_id, token_hash, "
                                        + target
                                        + (expires ? ", expires_at" : "")
                                        + ", created_at) VALUES (:id, :learner, :hash, :target"
                                        + (expires ? ", :expires" : "")
                                        + ", :created)")
                        .bind("id", share.id())
                        .bind("learner", learnerId)
                        .bind("hash", tokenHash)
                        .bind("target", share.entryId().or(share::collectionId).orElseThrow())
                        .bind("created", share.createdAt());
        share.expiresAt().ifPresent(at -> insert.bind("expires", at));
        insert.execute();
    }

    Optional<Owned> byTokenHash(Handle handle, String tokenHash) {
        return handle.createQuery(COLUMNS + " WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(
                        (row, context) ->
                                new Owned(row.getObject("learner_id", UUID.class), share(row)))
                .findOne();
    }

    List<WalletShare> shares(Handle handle, UUID learnerId) {
        return handle.createQuery(COLUMNS + " WHERE learner_id = :learner ORDER BY created_at, id")
                .bind("learner", learnerId)
                .map((row, context) -> share(row))
                .list();
    }

    Optional<WalletShare> find(Handle handle, UUID learnerId, UUID shareId) {
        return handle.createQuery(COLUMNS + " WHERE id = :id AND learner_id = :learner")
                .bind("id", shareId)
                .bind("learner", learnerId)
                .map((row, context) -> share(row))
                .findOne();
    }

    void revoke(Handle handle, UUID learnerId, UUID shareId, Instant now) {
        handle.createUpdate(
                        "UPDATE wallet_shares SET revoked_at = :now"
                                + " WHERE id = :id AND learner_id = :learner AND revoked_at IS NULL")
                .bind("id", shareId)
                .bind("learner", learnerId)
                .bind("now", now)
                .execute();
    }

    String displayName(Handle handle, UUID learnerId) {
        return handle.createQuery("SELECT display_name FROM learners WHERE id = :learner")
                .bind("learner", learnerId)
                .mapTo(String.class)
                .one();
    }

    /**
     * Whether the name is shown: an issued credential's own {@code credentials.show_name} (the
     * public page's choice), an import's row in this learner's wallet.
     */
    boolean nameShown(Handle handle, UUID learnerId, WalletEntry entry) {
        String sql =
                entry.source() == CredentialSource.ISSUED
                        ? "SELECT show_name FROM credentials WHERE id = :id"
                        : "SELECT show_name FROM wallet_credentials"
                                + " WHERE id = :id AND learner_id = :learner";
        return handle.createQuery(sql)
                .bind("id", entry.id())
                .bind("learner", learnerId)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false);
    }

    /**
     * Sets the choice of a credential already checked to be in this learner's wallet. An issued
     * credential's choice is its public page's too, so it is changed only when the credential was
     * issued to one of the learner's verified addresses or DIDs (holding a claim link, or an
     * import, makes nobody its recipient).
     *
     * @return false when the credential was not issued to the learner's verified identifiers
     */
    boolean showName(Handle handle, UUID learnerId, WalletEntry entry, boolean show) {
        String sql =
                entry.source() == CredentialSource.ISSUED
                        ? """
                        UPDATE credentials SET show_name = :show
                        WHERE id = :id
                          AND (LOWER(recipient_email) IN (
                                   SELECT verified_value FROM learner_identifiers
                                   WHERE learner_id = :learner AND kind = 'email'
                                     AND verified_value IS NOT NULL)
                               OR recipient_identifier IN (
                                   SELECT verified_value FROM learner_identifiers
                                   WHERE learner_id = :learner AND kind = 'did'
                                     AND verified_value IS NOT NULL))
                        """
                        : "UPDATE wallet_credentials SET show_name = :show"
                                + " WHERE id = :id AND learner_id = :learner";
        return handle.createUpdate(sql)
                        .bind("id", entry.id())
                        .bind("learner", learnerId)
                        .bind("show", show)
                        .execute()
                == 1;
    }

    private static WalletShare share(ResultSet row) throws SQLException {
        return new WalletShare(
                row.getObject("id", UUID.class),
                Optional.ofNullable(row.getObject("entry_id", UUID.class)),
                Optional.ofNullable(row.getObject("collection_id", UUID.class)),
                LearnerStore.instant(row, "created_at"),
                Optional.ofNullable(LearnerStore.instant(row, "expires_at")),
                Optional.ofNullable(LearnerStore.instant(row, "revoked_at")));
    }
}
