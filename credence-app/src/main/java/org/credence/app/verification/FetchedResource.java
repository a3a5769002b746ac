package org.credence.app.verification;

import java.net.URI;
import java.util.Objects;

/**
 * A document fetched for "verify this URL": where it was finally found, its media type and bytes.
 *
 * @param url the URL the bytes came from (after redirects and a page's alternate link)
 * @param contentType the {@code Content-Type} header, or {@code application/octet-stream}
 * @param body the response body (at most the fetcher's size limit)
 */
public record FetchedResource(URI url, String contentType, byte[] body) {

    public FetchedResource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether the server said it is an HTML page. */
    public boolean isHtml() {
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
    }
}
