package org.credence.app.delivery;

import java.util.Objects;
import java.util.UUID;

/**
 * One e-mail to send: a plain-text and an HTML version of the same content.
 *
 * @param id the outbox id, which also names the message's Message-ID, so that a retry of the same
 *     message carries the same Message-ID
 * @param to the recipient address
 * @param subject the subject (one line)
 * @param text the plain-text body
 * @param html the HTML body, already escaped where it interpolates values
 */
public record EmailMessage(UUID id, String to, String subject, String text, String html) {

    public EmailMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (to.chars().anyMatch(c -> c == '\r' || c == '\n')
                || subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("to and subject must be single lines");
        }
    }
}
