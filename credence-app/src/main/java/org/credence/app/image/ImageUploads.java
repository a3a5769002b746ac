package org.credence.app.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.credence.app.AppException;

/**
 * Turns an uploaded badge or issuer image into the {@code data:} URL the services store, after
 * checking that it really is what it claims: a PNG that decodes (at most {@link #MAX_PIXELS} on a
 * side) or an SVG that passes {@link SvgCheck}. Anything else, or more than {@link #MAX_BYTES}, is
 * {@link org.credence.app.Problem#INVALID_INPUT} naming the field. The declared content type and
 * file name are ignored: only the bytes count. Stateless and thread-safe.
 */
public final class ImageUploads {

    /** Largest image accepted: 512 KiB. */
    public static final int MAX_BYTES = 512 * 1024;

    /** Largest width or height of a PNG. */
    public static final int MAX_PIXELS = 4096;

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };
    private static final String PNG_DATA = "data:image/png;base64,";
    private static final String SVG_DATA = "data:image/svg+xml;base64,";

    private ImageUploads() {}

    /** The checked image as a base64 {@code data:} URL. */
    public static String dataUrl(String field, byte[] bytes) {
        if (bytes.length == 0) {
            throw AppException.invalid(field + ": the file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw AppException.invalid(
                    field
                            + ": the image has "
                            + bytes.length
                            + " bytes; at most "
                            + MAX_BYTES
                            + " (512 KiB)");
        }
        if (isPng(bytes)) {
            requireDecodablePng(field, bytes);
            return PNG_DATA + Base64.getEncoder().encodeToString(bytes);
        }
        if (looksLikeXml(bytes)) {
            SvgCheck.requireSafe(field, bytes);
            return SVG_DATA + Base64.getEncoder().encodeToString(bytes);
        }
        throw AppException.invalid(field + ": must be a PNG or SVG image");
    }

    /**
     * An image reference sent to the API: an absolute URL is returned as it is (the services check
     * it); a {@code data:} URL must hold a PNG or SVG that passes the same checks as an upload.
     */
    public static String reference(String field, String value) {
        if (!value.regionMatches(true, 0, "data:", 0, 5)) {
            return value;
        }
        int comma = value.indexOf(',');
        String header = comma < 0 ? "" : value.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!header.equals("image/png;base64") && !header.equals("image/svg+xml;base64")) {
            throw AppException.invalid(
                    field
                            + ": a data URL must be data:image/png;base64,… or data:image/svg+xml;base64,…");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw AppException.invalid(field + ": the data URL is not valid base64");
        }
        String checked = dataUrl(field, bytes);
        if (!checked.startsWith(header.startsWith("image/png") ? PNG_DATA : SVG_DATA)) {
            throw AppException.invalid(field + ": the data URL's type does not match its content");
        }
        return checked;
    }

    /**
     * An image embedded in an imported or verified credential, checked as an upload before any page
     * or PDF uses it: a PNG or SVG {@code data:} URL within the byte and pixel limits. The length
     * is checked before decoding, the PNG's declared size before its pixels; anything else is
     * dropped with the reason.
     */
    public static EmbeddedImage embedded(String dataUrl) {
        if (!dataUrl.regionMatches(true, 0, "data:", 0, 5)) {
            return EmbeddedImage.dropped("only images embedded in the credential are shown");
        }
        long decodedAtMost = (long) dataUrl.length() * 3 / 4;
        if (decodedAtMost > MAX_BYTES + 3) {
            return EmbeddedImage.dropped(
                    "the image has about "
                            + decodedAtMost
                            + " bytes; at most "
                            + MAX_BYTES
                            + " are shown");
        }
        try {
            return EmbeddedImage.kept(reference("image", dataUrl.strip()));
        } catch (AppException e) {
            return EmbeddedImage.dropped(e.getMessage().replaceFirst("^image: ", ""));
        }
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length > PNG_SIGNATURE.length
                && Arrays.equals(
                        bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }

    private static boolean looksLikeXml(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8);
        start = start.startsWith("\uFEFF") ? start.substring(1) : start;
        return start.stripLeading().startsWith("<");
    }

    /** Only ImageIO's PNG reader is asked (other plug-ins on the class path may throw on junk). */
    private static void requireDecodablePng(String field, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("The JDK has no PNG reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input =
                ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width > MAX_PIXELS || height > MAX_PIXELS) {
                throw AppException.invalid(
                        field
                                + ": the PNG is "
                                + width
                                + "×"
                                + height
                                + " pixels; at most "
                                + MAX_PIXELS
                                + " on a side");
            }
            reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AppException app) {
                throw app;
            }
            throw AppException.invalid(field + ": not a readable PNG image");
        } finally {
            reader.dispose();
        }
    }
}
