package org.credence.server;

import java.util.Objects;
import org.credence.app.issuer.DidWebHost;
import org.credence.server.config.CredenceConfig;

/**
 * How the HTTP server runs.
 *
 * @param port the port (0: any free port)
 * @param host the public base URL (cookies are {@code Secure} when it is https)
 */
public record ServerConfig(int port, DidWebHost host) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: between 0 and 65535");
        }
    }

    public static ServerConfig of(CredenceConfig config) {
        return new ServerConfig(config.port(), config.baseUrl());
    }

    public boolean secureCookies() {
        return host.baseUrl().getScheme().equalsIgnoreCase("https");
    }
}
