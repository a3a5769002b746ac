package org.credence.app.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for the audit log. Appends run on the caller's handle, so that an event is written in the
 * same transaction as the change it records. Every event gets a random public id (the identity
 * column, one sequence for all organisations, never leaves the store). Stateless and thread-safe.
 */
public final class AuditStore {

    private static final String INSERT =
            """
            INSERT INTO audit_events
                (public_id, organisation_id, occurred_at, actor, action, subject, detail)
            VALUES (:publicId, :organisation, :at, :actor, :action, :subject, :detail)
            """;

    /** The audit log keeps at most this much detail per event. */
    private static final int MAX_DETAIL = 4000;

    /** Appends an event inside the caller's transaction. */
    public void append(
            Handle handle,
            UUID organisationId,
            Instant at,
            String actor,
            String action,
            String subject,
            String detail) {
        handle.createUpdate(INSERT)
                .bind("publicId", UUID.randomUUID())
                .bind("organisation", organisationId)
                .bind("at", at)
                .bind("actor", actor)
                .bind("action", action)
                .bind("subject", subject)
                .bind("detail", truncated(detail))
                .execute();
    }

    /** One event to append. */
    public record Entry(
            UUID organisationId,
            Instant at,
            String actor,
            String action,
            String subject,
            String detail) {}

    /** Appends many events in one JDBC batch (bulk issuance). */
    public void appendAll(Handle handle, List<Entry> entries) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (Entry entry : entries) {
            String detail = entry.detail();
            batch.bind("publicId", UUID.randomUUID())
                    .bind("organisation", entry.organisationId())
                    .bind("at", entry.at())
                    .bind("actor", entry.actor())
                    .bind("action", entry.action())
                    .bind("subject", entry.subject())
                    .bind("detail", truncated(detail))
                    .add();
        }
        batch.execute();
    }

    /**
     * Where an organisation's event stands in its log (the internal order), if the event is that
     * organisation's.
     */
    public Optional<Long> position(Handle handle, UUID organisationId, UUID publicId) {
        return handle.createQuery(
                        """
                        SELECT id FROM audit_events
                        WHERE organisation_id = :organisation AND public_id = :publicId
                        """)
                .bind("organisation", organisationId)
                .bind("publicId", publicId)
                .mapTo(Long.class)
                .findOne();
    }

    /**
     * An organisation's events, newest first, before the given position ({@link #position}; 0 for
     * the newest).
     */
    public List<AuditEvent> list(Handle handle, UUID organisationId, long before, int limit) {
        return handle.createQuery(
                        """
                        SELECT public_id, organisation_id, occurred_at, actor, action, subject,
                               detail
                        FROM audit_events
                        WHERE organisation_id = :organisation AND id < :before
                        ORDER BY id DESC
                        LIMIT :limit
                        """)
                .bind("organisation", organisationId)
                .bind("before", before <= 0 ? Long.MAX_VALUE : before)
                .bind("limit", limit)
                .map(
                        (row, context) ->
                                new AuditEvent(
                                        row.getObject("public_id", UUID.class),
                                        row.getObject("organisation_id", UUID.class),
                                        row.getObject("occurred_at", java.time.OffsetDateTime.class)
                                                .toInstant(),
                                        row.getString("actor"),
                                        row.getString("action"),
                                        row.getString("subject"),
                                        row.getString("detail")))
                .list();
    }

    private static String truncated(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }
}
