package org.credence.app.job;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A job to enqueue.
 *
 * @param organisationId the organisation it works for; empty for installation-wide work
 * @param kind which {@link JobHandler} runs it, e.g. {@code award.bulk}
 * @param payload the handler's input, as JSON text
 * @param maxAttempts how many times it may run before it is failed for good (at least 1)
 * @param delay how long after enqueueing it becomes due
 */
public record JobRequest(
        Optional<UUID> organisationId,
        String kind,
        String payload,
        int maxAttempts,
        Duration delay) {

    /** Attempts when the caller does not say. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public JobRequest {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(delay, "delay");
        if (kind.isBlank() || kind.length() > 100) {
            throw new IllegalArgumentException("kind: 1 to 100 characters, not '" + kind + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    /** A job for an organisation, due now, with the default number of attempts. */
    public static JobRequest of(UUID organisationId, String kind, String payload) {
        return new JobRequest(
                Optional.of(organisationId), kind, payload, DEFAULT_MAX_ATTEMPTS, Duration.ZERO);
    }

    public JobRequest withMaxAttempts(int attempts) {
        return new JobRequest(organisationId, kind, payload, attempts, delay);
    }

    public JobRequest withDelay(Duration after) {
        return new JobRequest(organisationId, kind, payload, maxAttempts, after);
    }
}
