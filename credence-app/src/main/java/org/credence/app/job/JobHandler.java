package org.credence.app.job;

/**
 * Runs jobs of one kind.
 *
 * <p><b>Handlers must be idempotent.</b> A job runs at least once, not exactly once: when its
 * worker crashes, is killed or loses its lease (a pause longer than the lease), another worker runs
 * it again from the start, possibly after some of its effects were committed. Write handlers so
 * that a second run finishes the work without doing it twice, e.g. by skipping rows already done
 * (look them up by an idempotency key), or by making each step an upsert. A handler that finds its
 * lease lost ({@link JobContext#leaseLost()}) should stop: another worker owns the job.
 *
 * <p>Implementations are shared by all worker threads and must be thread-safe.
 */
@FunctionalInterface
public interface JobHandler {

    /**
     * Does the job's work. Returning normally marks the job succeeded; throwing fails this attempt
     * (it is retried with backoff until its attempts are spent).
     *
     * @throws Exception any failure; its message is stored as the job's last error
     */
    void run(JobContext context) throws Exception;
}
