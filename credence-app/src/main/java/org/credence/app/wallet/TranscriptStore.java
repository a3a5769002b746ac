package org.credence.app.wallet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the transcripts kept in learners' wallets; every query is filtered by the learner.
 * Stateless and thread-safe.
 */
final class TranscriptStore {

    private static final String COLUMNS = "id, name, credential_count, created_at, document";

    void insert(Handle handle, UUID learnerId, WalletTranscript transcript) {
        handle.createUpdate(
                        """
                        INSERT INTO wallet_transcripts
                            (id, learner_id, name, document, credential_count, created_at)
                        VALUES (:id, :learner, :name, :document, :count, :created)
                        """)
                .bind("id", transcript.id())
                .bind("learner", learnerId)
                .bind("name", transcript.name())
                .bind("document", transcript.document())
                .bind("count", transcript.credentialCount())
                .bind("created", transcript.createdAt())
                .execute();
    }

    /** The learner's transcripts, newest first. */
    List<WalletTranscript> list(Handle handle, UUID learnerId) {
        return handle.createQuery(
                        "SELECT "
                                + COLUMNS
                                + " FROM wallet_transcripts WHERE learner_id = :learner"
                                + " ORDER BY created_at DESC, id")
                .bind("learner", learnerId)
                .map((row, context) -> transcript(row))
                .list();
    }

    /** The ids of the learner's transcripts, newest first (an export reads them one by one). */
    List<UUID> ids(Handle handle, UUID learnerId) {
        return handle.createQuery(
                        "SELECT id FROM wallet_transcripts WHERE learner_id = :learner"
                                + " ORDER BY created_at DESC, id")
                .bind("learner", learnerId)
                .mapTo(UUID.class)
                .list();
    }

    Optional<WalletTranscript> find(Handle handle, UUID learnerId, UUID id) {
        return handle.createQuery(
                        "SELECT "
                                + COLUMNS
                                + " FROM wallet_transcripts WHERE learner_id = :learner"
                                + " AND id = :id")
                .bind("learner", learnerId)
                .bind("id", id)
                .map((row, context) -> transcript(row))
                .findOne();
    }

    private static WalletTranscript transcript(ResultSet row) throws SQLException {
        return new WalletTranscript(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getInt("credential_count"),
                LearnerStore.instant(row, "created_at"),
                row.getString("document"));
    }
}
