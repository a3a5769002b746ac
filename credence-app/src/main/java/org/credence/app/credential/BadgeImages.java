package org.credence.app.credential;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.credence.app.image.GeneratedBadge;

/**
 * The image a credential is baked into: the achievement's own image when it is stored as a {@code
 * data:} URL of the right type (Credence never fetches remote images), otherwise a generated round
 * badge with the achievement's name. PNGs are drawn with java.awt in headless mode. Public for the
 * wallet, which bakes imported credentials the same way. Thread-safe.
 */
public final class BadgeImages {

    private static final int SIZE = 400;
    private static final String PNG_DATA = "data:image/png;base64,";
    private static final String SVG_DATA = "data:image/svg+xml;base64,";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private BadgeImages() {}

    public static byte[] png(Optional<String> image, String name) {
        if (image.isPresent()
                && image.get().regionMatches(true, 0, PNG_DATA, 0, PNG_DATA.length())) {
            return Base64.getDecoder().decode(image.get().substring(PNG_DATA.length()));
        }
        return generatedPng(name);
    }

    public static String svg(Optional<String> image, String name) {
        if (image.isPresent()
                && image.get().regionMatches(true, 0, SVG_DATA, 0, SVG_DATA.length())) {
            return new String(
                    Base64.getDecoder().decode(image.get().substring(SVG_DATA.length())),
                    StandardCharsets.UTF_8);
        }
        return generatedSvg(name);
    }

    static String generatedSvg(String name) {
        return GeneratedBadge.svg(name);
    }

    static byte[] generatedPng(String name) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(
                    RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(new Color(0x1d4e89));
            graphics.fillOval(10, 10, 380, 380);
            graphics.setColor(new Color(0xf2c14e));
            graphics.setStroke(new BasicStroke(8));
            graphics.drawOval(30, 30, 340, 340);
            graphics.setColor(Color.WHITE);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            FontMetrics metrics = graphics.getFontMetrics();
            List<String> lines = GeneratedBadge.lines(name);
            int y = 200 - (lines.size() - 1) * 17 + 10;
            for (String line : lines) {
                graphics.drawString(line, 200 - metrics.stringWidth(line) / 2, y);
                y += 34;
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory PNG encoding cannot fail", e);
        }
        return out.toByteArray();
    }
}
