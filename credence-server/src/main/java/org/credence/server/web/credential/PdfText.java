package org.credence.server.web.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text measured and made printable in one embedded font: characters the font has no glyph for, and
 * right-to-left letters (PDFBox draws glyphs in logical order without Arabic shaping, which would
 * print a name backwards and unjoined), become {@value #MISSING}, and the certificate says so. Line
 * breaking is greedy on spaces, with words longer than a line cut. One per document; not
 * thread-safe (it remembers which characters the font can print).
 */
final class PdfText {

    static final String MISSING = "?";

    private final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private boolean replaced;

    PdfText(PDFont font) {
        this.font = font;
    }

    PDFont font() {
        return font;
    }

    /** Whether any text made printable so far lost a character. */
    boolean replacedAny() {
        return replaced;
    }

    /**
     * {@code text} on one line: whitespace runs become one space, unprintables {@value #MISSING}.
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.strip()
                .replaceAll("\\s+", " ")
                .codePoints()
                .forEach(
                        codePoint -> {
                            if (canPrint(codePoint)) {
                                out.appendCodePoint(codePoint);
                            } else {
                                replaced = true;
                                out.append(MISSING);
                            }
                        });
        return out.toString();
    }

    /** The width of printable {@code text} at {@code size} points. */
    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code text} made printable and broken into at most {@code maxLines} lines of at most {@code
     * width} points; what does not fit ends in an ellipsis.
     */
    List<String> wrap(String text, float size, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            line.setLength(0);
            line.append(cut(word, size, width, lines));
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, ellipsis(kept.get(maxLines - 1), size, width));
        return kept;
    }

    /** Adds full-width pieces of an over-long word to {@code lines}; returns the rest. */
    private String cut(String word, float size, float width, List<String> lines) {
        String rest = word;
        while (width(rest, size) > width) {
            int end = rest.offsetByCodePoints(0, 1);
            while (end < rest.length()
                    && width(rest.substring(0, rest.offsetByCodePoints(end, 1)), size) <= width) {
                end = rest.offsetByCodePoints(end, 1);
            }
            lines.add(rest.substring(0, end));
            rest = rest.substring(end);
        }
        return rest;
    }

    private String ellipsis(String line, float size, float width) {
        String shortened = line;
        while (!shortened.isEmpty() && width(shortened + "…", size) > width) {
            shortened =
                    shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened.strip() + "…";
    }

    private boolean canPrint(int codePoint) {
        return printable.computeIfAbsent(codePoint, this::hasGlyph);
    }

    private boolean hasGlyph(int codePoint) {
        byte direction = Character.getDirectionality(codePoint);
        if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                || Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            // PDFBox's way of saying the font has no glyph for this character.
            return false;
        }
    }
}
