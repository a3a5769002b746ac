package org.credence.app.bulk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.credence.app.RowProblem;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for bulk issues, their rows and their dry-run problems. Stateless and thread-safe. */
final class BulkStore {

    /** A stored row waiting for (or done by) the job. */
    record StoredRow(long line, String data, String idempotencyKey) {}

    /** A row the dry run found expired, with why. */
    record ExpiredRow(StoredRow row, String message) {}

    /** The parts of a bulk issue the job needs. */
    record JobView(
            UUID id,
            UUID organisationId,
            UUID issuerId,
            UUID achievementId,
            String actorName,
            String actorRole,
            String format,
            boolean sendEmail,
            String state,
            boolean includeExpired) {}

    private static final String COLUMNS =
            """
            id, organisation_id, issuer_id, achievement_id, file_name, format, send_email, state,
            row_count, problem_count, skipped_count, issued_count, failed_count, expired_count,
            include_expired, job_id, created_at, confirmed_at, finished_at
            """;

    void insert(Handle handle, BulkIssue issue, String actorName, String actorRole) {
        handle.createUpdate(
                        """
                        INSERT INTO bulk_issues (id, organisation_id, issuer_id, achievement_id,
                            file_name, actor_name, actor_role, format, send_email, state,
                            row_count, problem_count, skipped_count, expired_count, created_at)
                        VALUES (:id, :organisation, :issuer, :achievement, :file, :actorName,
                            :actorRole, :format, :sendEmail, 'draft', :rows, :problems, :skipped,
                            :expired, :now)
                        """)
                .bind("id", issue.id())
                .bind("organisation", issue.organisationId())
                .bind("issuer", issue.issuerId())
                .bind("achievement", issue.achievementId())
                .bind("file", issue.fileName())
                .bind("actorName", actorName)
                .bind("actorRole", actorRole)
                .bind("format", issue.format())
                .bind("sendEmail", issue.sendEmail())
                .bind("rows", issue.rowCount())
                .bind("problems", issue.problemCount())
                .bind("skipped", issue.skippedCount())
                .bind("expired", issue.expiredCount())
                .bind("now", issue.createdAt())
                .execute();
    }

    void insertRows(Handle handle, UUID bulkId, List<StoredRow> rows, String state) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO bulk_issue_rows (bulk_issue_id, line, row_data,
                            idempotency_key, state)
                        VALUES (:bulk, :line, :data, :key, :state)
                        """);
        for (StoredRow row : rows) {
            batch.bind("bulk", bulkId)
                    .bind("line", row.line())
                    .bind("data", row.data())
                    .bind("key", row.idempotencyKey())
                    .bind("state", state)
                    .add();
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
    }

    /** Inserts rows the dry run found expired: pending, flagged, with their message. */
    void insertExpiredRows(Handle handle, UUID bulkId, List<ExpiredRow> rows) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO bulk_issue_rows (bulk_issue_id, line, row_data,
                            idempotency_key, state, expired, message)
                        VALUES (:bulk, :line, :data, :key, 'pending', TRUE, :message)
                        """);
        for (ExpiredRow expired : rows) {
            batch.bind("bulk", bulkId)
                    .bind("line", expired.row().line())
                    .bind("data", expired.row().data())
                    .bind("key", expired.row().idempotencyKey())
                    .bind("message", expired.message())
                    .add();
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
    }

    /**
     * Flags a pending row expired (found so by the job) and counts it; false when it was flagged or
     * done already (a resumed job, or a concurrent worker).
     */
    boolean markExpired(Handle handle, UUID bulkId, long line, String message) {
        boolean changed =
                handle.createUpdate(
                                        """
                                        UPDATE bulk_issue_rows SET expired = TRUE, message = :message
                                        WHERE bulk_issue_id = :bulk AND line = :line
                                          AND state = 'pending' AND expired = FALSE
                                        """)
                                .bind("bulk", bulkId)
                                .bind("line", line)
                                .bind("message", message)
                                .execute()
                        == 1;
        if (changed) {
            handle.createUpdate(
                            "UPDATE bulk_issues SET expired_count = expired_count + 1 WHERE id = :id")
                    .bind("id", bulkId)
                    .execute();
        }
        return changed;
    }

    /** Rows flagged expired, with why, whatever became of them. */
    List<RowProblem> expiredRows(Handle handle, UUID bulkId, int limit) {
        return handle.createQuery(
                        """
                        SELECT line, message FROM bulk_issue_rows
                        WHERE bulk_issue_id = :bulk AND expired ORDER BY line LIMIT :limit
                        """)
                .bind("bulk", bulkId)
                .bind("limit", limit)
                .map(
                        (row, context) ->
                                new RowProblem(
                                        row.getLong("line"),
                                        Optional.ofNullable(row.getString("message")).orElse("")))
                .list();
    }

    void insertProblems(Handle handle, UUID bulkId, List<RowProblem> problems) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        INSERT INTO bulk_issue_problems (bulk_issue_id, line, position, message)
                        VALUES (:bulk, :line, :position, :message)
                        """);
        for (int i = 0; i < problems.size(); i++) {
            String message = problems.get(i).message();
            batch.bind("bulk", bulkId)
                    .bind("line", problems.get(i).line())
                    .bind("position", i)
                    .bind("message", message.length() > 2000 ? message.substring(0, 2000) : message)
                    .add();
        }
        if (!problems.isEmpty()) {
            batch.execute();
        }
    }

    /** The keys among {@code keys} that already name a credential of the organisation. */
    Set<String> issuedKeys(Handle handle, UUID organisationId, List<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return handle.createQuery(
                        """
                        SELECT idempotency_key FROM credentials
                        WHERE organisation_id = :organisation AND idempotency_key IN (<keys>)
                        """)
                .bind("organisation", organisationId)
                .bindList("keys", keys)
                .mapTo(String.class)
                .collect(Collectors.toSet());
    }

    Optional<BulkIssue> find(Handle handle, UUID organisationId, UUID id) {
        return handle.createQuery(
                        "SELECT "
                                + COLUMNS
                                + " FROM bulk_issues WHERE id = :id AND organisation_id = :org")
                .bind("id", id)
                .bind("org", organisationId)
                .map((row, context) -> issue(row))
                .findOne();
    }

    List<BulkIssue> list(Handle handle, UUID organisationId, int limit) {
        return handle.createQuery(
                        "SELECT "
                                + COLUMNS
                                + " FROM bulk_issues WHERE organisation_id = :org"
                                + " ORDER BY created_at DESC LIMIT :limit")
                .bind("org", organisationId)
                .bind("limit", limit)
                .map((row, context) -> issue(row))
                .list();
    }

    List<RowProblem> problems(Handle handle, UUID bulkId) {
        return handle.createQuery(
                        """
                        SELECT line, message FROM bulk_issue_problems
                        WHERE bulk_issue_id = :bulk ORDER BY position
                        """)
                .bind("bulk", bulkId)
                .map(
                        (row, context) ->
                                new RowProblem(row.getLong("line"), row.getString("message")))
                .list();
    }

    /** Rows refused while issuing, and skipped rows, with their messages. */
    List<RowProblem> outcomes(Handle handle, UUID bulkId, String state, int limit) {
        return handle.createQuery(
                        """
                        SELECT line, message FROM bulk_issue_rows
                        WHERE bulk_issue_id = :bulk AND state = :state ORDER BY line LIMIT :limit
                        """)
                .bind("bulk", bulkId)
                .bind("state", state)
                .bind("limit", limit)
                .map(
                        (row, context) ->
                                new RowProblem(
                                        row.getLong("line"),
                                        Optional.ofNullable(row.getString("message")).orElse("")))
                .list();
    }

    /** Moves a draft to queued with its job; false when it was not a draft (already confirmed). */
    boolean confirm(
            Handle handle,
            UUID organisationId,
            UUID id,
            UUID jobId,
            Instant now,
            boolean includeExpired) {
        return handle.createUpdate(
                                """
                                UPDATE bulk_issues SET state = 'queued', job_id = :job,
                                    confirmed_at = :now, include_expired = :include
                                WHERE id = :id AND organisation_id = :org AND state = 'draft'
                                """)
                        .bind("include", includeExpired)
                        .bind("id", id)
                        .bind("org", organisationId)
                        .bind("job", jobId)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    boolean cancel(Handle handle, UUID organisationId, UUID id, Instant now) {
        return handle.createUpdate(
                                """
                                UPDATE bulk_issues SET state = 'cancelled', finished_at = :now
                                WHERE id = :id AND organisation_id = :org AND state = 'draft'
                                """)
                        .bind("id", id)
                        .bind("org", organisationId)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    Optional<JobView> jobView(Handle handle, UUID id) {
        return handle.createQuery(
                        """
                        SELECT id, organisation_id, issuer_id, achievement_id, actor_name,
                            actor_role, format, send_email, state, include_expired
                        FROM bulk_issues WHERE id = :id
                        """)
                .bind("id", id)
                .map(
                        (row, context) ->
                                new JobView(
                                        row.getObject("id", UUID.class),
                                        row.getObject("organisation_id", UUID.class),
                                        row.getObject("issuer_id", UUID.class),
                                        row.getObject("achievement_id", UUID.class),
                                        row.getString("actor_name"),
                                        row.getString("actor_role"),
                                        row.getString("format"),
                                        row.getBoolean("send_email"),
                                        row.getString("state"),
                                        row.getBoolean("include_expired")))
                .findOne();
    }

    void setState(Handle handle, UUID id, BulkState state, Optional<Instant> finishedAt) {
        handle.createUpdate(
                        "UPDATE bulk_issues SET state = :state, finished_at = :finished WHERE id = :id")
                .bind("id", id)
                .bind("state", state.value())
                .bind("finished", finishedAt.orElse(null))
                .execute();
    }

    /**
     * Pending rows after {@code afterLine}, in line order; rows flagged expired only when {@code
     * includeExpired}.
     */
    List<StoredRow> pendingRows(
            Handle handle, UUID bulkId, long afterLine, int limit, boolean includeExpired) {
        return handle.createQuery(
                        """
                        SELECT line, row_data, idempotency_key FROM bulk_issue_rows
                        WHERE bulk_issue_id = :bulk AND state = 'pending' AND line > :after
                          AND (expired = FALSE OR :include)
                        ORDER BY line LIMIT :limit
                        """)
                .bind("include", includeExpired)
                .bind("bulk", bulkId)
                .bind("after", afterLine)
                .bind("limit", limit)
                .map(
                        (row, context) ->
                                new StoredRow(
                                        row.getLong("line"),
                                        row.getString("row_data"),
                                        row.getString("idempotency_key")))
                .list();
    }

    /** Marks rows issued, only those still pending; returns, per row, whether it changed. */
    int[] markIssued(Handle handle, UUID bulkId, List<Long> lines, List<UUID> credentials) {
        PreparedBatch batch =
                handle.prepareBatch(
                        """
                        UPDATE bulk_issue_rows SET state = 'issued', credential_id = :credential
                        WHERE bulk_issue_id = :bulk AND line = :line AND state = 'pending'
                        """);
        for (int i = 0; i < lines.size(); i++) {
            batch.bind("bulk", bulkId)
                    .bind("line", lines.get(i))
                    .bind("credential", credentials.get(i))
                    .add();
        }
        return lines.isEmpty() ? new int[0] : batch.execute();
    }

    int markFailed(Handle handle, UUID bulkId, long line, String message) {
        return handle.createUpdate(
                        """
                        UPDATE bulk_issue_rows SET state = 'failed', message = :message
                        WHERE bulk_issue_id = :bulk AND line = :line AND state = 'pending'
                        """)
                .bind("bulk", bulkId)
                .bind("line", line)
                .bind("message", message.length() > 2000 ? message.substring(0, 2000) : message)
                .execute();
    }

    void addCounts(Handle handle, UUID bulkId, int issued, int failed) {
        handle.createUpdate(
                        """
                        UPDATE bulk_issues SET issued_count = issued_count + :issued,
                            failed_count = failed_count + :failed
                        WHERE id = :id
                        """)
                .bind("id", bulkId)
                .bind("issued", issued)
                .bind("failed", failed)
                .execute();
    }

    private static BulkIssue issue(java.sql.ResultSet row) throws java.sql.SQLException {
        return new BulkIssue(
                row.getObject("id", UUID.class),
                row.getObject("organisation_id", UUID.class),
                row.getObject("issuer_id", UUID.class),
                row.getObject("achievement_id", UUID.class),
                row.getString("file_name"),
                row.getString("format"),
                row.getBoolean("send_email"),
                BulkState.fromValue(row.getString("state")),
                row.getInt("row_count"),
                row.getInt("problem_count"),
                row.getInt("skipped_count"),
                row.getInt("issued_count"),
                row.getInt("failed_count"),
                row.getInt("expired_count"),
                row.getBoolean("include_expired"),
                Optional.ofNullable(row.getObject("job_id", UUID.class)),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getObject("confirmed_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.getObject("finished_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant));
    }
}
