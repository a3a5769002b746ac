package org.credence.app.verification;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The JSON behind a credential's HTML page: {@code <link rel="alternate" type="application/ld+json"
 * href="...">} (or {@code application/vc+ld+json}, {@code application/json}), as Credence's own
 * public credential pages carry. Parsed with jsoup, which reads real-world HTML as browsers do.
 * Stateless.
 */
final class AlternateLink {

    private static final Set<String> JSON_TYPES =
            Set.of("application/ld+json", "application/vc+ld+json", "application/json");

    private AlternateLink() {}

    /** The absolute URL of the page's JSON alternate, if it has one. */
    static Optional<URI> of(byte[] html, URI pageUrl) {
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8), pageUrl.toString());
        for (Element link : page.select("link[rel][type][href]")) {
            boolean alternate =
                    Set.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"))
                            .contains("alternate");
            String type = link.attr("type").toLowerCase(Locale.ROOT).split(";")[0].strip();
            if (alternate && JSON_TYPES.contains(type)) {
                try {
                    return Optional.of(new URI(link.absUrl("href")));
                } catch (URISyntaxException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
