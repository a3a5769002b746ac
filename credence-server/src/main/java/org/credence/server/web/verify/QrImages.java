package org.credence.server.web.verify;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.credence.app.AppException;

/**
 * Reads the text of a QR code in an uploaded PNG or JPEG photo or screenshot. The format is decided
 * by the file's signature and only ImageIO's reader of that format is asked (other readers
 * registered on the class path, such as zxing-javase's PCX reader, throw on junk). The size is
 * checked from the header before any pixel is decoded, and a large photo is subsampled while it is
 * read, so whatever an upload claims, at most {@link #MAX_DECODED_SIDE} pixels a side are held in
 * memory (a 6000×6000 picture would otherwise take about 288 MB as pixels and an int[] copy).
 * Decoding uses zxing's core only. Stateless, thread-safe.
 */
final class QrImages {

    /**
     * Pictures with more pixels are refused before their pixels are decoded: even subsampled, every
     * compressed row is inflated, and a small PNG of one colour can claim billions of pixels. 50
     * million keeps every phone camera's photo (12 to 48 MP).
     */
    static final long MAX_PIXELS = 50_000_000L;

    /** Longer sides are subsampled while reading; a QR code stays legible at this size. */
    static final int MAX_DECODED_SIDE = 2000;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /**
     * A photo is searched for the code (TRY_HARDER); a screenshot or generated picture of only the
     * code is read as a pure barcode, which reads codes whose modules are not a whole number of
     * pixels (the search then sometimes misreads one and fails its checksum).
     */
    private static final List<Map<DecodeHintType, Object>> ATTEMPTS =
            List.of(
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));

    private QrImages() {}

    /**
     * The text encoded in the image's QR code.
     *
     * @throws AppException {@code INVALID_INPUT} (field {@code image}) when the image is not a PNG
     *     or JPEG, is too large, or holds no readable QR code
     */
    static String text(byte[] image) {
        BufferedImage pixels = read(image);
        int width = pixels.getWidth();
        int height = pixels.getHeight();
        int[] rgb = pixels.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap =
                new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, rgb)));
        boolean found = false;
        for (Map<DecodeHintType, Object> hints : ATTEMPTS) {
            try {
                return new QRCodeReader().decode(bitmap, hints).getText();
            } catch (NotFoundException e) {
                // next attempt
            } catch (ReaderException e) {
                found = true; // a code was seen but not read: the next attempt may read it
            }
        }
        throw AppException.invalid(
                found
                        ? "image: the QR code could not be read"
                        : "image: no QR code found in the image");
    }

    private static BufferedImage read(byte[] image) {
        String format = startsWith(image, PNG) ? "png" : startsWith(image, JPEG) ? "jpeg" : null;
        if (format == null) {
            throw AppException.invalid("image: upload a PNG or JPEG picture of the QR code");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input =
                ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_PIXELS) {
                throw AppException.invalid(
                        "image: the picture is too large ("
                                + width
                                + "×"
                                + height
                                + " pixels, at most "
                                + MAX_PIXELS / 1_000_000
                                + " million): crop it or take a smaller photo of the QR code");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) ((Math.max(width, height) + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AppException refusal) {
                throw refusal;
            }
            throw AppException.invalid("image: the picture could not be read as " + format);
        } finally {
            reader.dispose();
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
