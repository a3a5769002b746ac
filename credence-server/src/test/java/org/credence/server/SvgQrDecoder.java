package org.credence.server;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the QR codes pages draw as inline SVG ({@code QrCode.svg}: a viewBox and one path of
 * unit squares), by painting the squares into pixels and decoding them with zxing, as a phone's
 * camera would read the screen.
 */
final class SvgQrDecoder {

    private static final Pattern SVG = Pattern.compile("<svg[^>]*class=\"qr\".*?</svg>");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern SQUARE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    private SvgQrDecoder() {}

    /** Every QR code on the page, decoded, in page order. */
    static List<String> decodeAll(String html) {
        List<String> texts = new ArrayList<>();
        Matcher svg = SVG.matcher(html);
        while (svg.find()) {
            texts.add(decode(svg.group()));
        }
        return texts;
    }

    static String decode(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new IllegalArgumentException("no viewBox");
        }
        // A quiet zone of four modules around the code, as a printed QR code has: zxing's finder
        // pattern search needs it (without it, some codes are not found).
        int margin = 4 * SCALE;
        int width = Integer.parseInt(box.group(1)) * SCALE + 2 * margin;
        int height = Integer.parseInt(box.group(2)) * SCALE + 2 * margin;
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher square = SQUARE.matcher(svg);
        while (square.find()) {
            int left = Integer.parseInt(square.group(1)) * SCALE + margin;
            int top = Integer.parseInt(square.group(2)) * SCALE + margin;
            for (int y = top; y < top + SCALE; y++) {
                for (int x = left; x < left + SCALE; x++) {
                    pixels[y * width + x] = 0xFF000000;
                }
            }
        }
        BinaryBitmap bitmap =
                new BinaryBitmap(
                        new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new QRCodeReader().decode(bitmap).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            try {
                // The image is exactly the code: read it as such when the search fails.
                return new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText();
            } catch (NotFoundException | ChecksumException | FormatException again) {
                again.addSuppressed(e);
                throw new IllegalStateException("unreadable QR code", again);
            }
        }
    }
}
