package org.credence.app.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for the audit log. Appends run on the caller's handle, so that an event is written in the
 * same transaction as the change it records. Stateless and thread-safe.
 */
public final class AuditStore {

    private static final String INSERT =
            """
            INSERT INTO audit_events (organisation_id, occurred_at, actor, action, subject, detail)
            VALUES (:organisation, :at, :actor, :action, :subject, :detail)
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
            batch.bind("organisation", entry.organisationId())
                    .bind("at", entry.at())
                    .bind("actor", entry.actor())
                    .bind("action", entry.action())
                    .bind("subject", entry.subject())
                    .bind("detail", truncated(detail))
                    .add();
        }
        batch.execute();
    }

    /** An organisation's events, newest first, after the given position (0 for the start). */
    public List<AuditEvent> list(Handle handle, UUID organisationId, long beforeId, int limit) {
        return handle.createQuery(
                        """
                        SELECT id, organisation_id, occurred_at, actor, action, subject, detail
                        FROM audit_events
                        WHERE organisation_id = :organisation AND id < :before
                        ORDER BY id DESC
                        LIMIT :limit
                        """)
                .bind("organisation", organisationId)
                .bind("before", beforeId <= 0 ? Long.MAX_VALUE : beforeId)
                .bind("limit", limit)
                .map(
                        (row, context) ->
                                new AuditEvent(
                                        row.getLong("id"),
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
