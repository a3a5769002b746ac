package org.credence.app.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for status lists, index reservations and the status columns of credentials. Methods run on
 * the caller's handle; queries by credential are filtered by organisation. Stateless and
 * thread-safe.
 */
final class StatusListStore {

    /** A status list row. */
    record ListRow(UUID id, UUID organisationId, UUID issuerId, int length, long version) {}

    /** A credential's status columns. */
    record CredentialStatusRow(
            UUID listId,
            boolean revoked,
            boolean suspended,
            boolean suspendable,
            boolean revocable) {}

    Optional<ListRow> oldestOpenList(Handle handle, UUID issuerId) {
        return handle.createQuery(
                        """
                        SELECT id, organisation_id, issuer_id, length, version FROM status_lists
                        WHERE issuer_id = :issuer AND is_open
                        ORDER BY created_at, id
                        LIMIT 1
                        """)
                .bind("issuer", issuerId)
                .map(StatusListStore::listRow)
                .findOne();
    }

    Optional<ListRow> list(Handle handle, UUID listId) {
        return handle.createQuery(
                        """
                        SELECT id, organisation_id, issuer_id, length, version FROM status_lists
                        WHERE id = :id
                        """)
                .bind("id", listId)
                .map(StatusListStore::listRow)
                .findOne();
    }

    void insertList(
            Handle handle, UUID id, UUID organisationId, UUID issuerId, int length, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO status_lists (id, organisation_id, issuer_id, length, allocated,
                            is_open, version, created_at)
                        VALUES (:id, :organisation, :issuer, :length, 0, TRUE, 0, :now)
                        """)
                .bind("id", id)
                .bind("organisation", organisationId)
                .bind("issuer", issuerId)
                .bind("length", length)
                .bind("now", now)
                .execute();
    }

    /** Counts one more index handed out; false (and the list closed) when it is full. */
    boolean claim(Handle handle, UUID listId, int capacity) {
        boolean claimed =
                handle.createUpdate(
                                        """
                                        UPDATE status_lists SET allocated = allocated + 1
                                        WHERE id = :id AND is_open AND allocated < :capacity
                                        """)
                                .bind("id", listId)
                                .bind("capacity", capacity)
                                .execute()
                        == 1;
        if (!claimed) {
            handle.createUpdate("UPDATE status_lists SET is_open = FALSE WHERE id = :id")
                    .bind("id", listId)
                    .execute();
        }
        return claimed;
    }

    /** Reserves an index; throws a unique violation when it is taken. */
    /**
     * Counts up to {@code wanted} more indexes handed out from an open list (fewer when it is
     * nearly full, closing it); returns how many were granted. The update locks the list row until
     * commit.
     */
    int claimMany(Handle handle, UUID listId, int capacity, int wanted) {
        Optional<Integer> allocated =
                handle.createQuery(
                                "SELECT allocated FROM status_lists WHERE id = :id AND is_open FOR UPDATE")
                        .bind("id", listId)
                        .mapTo(Integer.class)
                        .findOne();
        if (allocated.isEmpty()) {
            return 0;
        }
        int granted = Math.max(0, Math.min(wanted, capacity - allocated.get()));
        handle.createUpdate(
                        """
                        UPDATE status_lists SET allocated = allocated + :granted,
                            is_open = (allocated + :granted < :capacity)
                        WHERE id = :id
                        """)
                .bind("id", listId)
                .bind("granted", granted)
                .bind("capacity", capacity)
                .execute();
        return granted;
    }

    /** Which of the {@code candidates} are already reserved in the list. */
    Set<Integer> takenAmong(Handle handle, UUID listId, Collection<Integer> candidates) {
        return handle.createQuery(
                        """
                        SELECT list_index FROM status_list_entries
                        WHERE list_id = :list AND list_index IN (<candidates>)
                        """)
                .bind("list", listId)
                .bindList("candidates", List.copyOf(candidates))
                .mapTo(Integer.class)
                .collect(Collectors.toSet());
    }

    /** Reserves many indexes in one batch. */
    void reserveAll(Handle handle, List<StatusSlot> slots, Instant now) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO status_list_entries (list_id, list_index, reserved_at)
                        VALUES (:list, :index, :now)
                        """);
        for (StatusSlot slot : slots) {
            batch.bind("list", slot.listId()).bind("index", slot.index()).bind("now", now).add();
        }
        batch.execute();
    }

    void reserve(Handle handle, UUID listId, int index, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO status_list_entries (list_id, list_index, reserved_at)
                        VALUES (:list, :index, :now)
                        """)
                .bind("list", listId)
                .bind("index", index)
                .bind("now", now)
                .execute();
    }

    Optional<CredentialStatusRow> credentialStatus(
            Handle handle, UUID organisationId, UUID credentialId) {
        return handle.createQuery(
                        """
                        SELECT status_list_id, revoked_at, suspended, suspendable, revocable
                        FROM credentials
                        WHERE id = :id AND organisation_id = :organisation
                        """)
                .bind("id", credentialId)
                .bind("organisation", organisationId)
                .map(
                        (row, context) ->
                                new CredentialStatusRow(
                                        row.getObject("status_list_id", UUID.class),
                                        row.getObject("revoked_at", OffsetDateTime.class) != null,
                                        row.getBoolean("suspended"),
                                        row.getBoolean("suspendable"),
                                        row.getBoolean("revocable")))
                .findOne();
    }

    /** Revokes unless already revoked (the condition makes concurrent revocations safe). */
    boolean revoke(
            Handle handle,
            UUID organisationId,
            UUID credentialId,
            Instant now,
            StatusReason reason) {
        return handle.createUpdate(
                                """
                                UPDATE credentials SET revoked_at = :now, revocation_reason = :reason,
                                    revocation_reason_public = :public
                                WHERE id = :id AND organisation_id = :organisation
                                  AND revoked_at IS NULL
                                """)
                        .bind("id", credentialId)
                        .bind("organisation", organisationId)
                        .bind("now", now)
                        .bind("reason", reason.text())
                        .bind("public", reason.isPublic())
                        .execute()
                == 1;
    }

    /** Suspends a credential that is neither revoked nor suspended; false if unchanged. */
    boolean setSuspended(
            Handle handle, UUID organisationId, UUID credentialId, StatusReason reason) {
        return handle.createUpdate(
                                """
                                UPDATE credentials
                                SET suspended = TRUE, suspension_reason = :reason,
                                    suspension_reason_public = :public
                                WHERE id = :id AND organisation_id = :organisation
                                  AND revoked_at IS NULL AND suspended = FALSE
                                """)
                        .bind("id", credentialId)
                        .bind("organisation", organisationId)
                        .bind("reason", reason.text())
                        .bind("public", reason.isPublic())
                        .execute()
                == 1;
    }

    /** Lifts the suspension of a credential that is not revoked; false if unchanged. */
    boolean unsuspend(Handle handle, UUID organisationId, UUID credentialId) {
        return handle.createUpdate(
                                """
                                UPDATE credentials
                                SET suspended = FALSE, suspension_reason = NULL,
                                    suspension_reason_public = TRUE
                                WHERE id = :id AND organisation_id = :organisation
                                  AND revoked_at IS NULL AND suspended = TRUE
                                """)
                        .bind("id", credentialId)
                        .bind("organisation", organisationId)
                        .execute()
                == 1;
    }

    void bumpVersion(Handle handle, UUID listId) {
        handle.createUpdate("UPDATE status_lists SET version = version + 1 WHERE id = :id")
                .bind("id", listId)
                .execute();
    }

    /** The indexes whose revocation bit is set. */
    List<Integer> revokedIndexes(Handle handle, UUID listId) {
        return handle.createQuery(
                        """
                        SELECT status_index FROM credentials
                        WHERE status_list_id = :list AND revoked_at IS NOT NULL
                        """)
                .bind("list", listId)
                .mapTo(Integer.class)
                .list();
    }

    /** The indexes whose suspension bit is set. */
    List<Integer> suspendedIndexes(Handle handle, UUID listId) {
        return handle.createQuery(
                        """
                        SELECT status_index FROM credentials
                        WHERE status_list_id = :list AND suspended
                        """)
                .bind("list", listId)
                .mapTo(Integer.class)
                .list();
    }

    private static ListRow listRow(
            java.sql.ResultSet row, org.jdbi.v3.core.statement.StatementContext context)
            throws java.sql.SQLException {
        return new ListRow(
                row.getObject("id", UUID.class),
                row.getObject("organisation_id", UUID.class),
                row.getObject("issuer_id", UUID.class),
                row.getInt("length"),
                row.getLong("version"));
    }
}
