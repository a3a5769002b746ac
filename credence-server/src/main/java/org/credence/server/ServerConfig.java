package org.credence.server;

import java.util.Objects;
import org.credence.app.issuer.DidWebHost;
import org.credence.server.config.CredenceConfig;

/**
 * How the HTTP server runs.
 *
 * @param port the port (0: any free port)
 * @param host the public base URL (cookies are {@code Secure} when it is https)
 * @param verifyPerSecond public verifications allowed per client address and second (the anti-abuse
 *     limit of {@code POST /credentials/verify}; a burst of 6 seconds' worth, at least 60, is
 *     allowed)
 * @param mailConfigured whether an SMTP server is configured: without one, e-mails stay queued, so
 *     the link of a new invitation is also shown to the inviter, to pass on
 */
public record ServerConfig(
        int port, DidWebHost host, double verifyPerSecond, boolean mailConfigured) {

    /** Public verifications per client address and second, unless configured. */
    public static final double DEFAULT_VERIFY_PER_SECOND = 10;

    public ServerConfig(int port, DidWebHost host) {
        this(port, host, DEFAULT_VERIFY_PER_SECOND);
    }

    /** A server without a mail server. */
    public ServerConfig(int port, DidWebHost host, double verifyPerSecond) {
        this(port, host, verifyPerSecond, false);
    }

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: between 0 and 65535");
        }
        if (!(verifyPerSecond > 0)) {
            throw new IllegalArgumentException("verifyPerSecond: must be positive");
        }
    }

    public static ServerConfig of(CredenceConfig config) {
        return new ServerConfig(
                config.port(),
                config.baseUrl(),
                config.verifyPerSecond(),
                config.smtp().isPresent());
    }

    /** The burst of public verifications allowed per client address. */
    public int verifyBurst() {
        return (int) Math.max(60, Math.min(Integer.MAX_VALUE, verifyPerSecond * 6));
    }

    public boolean secureCookies() {
        return host.baseUrl().getScheme().equalsIgnoreCase("https");
    }
}
