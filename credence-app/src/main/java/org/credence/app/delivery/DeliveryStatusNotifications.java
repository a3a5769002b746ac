package org.credence.app.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.credence.app.AppException;

/**
 * Reads bounce messages: RFC 3464 delivery status notifications ({@code multipart/report;
 * report-type=delivery-status}), as every mail server sends to the envelope sender. Jakarta Mail
 * parses the MIME structure and each header block ({@link InternetHeaders}); this class only knows
 * which parts and fields RFC 3464 puts where. Stateless and thread-safe.
 */
final class DeliveryStatusNotifications {

    private static final Session SESSION = Session.getInstance(new Properties());

    private DeliveryStatusNotifications() {}

    /**
     * @throws AppException {@code INVALID_INPUT} when the bytes are not a delivery status
     *     notification or name no returned Message-ID
     */
    static BounceReport read(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            if (!message.isMimeType("multipart/report")
                    || !(message.getContent() instanceof Multipart report)) {
                throw AppException.invalid(
                        "not a delivery status notification (multipart/report expected, got "
                                + message.getContentType()
                                + ")");
            }
            InternetHeaders perRecipient = null;
            String messageId = null;
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart part = report.getBodyPart(i);
                if (part.isMimeType("message/delivery-status")) {
                    perRecipient = perRecipientFields(part);
                } else if (part.isMimeType("message/rfc822")
                        || part.isMimeType("text/rfc822-headers")) {
                    messageId = returnedMessageId(part);
                }
            }
            if (perRecipient == null) {
                throw AppException.invalid("the report has no message/delivery-status part");
            }
            if (messageId == null) {
                throw AppException.invalid(
                        "the report does not return the original message's Message-ID");
            }
            return new BounceReport(
                    messageId,
                    field(perRecipient, "Final-Recipient")
                            .map(DeliveryStatusNotifications::address),
                    field(perRecipient, "Action").orElse("").toLowerCase(Locale.ROOT),
                    field(perRecipient, "Status").orElse(""),
                    field(perRecipient, "Diagnostic-Code")
                            .map(DeliveryStatusNotifications::address));
        } catch (MessagingException | IOException e) {
            throw AppException.invalid("unreadable bounce message: " + e.getMessage());
        }
    }

    /**
     * The delivery-status body is a per-message block, a blank line, then one block per recipient
     * (RFC 3464 §2.1): the first recipient block is the one reported.
     */
    private static InternetHeaders perRecipientFields(Part part)
            throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            new InternetHeaders(in); // per-message fields (Reporting-MTA, Arrival-Date …)
            InternetHeaders recipient = new InternetHeaders(in);
            if (recipient.getHeader("Action") == null) {
                throw AppException.invalid("the delivery status names no recipient Action");
            }
            return recipient;
        }
    }

    private static String returnedMessageId(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            String[] ids = new InternetHeaders(in).getHeader("Message-ID");
            return ids == null ? null : ids[0].strip();
        }
    }

    private static Optional<String> field(InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        return values == null || values[0].isBlank()
                ? Optional.empty()
                : Optional.of(values[0].strip());
    }

    /** {@code rfc822; jo@example.org} → {@code jo@example.org} (the type prefix dropped). */
    private static String address(String typed) {
        int semicolon = typed.indexOf(';');
        return semicolon < 0 ? typed : typed.substring(semicolon + 1).strip();
    }
}
