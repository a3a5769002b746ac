package org.credence.app.issuer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The proof that whoever runs an issuer controls the host of its URL: a text file at {@code
 * https://<host>/.well-known/credence-issuer-verification.txt} with a line {@code
 * credence-issuer-verification=<token>} holding the token this installation gave the issuer.
 *
 * <p>The file is UTF-8 text; lines are compared after trimming white space, blank lines and lines
 * starting with {@code #} are ignored, and it may hold several such lines (several issuers, or
 * several installations, on one domain). The token is random and per issuer and host, so copying
 * another issuer's file proves nothing.
 *
 * @param host the host (with its port when the URL names one), lower case
 * @param token the token to publish
 */
public record DomainProof(String host, String token) {

    /** Where the file is, on the issuer URL's host. */
    public static final String PATH = "/.well-known/credence-issuer-verification.txt";

    /** What a line holding the token starts with. */
    public static final String PREFIX = "credence-issuer-verification=";

    public DomainProof {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
    }

    /** The host a URL's domain verification is for: its host, and its port if it names one. */
    public static String hostOf(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }

    /** {@code https://<host>/.well-known/credence-issuer-verification.txt}. */
    public URI fileUrl() {
        return URI.create("https://" + host + PATH);
    }

    /** The line the file must contain. */
    public String line() {
        return PREFIX + token;
    }

    /** Whether a fetched file holds this proof's line. */
    public boolean foundIn(byte[] file) {
        return new String(file, StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .anyMatch(line()::equals);
    }
}
