package org.credence.app.issuer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.credence.app.AppException;

/**
 * Checks of user-supplied text that ends up in published JSON and pages: absolute web URLs, images
 * (an absolute URL or a base64 {@code data:} URL of a raster or SVG image), e-mail addresses and
 * plain text fields. Each failure is {@link org.credence.app.Problem#INVALID_INPUT} with a message
 * that starts with the field's name. Stateless and thread-safe.
 */
public final class WebReferences {

    /** Longest URL accepted. */
    public static final int MAX_URL = 2000;

    /** Largest decoded image accepted in a data URL (512 KiB). */
    public static final int MAX_IMAGE_BYTES = 512 * 1024;

    private static final Set<String> IMAGE_TYPES =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private WebReferences() {}

    /** An absolute {@code https} or {@code http} URL with a host. */
    public static String requireAbsoluteUrl(String field, String value) {
        if (value.length() > MAX_URL) {
            throw AppException.invalid(field + ": longer than " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw AppException.invalid(field + ": must be an absolute https URL: " + value);
            }
            return value;
        } catch (URISyntaxException e) {
            throw AppException.invalid(field + ": not a valid URL: " + e.getReason());
        }
    }

    /**
     * An image reference: an absolute URL, or {@code data:<image type>;base64,<data>} whose data
     * decodes and is at most {@link #MAX_IMAGE_BYTES}. SVG is allowed: pages show images with
     * {@code <img>}, where scripts in an SVG do not run.
     */
    public static String requireImage(String field, String value) {
        if (!value.regionMatches(true, 0, "data:", 0, 5)) {
            return requireAbsoluteUrl(field, value);
        }
        int comma = value.indexOf(',');
        String header = comma < 0 ? "" : value.substring(5, comma).toLowerCase(Locale.ROOT);
        if (!header.endsWith(";base64")
                || !IMAGE_TYPES.contains(header.substring(0, header.length() - 7))) {
            throw AppException.invalid(
                    field
                            + ": a data URL must be data:<type>;base64,… with a type among "
                            + IMAGE_TYPES);
        }
        String data = value.substring(comma + 1);
        if (data.length() > MAX_IMAGE_BYTES / 3 * 4 + 4) {
            throw AppException.invalid(field + ": image larger than " + MAX_IMAGE_BYTES + " bytes");
        }
        try {
            if (Base64.getDecoder().decode(data).length == 0) {
                throw AppException.invalid(field + ": the data URL holds no image");
            }
        } catch (IllegalArgumentException e) {
            throw AppException.invalid(field + ": the data URL is not valid base64");
        }
        return value;
    }

    /** A plausible e-mail address (one {@code @}, a dot in the domain, no spaces). */
    public static String requireEmail(String field, String value) {
        if (value.length() > 320 || !EMAIL.matcher(value).matches()) {
            throw AppException.invalid(field + ": not an e-mail address: " + value);
        }
        return value;
    }

    /**
     * Text of 1 to {@code max} characters (after stripping), without control characters other than
     * tab and line breaks (NUL in particular, which PostgreSQL refuses).
     */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw AppException.invalid(field + ": is required");
        }
        return optionalText(field, value, max);
    }

    /** Like {@link #requireText} but may be empty; returns the stripped text. */
    public static String optionalText(String field, String value, int max) {
        String text = value.strip();
        if (text.length() > max) {
            throw AppException.invalid(field + ": longer than " + max + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) && ch != '\t' && ch != '\n' && ch != '\r') {
                throw AppException.invalid(
                        field + ": contains a control character (U+" + hex(ch) + ")");
            }
        }
        return text;
    }

    private static String hex(char ch) {
        return String.format(Locale.ROOT, "%04X", (int) ch);
    }
}
