package org.credence.app.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail's subject, text and HTML with {@code {{name}}} placeholders. Rendering HTML-escapes
 * every value put into the HTML (names and titles come from issuers and learners, and an e-mail
 * client is a browser), and folds line breaks in the subject (a header). Immutable.
 *
 * @param subject the subject template
 * @param text the plain-text template
 * @param html the HTML template
 */
public record EmailTemplate(String subject, String text, String html) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    public EmailTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** Loads {@code <name>.subject.txt}, {@code <name>.txt} and {@code <name>.html} beside this. */
    public static EmailTemplate load(String name) {
        return new EmailTemplate(
                resource(name + ".subject.txt").strip(),
                resource(name + ".txt"),
                resource(name + ".html"));
    }

    /**
     * Fills the placeholders.
     *
     * @throws IllegalArgumentException when a placeholder has no value
     */
    public RenderedEmail render(Map<String, String> values) {
        return new RenderedEmail(
                fill(subject, values, value -> value.replaceAll("[\\r\\n\\t]+", " ")),
                fill(text, values, value -> value),
                fill(html, values, Html::escape));
    }

    private static String fill(
            String template,
            Map<String, String> values,
            java.util.function.UnaryOperator<String> encode) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(encode.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = EmailTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no e-mail template resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled template. */
    public record RenderedEmail(String subject, String text, String html) {}

    /** Escaping for HTML text and quoted attribute values. */
    static final class Html {

        private Html() {}

        static String escape(String value) {
            StringBuilder out = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
