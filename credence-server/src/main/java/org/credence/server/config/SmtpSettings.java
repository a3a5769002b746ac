package org.credence.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where to send e-mail from (for the delivery feature).
 *
 * @param host the SMTP server
 * @param port its port
 * @param username the login, if any
 * @param password the password, if any
 * @param from the sender address
 * @param startTls whether to require STARTTLS
 */
public record SmtpSettings(
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        String from,
        boolean startTls) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", from=" + from + "]";
    }
}
