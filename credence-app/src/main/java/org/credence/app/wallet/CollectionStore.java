package org.credence.app.wallet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for wallet collections. Every statement is filtered by the learner, so another learner's
 * collection is simply not found. Stateless and thread-safe.
 */
final class CollectionStore {

    private record Row(UUID id, String name, Instant createdAt, UUID entryId) {}

    List<WalletCollection> collections(Handle handle, UUID learnerId) {
        List<Row> rows =
                handle.createQuery(
                                """
                                SELECT c.id, c.name, c.created_at, i.entry_id
                                FROM wallet_collections c
                                LEFT JOIN wallet_collection_items i ON i.collection_id = c.id
                                WHERE c.learner_id = :learner
                                ORDER BY c.name, c.id, i.position
                                """)
                        .bind("learner", learnerId)
                        .map(
                                (row, context) ->
                                        new Row(
                                                row.getObject("id", UUID.class),
                                                row.getString("name"),
                                                LearnerStore.instant(row, "created_at"),
                                                row.getObject("entry_id", UUID.class)))
                        .list();
        Map<UUID, List<Row>> byCollection = new LinkedHashMap<>();
        for (Row row : rows) {
            byCollection.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row);
        }
        return byCollection.values().stream()
                .map(
                        group ->
                                new WalletCollection(
                                        group.get(0).id(),
                                        group.get(0).name(),
                                        group.stream()
                                                .map(Row::entryId)
                                                .filter(Objects::nonNull)
                                                .toList(),
                                        group.get(0).createdAt()))
                .toList();
    }

    Optional<WalletCollection> find(Handle handle, UUID learnerId, UUID collectionId) {
        return collections(handle, learnerId).stream()
                .filter(collection -> collection.id().equals(collectionId))
                .findFirst();
    }

    boolean nameTaken(Handle handle, UUID learnerId, String name, UUID except) {
        return handle.createQuery(
                                "SELECT COUNT(*) FROM wallet_collections WHERE learner_id = :learner"
                                        + " AND name = :name AND id <> :except")
                        .bind("learner", learnerId)
                        .bind("name", name)
                        .bind("except", except)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    void insert(Handle handle, UUID learnerId, UUID id, String name, Instant now) {
        handle.createUpdate(
                        "INSERT INTO wallet_collections (id, learner_id, name, created_at)"
                                + " VALUES (:id, :learner, :name, :now)")
                .bind("id", id)
                .bind("learner", learnerId)
                .bind("name", name)
                .bind("now", now)
                .execute();
    }

    boolean rename(Handle handle, UUID learnerId, UUID id, String name) {
        return handle.createUpdate(
                                "UPDATE wallet_collections SET name = :name"
                                        + " WHERE id = :id AND learner_id = :learner")
                        .bind("id", id)
                        .bind("learner", learnerId)
                        .bind("name", name)
                        .execute()
                == 1;
    }

    /**
     * Deletes the collection and its items (ON DELETE CASCADE); its share links are revoked first
     * and then lose their target (ON DELETE SET NULL), so they answer "no longer shared".
     */
    boolean delete(Handle handle, UUID learnerId, UUID id, Instant now) {
        handle.createUpdate(
                        "UPDATE wallet_shares SET revoked_at = :now WHERE collection_id = :id"
                                + " AND learner_id = :learner AND revoked_at IS NULL")
                .bind("id", id)
                .bind("learner", learnerId)
                .bind("now", now)
                .execute();
        return handle.createUpdate(
                                "DELETE FROM wallet_collections WHERE id = :id AND learner_id = :learner")
                        .bind("id", id)
                        .bind("learner", learnerId)
                        .execute()
                == 1;
    }

    /** Adds an item of a collection already checked to be the learner's; false if present. */
    boolean addItem(Handle handle, UUID collectionId, UUID entryId, Instant now) {
        boolean present =
                handle.createQuery(
                                        "SELECT COUNT(*) FROM wallet_collection_items"
                                                + " WHERE collection_id = :collection"
                                                + " AND entry_id = :entry")
                                .bind("collection", collectionId)
                                .bind("entry", entryId)
                                .mapTo(Long.class)
                                .one()
                        > 0;
        if (present) {
            return false;
        }
        int position =
                handle.createQuery(
                                "SELECT COALESCE(MAX(position), 0) + 1 FROM wallet_collection_items"
                                        + " WHERE collection_id = :collection")
                        .bind("collection", collectionId)
                        .mapTo(Integer.class)
                        .one();
        handle.createUpdate(
                        "INSERT INTO wallet_collection_items"
                                + " (collection_id, entry_id, position, added_at)"
                                + " VALUES (:collection, :entry, :position, :now)")
                .bind("collection", collectionId)
                .bind("position", position)
                .bind("entry", entryId)
                .bind("now", now)
                .execute();
        return true;
    }

    void removeItem(Handle handle, UUID collectionId, UUID entryId) {
        handle.createUpdate(
                        "DELETE FROM wallet_collection_items"
                                + " WHERE collection_id = :collection AND entry_id = :entry")
                .bind("collection", collectionId)
                .bind("entry", entryId)
                .execute();
    }
}
