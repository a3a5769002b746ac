package org.credence.app.testing;

import java.nio.charset.StandardCharsets;

/** Bounce messages as mail servers return them, for delivery tests. */
public final class BounceMessages {

    private BounceMessages() {}

    /**
     * A delivery status notification (RFC 3464) as Postfix returns it to the sender, with the
     * original message's headers.
     *
     * @param messageId the Message-ID of the e-mail that bounced
     * @param action {@code failed} or {@code delayed}
     * @param status the enhanced status code, e.g. {@code 5.1.1}
     * @param diagnostic the remote server's words, e.g. {@code smtp; 550 5.1.1 no such user}
     */
    public static byte[] dsn(String messageId, String action, String status, String diagnostic) {
        String text =
                String.join(
                        "\r\n",
                        "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
                        "To: badges@riverside.example",
                        "Subject: Undelivered Mail Returned to Sender",
                        "MIME-Version: 1.0",
                        "Content-Type: multipart/report; report-type=delivery-status;",
                        "\tboundary=\"B0UNDARY\"",
                        "",
                        "--B0UNDARY",
                        "Content-Type: text/plain; charset=us-ascii",
                        "",
                        "I'm sorry to have to inform you that your message could not be delivered.",
                        "",
                        "--B0UNDARY",
                        "Content-Type: message/delivery-status",
                        "",
                        "Reporting-MTA: dns; mx.example.org",
                        "Arrival-Date: Mon, 30 Nov 2026 10:00:00 +0000",
                        "",
                        "Final-Recipient: rfc822; ada@example.org",
                        "Original-Recipient: rfc822;ada@example.org",
                        "Action: " + action,
                        "Status: " + status,
                        "Diagnostic-Code: " + diagnostic,
                        "",
                        "--B0UNDARY",
                        "Content-Type: text/rfc822-headers",
                        "",
                        "From: badges@riverside.example",
                        "To: ada@example.org",
                        "Subject: Your credential",
                        "Message-ID: " + messageId,
                        "",
                        "--B0UNDARY--",
                        "");
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
