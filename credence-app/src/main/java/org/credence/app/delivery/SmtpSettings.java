package org.credence.app.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP server that sends Credence's e-mail.
 *
 * @param host the server's host name
 * @param port its port (587 for submission with STARTTLS, 25, or a test server's)
 * @param username the login, empty for a server that needs none
 * @param password the password (ignored without a username)
 * @param fromAddress the sender address, e.g. {@code badges@college.example}
 * @param fromName the sender's display name
 * @param startTls whether to require STARTTLS before sending anything
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for each reply (and each write)
 */
public record SmtpSettings(
        String host,
        int port,
        Optional<String> username,
        String password,
        String fromAddress,
        String fromName,
        boolean startTls,
        Duration connectTimeout,
        Duration readTimeout) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(fromName, "fromName");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
        }
        if (fromAddress.indexOf('@') < 1) {
            throw new IllegalArgumentException("fromAddress is not an e-mail address");
        }
        if (connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** A server without login or TLS (a local relay, or a test server), 10 s timeouts. */
    public static SmtpSettings plain(String host, int port, String fromAddress, String fromName) {
        return new SmtpSettings(
                host,
                port,
                Optional.empty(),
                "",
                fromAddress,
                fromName,
                false,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    /** The domain of the sender address, used in the Message-IDs Credence assigns. */
    public String fromDomain() {
        return fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + username.orElse("-") + "]";
    }
}
