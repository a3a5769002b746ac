package org.credence.app.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * SQL for jobs. Every change to a running job is guarded by its lease owner, so a worker that lost
 * its lease cannot complete, fail or extend a job another worker now runs. Stateless and
 * thread-safe.
 */
final class JobStore {

    private static final String COLUMNS =
            "id, organisation_id, kind, payload, state, attempts, max_attempts, run_after,"
                    + " lease_owner, lease_until, progress_done, progress_total, last_error,"
                    + " created_at, updated_at";

    /** Due: queued and past run_after, or running with a lease that ran out. */
    private static final String CLAIMABLE =
            "((state = 'queued' AND run_after <= :now)"
                    + " OR (state = 'running' AND lease_until < :now))";

    private static final String LEASED = "id = :id AND state = 'running' AND lease_owner = :worker";

    void insert(Handle handle, UUID id, JobRequest request, Instant now) {
        handle.createUpdate(
                        """
                        INSERT INTO jobs (id, organisation_id, kind, payload, state, attempts,
                                          max_attempts, run_after, created_at, updated_at)
                        VALUES (:id, CAST(:organisation AS UUID), :kind, :payload, 'queued', 0,
                                :maxAttempts, :runAfter, :now, :now)
                        """)
                .bind("id", id)
                .bindByType("organisation", request.organisationId().orElse(null), UUID.class)
                .bind("kind", request.kind())
                .bind("payload", request.payload())
                .bind("maxAttempts", request.maxAttempts())
                .bind("runAfter", now.plus(request.delay()))
                .bind("now", now)
                .execute();
    }

    /**
     * Due jobs of those kinds, oldest due first, locked for this transaction; rows other
     * transactions hold are skipped rather than waited for.
     */
    List<UUID> lockDue(Handle handle, Collection<String> kinds, Instant now, int limit) {
        return handle.createQuery(
                        "SELECT id FROM jobs WHERE kind IN (<kinds>) AND "
                                + CLAIMABLE
                                + " ORDER BY run_after, created_at LIMIT :limit"
                                + " FOR UPDATE SKIP LOCKED")
                .bindList("kinds", List.copyOf(kinds))
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(UUID.class)
                .list();
    }

    /** Fails a job whose worker stopped during its last allowed attempt; true if it did. */
    boolean failExhausted(Handle handle, UUID id, Instant now) {
        return handle.createUpdate(
                                """
                                UPDATE jobs
                                SET state = 'failed', lease_owner = NULL, lease_until = NULL,
                                    last_error = 'Its worker stopped during the last attempt'
                                                 || ' (the lease ran out)',
                                    updated_at = :now
                                WHERE id = :id AND state = 'running' AND lease_until < :now
                                  AND attempts >= max_attempts
                                """)
                        .bind("id", id)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /**
     * Leases the job to {@code worker} if it is still claimable: the condition is checked again
     * under the row lock, which makes the claim correct even without SKIP LOCKED.
     */
    boolean lease(Handle handle, UUID id, String worker, Instant now, Instant until) {
        return handle.createUpdate(
                                "UPDATE jobs SET state = 'running', lease_owner = :worker,"
                                        + " lease_until = :until, attempts = attempts + 1,"
                                        + " updated_at = :now WHERE id = :id AND "
                                        + CLAIMABLE
                                        + " AND attempts < max_attempts")
                        .bind("id", id)
                        .bind("worker", worker)
                        .bind("now", now)
                        .bind("until", until)
                        .execute()
                == 1;
    }

    boolean extend(Handle handle, UUID id, String worker, Instant now, Instant until) {
        return handle.createUpdate(
                                "UPDATE jobs SET lease_until = :until, updated_at = :now WHERE "
                                        + LEASED)
                        .bind("id", id)
                        .bind("worker", worker)
                        .bind("now", now)
                        .bind("until", until)
                        .execute()
                == 1;
    }

    boolean progress(Handle handle, UUID id, String worker, Job.Progress progress, Instant now) {
        return handle.createUpdate(
                                "UPDATE jobs SET progress_done = :done, progress_total = :total,"
                                        + " updated_at = :now WHERE "
                                        + LEASED)
                        .bind("id", id)
                        .bind("worker", worker)
                        .bind("done", progress.done())
                        .bind("total", progress.total())
                        .bind("now", now)
                        .execute()
                == 1;
    }

    /**
     * Ends the lease and moves the job to {@code state}, due at {@code runAfter} if queued again;
     * {@code attemptChange} is -1 when a release gives the attempt back.
     */
    boolean finish(Handle handle, UUID id, String worker, Outcome outcome) {
        return handle.createUpdate(
                                "UPDATE jobs SET state = :state, lease_owner = NULL,"
                                        + " lease_until = NULL, attempts = attempts + :change,"
                                        + " run_after = :runAfter,"
                                        + " last_error = COALESCE(:error, last_error),"
                                        + " updated_at = :now WHERE "
                                        + LEASED)
                        .bind("id", id)
                        .bind("worker", worker)
                        .bind("state", outcome.state().value())
                        .bind("change", outcome.attemptChange())
                        .bind("runAfter", outcome.runAfter())
                        .bind("error", outcome.error())
                        .bind("now", outcome.now())
                        .execute()
                == 1;
    }

    boolean cancel(Handle handle, UUID organisationId, UUID id, Instant now) {
        return handle.createUpdate(
                                """
                                UPDATE jobs SET state = 'cancelled', updated_at = :now
                                WHERE id = :id AND organisation_id = :organisation
                                  AND state = 'queued'
                                """)
                        .bind("id", id)
                        .bind("organisation", organisationId)
                        .bind("now", now)
                        .execute()
                == 1;
    }

    Optional<Job> find(Handle handle, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = :id")
                .bind("id", id)
                .map((row, context) -> job(row))
                .findOne();
    }

    /**
     * How a lease ends.
     *
     * @param error the new last error, or null to keep the previous one
     */
    record Outcome(
            JobState state, int attemptChange, Instant runAfter, String error, Instant now) {}

    private static Job job(ResultSet row) throws SQLException {
        return new Job(
                row.getObject("id", UUID.class),
                Optional.ofNullable(row.getObject("organisation_id", UUID.class)),
                row.getString("kind"),
                row.getString("payload"),
                JobState.fromValue(row.getString("state")),
                row.getInt("attempts"),
                row.getInt("max_attempts"),
                instant(row, "run_after"),
                Optional.ofNullable(row.getString("lease_owner")),
                Optional.ofNullable(instant(row, "lease_until")),
                new Job.Progress(row.getLong("progress_done"), row.getLong("progress_total")),
                Optional.ofNullable(row.getString("last_error")),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
