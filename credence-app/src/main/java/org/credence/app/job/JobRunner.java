package org.credence.app.job;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queued jobs on a fixed number of worker threads: each polls the {@link JobQueue} for a due
 * job of a kind it has a {@link JobHandler} for, runs it, and completes or fails it; a heartbeat
 * thread extends the leases of running jobs meanwhile. Any number of runners (threads, processes,
 * nodes) may share one database.
 *
 * <p>{@link #close()} stops taking jobs, lets running handlers finish within the grace period, then
 * interrupts them and gives their jobs back to the queue. Thread-safe.
 */
public final class JobRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final RunnerSettings settings;
    private final String runnerId;
    private final Set<RunningJob> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeats;
    private volatile boolean stopping;
    private boolean started;

    public JobRunner(JobQueue queue, Map<String, JobHandler> handlers, RunnerSettings settings) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.handlers = Map.copyOf(handlers);
        this.settings = Objects.requireNonNull(settings, "settings");
        if (this.handlers.isEmpty()) {
            throw new IllegalArgumentException("a runner needs at least one handler");
        }
        this.runnerId = settings.name() + "/" + UUID.randomUUID();
        this.workers = Executors.newFixedThreadPool(settings.workers(), threads("worker"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(threads("heartbeat"));
    }

    /** Starts the workers and the heartbeat. Once. */
    public synchronized void start() {
        if (started || stopping) {
            throw new IllegalStateException("a runner starts once");
        }
        started = true;
        long beat = settings.heartbeatInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        for (int index = 0; index < settings.workers(); index++) {
            String workerId = runnerId + "/" + index;
            workers.execute(() -> work(workerId));
        }
    }

    private void work(String workerId) {
        while (!stopping) {
            Optional<Job> job = Optional.empty();
            try {
                job = queue.claim(workerId, handlers.keySet());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot claim a job; trying again", e);
            }
            if (job.isPresent()) {
                run(new RunningJob(job.get(), workerId));
            } else if (!sleep(settings.pollInterval())) {
                return;
            }
        }
    }

    private void run(RunningJob job) {
        running.add(job);
        try {
            handlers.get(job.job().kind()).run(job);
            if (!queue.complete(job.id(), job.workerId)) {
                LOG.log(Level.WARNING, "Job {0} finished after its lease was lost", job.id());
            }
        } catch (Exception e) {
            end(job, e);
        } finally {
            running.remove(job);
        }
    }

    private void end(RunningJob job, Exception failure) {
        try {
            if (stopping) {
                queue.release(job.id(), job.workerId);
            } else {
                String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
                LOG.log(Level.INFO, "Job " + job.id() + " failed: " + message, failure);
                queue.fail(job.id(), job.workerId, message);
            }
        } catch (RuntimeException e) {
            // The lease runs out and another worker retries the job.
            LOG.log(Level.WARNING, "Cannot record the end of job " + job.id(), e);
        }
    }

    private void beat() {
        for (RunningJob job : running) {
            try {
                if (!queue.heartbeat(job.id(), job.workerId)) {
                    job.leaseLost = true;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cannot extend the lease of job " + job.id(), e);
            }
        }
    }

    /** False when interrupted (the runner is closing). */
    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops taking jobs, waits for running handlers up to the grace period, then interrupts those
     * still running (their jobs are given back) and waits as long again. A handler that ignores
     * interrupts keeps its job until its lease runs out; another worker then runs it.
     */
    @Override
    public void close() {
        stopping = true;
        workers.shutdown();
        try {
            long grace = settings.shutdownGrace().toMillis();
            if (!workers.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(grace, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            heartbeats.shutdownNow();
        }
    }

    private java.util.concurrent.ThreadFactory threads(String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread =
                    new Thread(
                            runnable,
                            "credence-jobs-"
                                    + settings.name()
                                    + "-"
                                    + role
                                    + "-"
                                    + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A job this runner is running, as its handler sees it. */
    private final class RunningJob implements JobContext {

        private final Job job;
        private final String workerId;
        private volatile boolean leaseLost;

        RunningJob(Job job, String workerId) {
            this.job = job;
            this.workerId = workerId;
        }

        UUID id() {
            return job.id();
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public void progress(long done, long total) {
            if (!queue.progress(job.id(), workerId, done, total)) {
                leaseLost = true;
            }
        }

        @Override
        public boolean leaseLost() {
            return leaseLost;
        }

        @Override
        public boolean stopping() {
            return stopping;
        }
    }
}
