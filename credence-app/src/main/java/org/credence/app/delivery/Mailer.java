package org.credence.app.delivery;

/**
 * Sends one e-mail now. The outbox calls it; nothing else should, so that every e-mail is queued,
 * throttled and retried. Implementations are thread-safe.
 */
public interface Mailer {

    /**
     * Sends the message.
     *
     * @return the Message-ID it was sent with, e.g. {@code <id@college.example>}
     * @throws MailException when the server refused it or could not be reached
     */
    String send(EmailMessage message) throws MailException;
}
