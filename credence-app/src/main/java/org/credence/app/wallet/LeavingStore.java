package org.credence.app.wallet;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for learners leaving: erasing a learner with everything that is theirs, and moving one
 * learner's things to another when two accounts merge. Every table that holds a learner's rows is
 * named here and only here, in {@link #LEARNER_TABLES}: a feature that adds one (share links,
 * collections) adds it to that list. Stateless and thread-safe.
 */
final class LeavingStore {

    /**
     * The tables with a {@code learner_id}, children first: erasing deletes from each in this
     * order, then the {@code learners} row. Claims recorded for issuers ({@code claims}) name no
     * learner and stay: they are the issuer's record.
     */
    static final List<String> LEARNER_TABLES =
            List.of(
                    "wallet_shares",
                    "wallet_collections",
                    "wallet_transcripts",
                    "wallet_credentials",
                    "learner_sessions",
                    "learner_identifiers");

    /** How much moved in a merge. */
    record Moved(int identifiers, int credentials, int transcripts) {}

    /** Deletes the learner and every row of theirs. */
    void erase(Handle handle, UUID learnerId) {
        for (String table : LEARNER_TABLES) {
            handle.createUpdate("DELETE FROM " + table + " WHERE learner_id = :learner")
                    .bind("learner", learnerId)
                    .execute();
        }
        handle.createUpdate("DELETE FROM learners WHERE id = :learner")
                .bind("learner", learnerId)
                .execute();
    }

    /**
     * Moves {@code source}'s verified identifiers, wallet credentials and transcripts to {@code
     * target}, leaving out what {@code target} has already (the same issued credential, an import
     * of the same document); the caller then erases {@code source}.
     */
    Moved merge(Handle handle, UUID target, UUID source) {
        // The target's unverified copy of an address the source verified gives way to it.
        handle.createUpdate(
                        """
                        DELETE FROM learner_identifiers
                        WHERE learner_id = :target AND verified_value IS NULL
                        AND EXISTS (SELECT 1 FROM learner_identifiers s
                            WHERE s.learner_id = :source AND s.verified_value IS NOT NULL
                            AND s.kind = learner_identifiers.kind
                            AND s.identifier = learner_identifiers.identifier)
                        """)
                .bind("target", target)
                .bind("source", source)
                .execute();
        int identifiers =
                move(handle, "learner_identifiers", "verified_value IS NOT NULL", target, source);
        handle.createUpdate(
                        """
                        DELETE FROM wallet_credentials
                        WHERE learner_id = :source AND credential_id IN
                            (SELECT t.credential_id FROM wallet_credentials t
                             WHERE t.learner_id = :target AND t.credential_id IS NOT NULL)
                        """)
                .bind("target", target)
                .bind("source", source)
                .execute();
        deleteDuplicateImports(handle, target, source);
        int credentials = move(handle, "wallet_credentials", "TRUE", target, source);
        int transcripts = move(handle, "wallet_transcripts", "TRUE", target, source);
        // Collections keep their names, unique per learner: a clash gets the source's suffix.
        handle.createUpdate(
                        """
                        UPDATE wallet_collections SET name = name || ' (merged)'
                        WHERE learner_id = :source AND name IN
                            (SELECT t.name FROM wallet_collections t WHERE t.learner_id = :target)
                        """)
                .bind("target", target)
                .bind("source", source)
                .execute();
        move(handle, "wallet_collections", "TRUE", target, source);
        // Share links keep working: what they show is resolved against the new owner's wallet.
        move(handle, "wallet_shares", "TRUE", target, source);
        return new Moved(identifiers, credentials, transcripts);
    }

    /**
     * Imports of the same document are duplicates: the first is kept, and the collection items and
     * share links naming a duplicate are pointed at the kept one before it goes (an item the
     * collection already holds is dropped), so they keep showing the credential. Compared here
     * rather than in SQL: documents are large text columns, which H2 does not compare.
     */
    private static void deleteDuplicateImports(Handle handle, UUID target, UUID source) {
        Map<String, UUID> kept = new HashMap<>();
        importedDocuments(handle, target).forEach((id, document) -> kept.putIfAbsent(document, id));
        for (var imported : importedDocuments(handle, source).entrySet()) {
            UUID keptId = kept.putIfAbsent(imported.getValue(), imported.getKey());
            if (keptId != null) {
                repoint(handle, imported.getKey(), keptId);
                handle.createUpdate("DELETE FROM wallet_credentials WHERE id = :id")
                        .bind("id", imported.getKey())
                        .execute();
            }
        }
    }

    /** Points what names the wallet entry {@code from} at {@code to}. */
    private static void repoint(Handle handle, UUID from, UUID to) {
        handle.createUpdate(
                        """
                        DELETE FROM wallet_collection_items
                        WHERE entry_id = :from AND collection_id IN
                            (SELECT k.collection_id FROM wallet_collection_items k
                             WHERE k.entry_id = :to)
                        """)
                .bind("from", from)
                .bind("to", to)
                .execute();
        for (String table : new String[] {"wallet_collection_items", "wallet_shares"}) {
            handle.createUpdate("UPDATE " + table + " SET entry_id = :to WHERE entry_id = :from")
                    .bind("from", from)
                    .bind("to", to)
                    .execute();
        }
    }

    private static Map<UUID, String> importedDocuments(Handle handle, UUID learnerId) {
        Map<UUID, String> documents = new LinkedHashMap<>();
        handle.createQuery(
                        "SELECT id, document FROM wallet_credentials"
                                + " WHERE learner_id = :learner AND source = 'imported'"
                                + " ORDER BY added_at, id")
                .bind("learner", learnerId)
                .map(
                        (row, context) ->
                                Map.entry(
                                        row.getObject("id", UUID.class), row.getString("document")))
                .forEach(entry -> documents.put(entry.getKey(), entry.getValue()));
        return documents;
    }

    private static int move(
            Handle handle, String table, String condition, UUID target, UUID source) {
        return handle.createUpdate(
                        "UPDATE "
                                + table
                                + " SET learner_id = :target WHERE learner_id = :source AND "
                                + condition)
                .bind("target", target)
                .bind("source", source)
                .execute();
    }
}
