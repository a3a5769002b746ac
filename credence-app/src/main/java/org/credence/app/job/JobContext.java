package org.credence.app.job;

/**
 * What a running {@link JobHandler} sees: its job, and ways to report progress and notice that it
 * should stop. Used by the one thread running the handler.
 */
public interface JobContext {

    /** The job as it was claimed (attempts includes this run). */
    Job job();

    /** Records progress, visible to {@link JobQueue#find} at once. */
    void progress(long done, long total);

    /**
     * Whether this worker no longer holds the job (its lease ran out and another worker may run
     * it): the handler should stop, as its further work may be duplicated.
     */
    boolean leaseLost();

    /** Whether the runner is closing: a long handler should stop at a safe point and throw. */
    boolean stopping();
}
