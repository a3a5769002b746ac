package org.credence.app.delivery;

import java.util.Locale;

/** Where an outbox message is. */
public enum OutboxState {
    /** Waiting to be sent (first attempt, or a retry at {@code next_attempt_at}). */
    QUEUED,
    /** Accepted by the SMTP server. */
    SENT,
    /** Refused for good, or every attempt failed. */
    FAILED,
    /** Sent, then reported undeliverable by the recipient's server. */
    BOUNCED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutboxState fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
