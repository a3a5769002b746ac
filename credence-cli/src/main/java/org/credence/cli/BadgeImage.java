package org.credence.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Draws a plain badge (a medal with ribbons and a check mark) as PNG, for the demo. */
final class BadgeImage {

    private static final int SIZE = 256;

    private BadgeImage() {}

    /** A 256×256 PNG; shapes only, so it needs neither fonts nor a display. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(
                    RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            drawRibbons(graphics);
            drawMedal(graphics);
            drawCheckMark(graphics);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the badge PNG", e);
        }
        return png.toByteArray();
    }

    private static void drawRibbons(Graphics2D graphics) {
        graphics.setColor(new Color(0xC0392B));
        graphics.fill(ribbon(78, 140, 60));
        graphics.setColor(new Color(0x2471A3));
        graphics.fill(ribbon(118, 140, 60));
    }

    private static Path2D ribbon(int x, int top, int width) {
        Path2D ribbon = new Path2D.Double();
        ribbon.moveTo(x, top);
        ribbon.lineTo(x + width, top);
        ribbon.lineTo(x + width, SIZE - 8);
        ribbon.lineTo(x + width / 2.0, SIZE - 32);
        ribbon.lineTo(x, SIZE - 8);
        ribbon.closePath();
        return ribbon;
    }

    private static void drawMedal(Graphics2D graphics) {
        graphics.setPaint(
                new GradientPaint(40, 16, new Color(0xF7DC6F), 216, 192, new Color(0xB9770E)));
        graphics.fillOval(40, 16, 176, 176);
        graphics.setColor(new Color(0x7E5109));
        graphics.setStroke(new BasicStroke(6f));
        graphics.drawOval(52, 28, 152, 152);
    }

    private static void drawCheckMark(Graphics2D graphics) {
        graphics.setColor(Color.WHITE);
        graphics.setStroke(new BasicStroke(16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D check = new Path2D.Double();
        check.moveTo(88, 106);
        check.lineTo(118, 136);
        check.lineTo(170, 78);
        graphics.draw(check);
    }
}
