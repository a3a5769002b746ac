package org.credence.app.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A durable job as stored: what to run, where it is, and how far it got.
 *
 * @param id the job's id
 * @param organisationId whose work; empty for installation-wide work
 * @param kind which handler runs it
 * @param payload the handler's input (JSON text)
 * @param state where it is in its life
 * @param attempts how many times a worker took it (including the current run)
 * @param maxAttempts the limit of attempts
 * @param runAfter when it is (or was) due
 * @param leaseOwner the worker holding it while it runs
 * @param leaseUntil when that worker's lease runs out unless extended by a heartbeat
 * @param progress how far the current (or last) run got
 * @param lastError why the last attempt failed
 * @param createdAt when it was enqueued
 * @param updatedAt when its row last changed
 */
public record Job(
        UUID id,
        Optional<UUID> organisationId,
        String kind,
        String payload,
        JobState state,
        int attempts,
        int maxAttempts,
        Instant runAfter,
        Optional<String> leaseOwner,
        Optional<Instant> leaseUntil,
        Progress progress,
        Optional<String> lastError,
        Instant createdAt,
        Instant updatedAt) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(runAfter, "runAfter");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * How far a job got: {@code done} of {@code total} units (rows of a CSV, e-mails). A total of 0
     * means the handler has not said.
     */
    public record Progress(long done, long total) {

        public static final Progress NONE = new Progress(0, 0);

        public Progress {
            if (done < 0 || total < 0) {
                throw new IllegalArgumentException(
                        "progress must not be negative: " + done + "/" + total);
            }
        }
    }
}
