package org.credence.app.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Durable background jobs in the database, shared by every node of an installation.
 *
 * <p>A job is enqueued in the caller's transaction, so it exists exactly when the caller's own
 * writes commit. A worker {@linkplain #claim claims} a due job by taking a lease for {@code
 * leaseDuration}, extends it with {@linkplain #heartbeat heartbeats} while the handler runs, and
 * ends it with {@link #complete}, {@link #fail} (retried with {@link Backoff} until the job's
 * attempts are spent) or {@link #release}. Each of these calls is refused (returns false) when the
 * worker no longer holds the lease.
 *
 * <p>Delivery is <b>at least once</b>: a job whose lease ran out (its worker crashed, was killed or
 * stalled) is claimed again by another worker, so {@link JobHandler}s must be idempotent. Progress
 * is kept across attempts, so a handler may resume from it.
 *
 * <p>Claims lock due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x) and
 * then take the lease with an {@code UPDATE} that checks again that the row is claimable, so two
 * workers never hold the same job. Immutable and thread-safe.
 */
public final class JobQueue {

    private static final int CANDIDATES = 5;
    private static final int MAX_ERROR = 2000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration leaseDuration;
    private final Backoff backoff;
    private final JobStore store = new JobStore();

    public JobQueue(Database database, Clock clock, Duration leaseDuration, Backoff backoff) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("leaseDuration must be positive");
        }
    }

    /** How long a claim or heartbeat holds a job. */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /**
     * Enqueues a job inside the caller's transaction: if the transaction rolls back, the job never
     * existed.
     */
    public UUID enqueue(Handle handle, JobRequest request) {
        Objects.requireNonNull(request, "request");
        UUID id = UUID.randomUUID();
        store.insert(handle, id, request, clock.instant());
        return id;
    }

    /** Enqueues a job in a transaction of its own. */
    public UUID enqueue(JobRequest request) {
        return jdbi.inTransaction(handle -> enqueue(handle, request));
    }

    /**
     * Takes one due job of those kinds for {@code workerId}: queued and due, or running under a
     * lease that ran out. A job whose worker stopped during its last attempt is failed instead.
     *
     * @return the job as leased (its attempts count this run), or empty when none is due
     */
    public Optional<Job> claim(String workerId, Collection<String> kinds) {
        Objects.requireNonNull(workerId, "workerId");
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.inTransaction(
                handle -> {
                    Instant now = clock.instant();
                    List<UUID> due = store.lockDue(handle, kinds, now, CANDIDATES);
                    for (UUID id : due) {
                        if (store.failExhausted(handle, id, now)) {
                            continue;
                        }
                        if (store.lease(handle, id, workerId, now, now.plus(leaseDuration))) {
                            return store.find(handle, id);
                        }
                    }
                    return Optional.empty();
                });
    }

    /** Extends the worker's lease on the job; false when the worker no longer holds it. */
    public boolean heartbeat(UUID jobId, String workerId) {
        Instant now = clock.instant();
        return jdbi.withHandle(
                handle -> store.extend(handle, jobId, workerId, now, now.plus(leaseDuration)));
    }

    /** Records how far the job got; false when the worker no longer holds it. */
    public boolean progress(UUID jobId, String workerId, long done, long total) {
        Job.Progress progress = new Job.Progress(done, total);
        return jdbi.withHandle(
                handle -> store.progress(handle, jobId, workerId, progress, clock.instant()));
    }

    /** Marks the job succeeded; false when the worker no longer holds it. */
    public boolean complete(UUID jobId, String workerId) {
        Instant now = clock.instant();
        return end(jobId, workerId, new JobStore.Outcome(JobState.SUCCEEDED, 0, now, null, now));
    }

    /**
     * Records a failed attempt: the job is queued again after the backoff, or failed for good when
     * its attempts are spent. False when the worker no longer holds it.
     */
    public boolean fail(UUID jobId, String workerId, String error) {
        Objects.requireNonNull(error, "error");
        String stored = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return jdbi.inTransaction(
                handle -> {
                    Optional<Job> job = store.find(handle, jobId);
                    if (job.isEmpty() || !job.get().leaseOwner().equals(Optional.of(workerId))) {
                        return false;
                    }
                    Instant now = clock.instant();
                    int attempts = job.get().attempts();
                    JobStore.Outcome outcome =
                            attempts >= job.get().maxAttempts()
                                    ? new JobStore.Outcome(JobState.FAILED, 0, now, stored, now)
                                    : new JobStore.Outcome(
                                            JobState.QUEUED,
                                            0,
                                            now.plus(backoff.after(attempts)),
                                            stored,
                                            now);
                    return store.finish(handle, jobId, workerId, outcome);
                });
    }

    /**
     * Gives the job back without counting the attempt (the worker is shutting down): it is due
     * again at once. False when the worker no longer holds it.
     */
    public boolean release(UUID jobId, String workerId) {
        Instant now = clock.instant();
        return end(jobId, workerId, new JobStore.Outcome(JobState.QUEUED, -1, now, null, now));
    }

    /** Cancels an organisation's job that no worker has taken yet; false otherwise. */
    public boolean cancel(UUID organisationId, UUID jobId) {
        return jdbi.withHandle(
                handle -> store.cancel(handle, organisationId, jobId, clock.instant()));
    }

    /** The job's current row (state, attempts, progress, last error). */
    public Optional<Job> find(UUID jobId) {
        return jdbi.withHandle(handle -> store.find(handle, jobId));
    }

    private boolean end(UUID jobId, String workerId, JobStore.Outcome outcome) {
        return jdbi.withHandle(handle -> store.finish(handle, jobId, workerId, outcome));
    }
}
