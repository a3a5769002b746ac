package org.credence.app.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * What a delivery status notification (RFC 3464) says about one message: which message (its
 * Message-ID, from the returned headers), the recipient it failed for, the status code and the
 * remote server's words.
 *
 * @param messageId the Message-ID of the message that bounced, e.g. {@code <id@host>}
 * @param recipient the {@code Final-Recipient} address, if given
 * @param action the DSN {@code Action}: failed, delayed, delivered, relayed or expanded
 * @param status the enhanced status code, e.g. {@code 5.1.1}
 * @param diagnostic the {@code Diagnostic-Code}, if given
 */
public record BounceReport(
        String messageId,
        Optional<String> recipient,
        String action,
        String status,
        Optional<String> diagnostic) {

    public BounceReport {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }

    /**
     * A permanent failure: the message will never arrive (RFC 3464 {@code Action: failed} with a
     * 5.x.x status). Delays (4.x.x) and successful-delivery reports are not bounces.
     */
    public boolean permanent() {
        return action.equalsIgnoreCase("failed") && status.startsWith("5");
    }

    /** One line for the issuer: the status and the remote server's reason. */
    public String reason() {
        return status
                + recipient.map(address -> " " + address).orElse("")
                + diagnostic.map(d -> ": " + d).orElse("");
    }
}
