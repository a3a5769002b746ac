package org.credence.app.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobRunner} works.
 *
 * @param name names its threads and worker ids (e.g. the node's host name)
 * @param workers how many jobs it runs at once
 * @param pollInterval how long an idle worker sleeps before looking for work again
 * @param heartbeatInterval how often running jobs' leases are extended: well below the queue's
 *     lease duration, so that a slow database does not let a lease run out
 * @param shutdownGrace how long {@link JobRunner#close()} lets running handlers finish before it
 *     interrupts them and gives their jobs back
 */
public record RunnerSettings(
        String name,
        int workers,
        Duration pollInterval,
        Duration heartbeatInterval,
        Duration shutdownGrace) {

    public RunnerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative");
        }
    }

    /** Defaults for a server node: 4 workers, polling each second, heartbeats every 10 s. */
    public static RunnerSettings defaults(String name) {
        return new RunnerSettings(
                name, 4, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
