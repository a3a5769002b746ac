package org.credence.app.delivery;

import java.time.Duration;
import java.util.Objects;
import org.credence.app.job.Backoff;

/**
 * How the {@link OutboxSender} sends.
 *
 * @param messagesPerSecond the most messages one sender hands to the SMTP server per second (a bulk
 *     issue of 100,000 credentials must not flood the server or trip its rate limits)
 * @param maxAttempts how many times a message is tried before it is failed
 * @param backoff the wait between attempts
 * @param sendTimeout how long a message stays claimed by a sender; when the sender dies during the
 *     send, the message becomes due again after it (so it may, rarely, be sent twice)
 * @param pollInterval how long an idle sender waits before looking again
 */
public record OutboxSettings(
        int messagesPerSecond,
        int maxAttempts,
        Backoff backoff,
        Duration sendTimeout,
        Duration pollInterval) {

    public OutboxSettings {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("messagesPerSecond must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("sendTimeout must be positive");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
    }

    /**
     * 10 messages per second, 8 attempts from 1 minute apart to 4 hours apart (about 8 hours in
     * all: an SMTP server down overnight does not lose mail), 5 minute send timeout.
     */
    public static OutboxSettings defaults() {
        return new OutboxSettings(
                10,
                8,
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(4)),
                Duration.ofMinutes(5),
                Duration.ofSeconds(1));
    }

    public OutboxSettings withMessagesPerSecond(int perSecond) {
        return new OutboxSettings(perSecond, maxAttempts, backoff, sendTimeout, pollInterval);
    }
}
