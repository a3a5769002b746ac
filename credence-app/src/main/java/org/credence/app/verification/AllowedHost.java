package org.credence.app.verification;

import java.util.Locale;
import java.util.Objects;

/**
 * A host and port the safe fetcher may reach although its address is private or loopback: for tests
 * and closed test networks only ({@code CREDENCE_FETCH_ALLOW_HOSTS}). Written {@code host:port}
 * (e.g. {@code 127.0.0.1:54321}, {@code [::1]:8443}); written {@code http://host:port} it is also
 * reached over plain HTTP when a URL names https, so that a test server without TLS can stand for a
 * did:web host (did:web always maps to https).
 *
 * @param host the host name or IP literal, lower case, IPv6 without brackets
 * @param port the port
 * @param plainHttp whether https URLs for it are fetched over http
 */
public record AllowedHost(String host, int port, boolean plainHttp) {

    public AllowedHost {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a host:port pair: " + host + ":" + port);
        }
        host = unbracket(host).toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code host:port} or {@code http://host:port}.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static AllowedHost parse(String text) {
        String value = text.strip();
        boolean plainHttp = value.startsWith("http://");
        String authority = plainHttp ? value.substring("http://".length()) : value;
        if (authority.endsWith("/")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        int colon = authority.lastIndexOf(':');
        if (colon <= 0 || authority.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a host:port pair: " + text);
        }
        try {
            return new AllowedHost(
                    authority.substring(0, colon),
                    Integer.parseInt(authority.substring(colon + 1)),
                    plainHttp);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a host:port pair: " + text, e);
        }
    }

    /** Whether this entry names that host (name or literal, any case) and port. */
    public boolean matches(String otherHost, int otherPort) {
        return port == otherPort && host.equals(unbracket(otherHost).toLowerCase(Locale.ROOT));
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1)
                : host;
    }
}
