package org.credence.app.issuer;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The installation's public base URL and the {@code did:web} identifiers derived from it: {@code
 * did:web:<host>} for the installation (served at {@code /.well-known/did.json}) and {@code
 * did:web:<host>:issuers:<slug>} for each issuer (served at {@code /issuers/<slug>/did.json}). A
 * port is percent-encoded as the did:web method requires ({@code example.com%3A8443}).
 *
 * <p>The base URL must be an https (or, for local development, http) URL without a path, query or
 * fragment: did:web documents live at fixed paths under the host. Immutable and thread-safe.
 *
 * @param baseUrl e.g. {@code https://badges.example.edu}
 */
public record DidWebHost(URI baseUrl) {

    public DidWebHost {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme();
        if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("The public base URL must be https: " + baseUrl);
        }
        if (baseUrl.getHost() == null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The public base URL needs a host: " + baseUrl);
        }
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        if (!(path.isEmpty() || path.equals("/"))
                || baseUrl.getRawQuery() != null
                || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "The public base URL must not have a path, query or fragment (did:web"
                            + " documents are served at fixed paths): "
                            + baseUrl);
        }
    }

    public static DidWebHost of(String baseUrl) {
        return new DidWebHost(URI.create(baseUrl));
    }

    /** The base URL without a trailing slash, e.g. to build achievement ids. */
    public String base() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** {@code did:web:<host>}: the installation itself. */
    public String platformDid() {
        String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        return "did:web:" + (baseUrl.getPort() < 0 ? host : host + "%3A" + baseUrl.getPort());
    }

    /** {@code did:web:<host>:issuers:<slug>}. */
    public String issuerDid(String slug) {
        return platformDid() + ":issuers:" + slug;
    }
}
