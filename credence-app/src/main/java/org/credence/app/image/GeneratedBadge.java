package org.credence.app.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A plain round badge with the achievement's name, as an SVG {@code data:} URL, for designers who
 * have no artwork: stored as the design's image, it travels in the badge JSON like an uploaded one.
 * Stateless and thread-safe.
 */
public final class GeneratedBadge {

    private GeneratedBadge() {}

    /** The badge for {@code name} (up to four lines, longer names end with an ellipsis). */
    public static String svgDataUrl(String name) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(name).getBytes(StandardCharsets.UTF_8));
    }

    /** The badge's SVG document (baked into downloads when a design has no image of its own). */
    public static String svg(String name) {
        StringBuilder svg =
                new StringBuilder(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\""
                                + " viewBox=\"0 0 400 400\" role=\"img\">"
                                + "<circle cx=\"200\" cy=\"200\" r=\"190\" fill=\"#1d4e89\"/>"
                                + "<circle cx=\"200\" cy=\"200\" r=\"170\" fill=\"none\""
                                + " stroke=\"#f2c14e\" stroke-width=\"8\"/>");
        List<String> lines = lines(name);
        int y = 210 - (lines.size() - 1) * 17;
        for (String line : lines) {
            svg.append("<text x=\"200\" y=\"")
                    .append(y)
                    .append(
                            "\" text-anchor=\"middle\" font-family=\"sans-serif\""
                                    + " font-size=\"28\" fill=\"#ffffff\">")
                    .append(escapeXml(line))
                    .append("</text>");
            y += 34;
        }
        return svg.append("</svg>").toString();
    }

    /** The name broken into the badge's lines (up to four, the last ending with an ellipsis). */
    public static List<String> lines(String name) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + word.length() > 18) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        if (lines.size() > 4) {
            List<String> shown = new ArrayList<>(lines.subList(0, 4));
            shown.set(3, shown.get(3) + "…");
            return shown;
        }
        return lines;
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
