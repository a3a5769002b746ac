package org.credence.app.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends e-mail over SMTP with Jakarta Mail (Angus Mail): {@code multipart/alternative} with a
 * plain-text and an HTML part, UTF-8, and a Message-ID derived from the outbox id so that bounces
 * can be matched to the message. Immutable and thread-safe (each send opens its own connection).
 */
public final class SmtpMailer implements Mailer {

    private final SmtpSettings settings;
    private final Session session;
    private final Clock clock;

    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.setProperty(
                "mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        String connect = Long.toString(settings.connectTimeout().toMillis());
        String read = Long.toString(settings.readTimeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", connect);
        properties.setProperty("mail.smtp.timeout", read);
        properties.setProperty("mail.smtp.writetimeout", read);
        properties.setProperty("mail.smtp.from", settings.fromAddress());
        return properties;
    }

    /** The Message-ID a message gets: the outbox id at the sender's domain. */
    public String messageId(EmailMessage message) {
        return "<" + message.id() + "@" + settings.fromDomain() + ">";
    }

    @Override
    public String send(EmailMessage message) throws MailException {
        String messageId = messageId(message);
        try {
            MimeMessage mime = new FixedIdMessage(session, messageId);
            mime.setFrom(
                    new InternetAddress(
                            settings.fromAddress(),
                            settings.fromName(),
                            StandardCharsets.UTF_8.name()));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setSentDate(Date.from(clock.instant()));
            mime.setContent(body(message));
            if (settings.username().isPresent()) {
                Transport.send(mime, settings.username().get(), settings.password());
            } else {
                Transport.send(mime);
            }
            return messageId;
        } catch (AddressException e) {
            throw new MailException("Invalid address: " + e.getMessage(), true, e);
        } catch (SendFailedException e) {
            boolean rejected =
                    e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new MailException("SMTP refused the message: " + e.getMessage(), rejected, e);
        } catch (MessagingException e) {
            throw new MailException("SMTP failed: " + e.getMessage(), false, e);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static MimeMultipart body(EmailMessage message) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        return alternative;
    }

    /** Keeps Credence's Message-ID instead of the random one Jakarta Mail assigns on save. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
