package org.credence.app.achievement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders criteria narratives (CommonMark) to HTML that is safe to put in a page: raw HTML in the
 * Markdown is removed (not rendered, not even escaped), text is escaped, and link and image URLs
 * other than http, https, mailto and relative ones are emptied; links get {@code rel="nofollow"}.
 * Thread-safe.
 */
public final class CriteriaMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder()
                    .escapeHtml(true)
                    .sanitizeUrls(true)
                    .urlSanitizer(new WebUrls())
                    .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private CriteriaMarkdown() {}

    /** The HTML of {@code markdown}. */
    public static String toHtml(String markdown) {
        return RENDERER.render(withoutRawHtml(markdown));
    }

    /**
     * The text of {@code markdown} without its markup (raw HTML removed as for {@link #toHtml}),
     * for places that cannot show HTML, such as a printed certificate.
     */
    public static String toPlainText(String markdown) {
        return TEXT.render(withoutRawHtml(markdown)).strip();
    }

    private static Node withoutRawHtml(String markdown) {
        Node document = PARSER.parse(markdown);
        List<Node> html = new ArrayList<>();
        document.accept(
                new AbstractVisitor() {
                    @Override
                    public void visit(HtmlBlock block) {
                        html.add(block);
                    }

                    @Override
                    public void visit(HtmlInline inline) {
                        html.add(inline);
                    }
                });
        html.forEach(Node::unlink);
        return document;
    }

    /**
     * Keeps web, mail and relative URLs; anything else ({@code javascript:}, {@code data:}) becomes
     * empty.
     */
    private static final class WebUrls implements UrlSanitizer {

        private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

        @Override
        public String sanitizeLinkUrl(String url) {
            return safe(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return safe(url) ? url : "";
        }

        private static boolean safe(String url) {
            String text = url.strip();
            int colon = text.indexOf(':');
            int boundary = firstOf(text, "/?#");
            if (colon < 0 || (boundary >= 0 && boundary < colon)) {
                return true;
            }
            return SCHEMES.contains(text.substring(0, colon).toLowerCase(Locale.ROOT));
        }

        private static int firstOf(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
