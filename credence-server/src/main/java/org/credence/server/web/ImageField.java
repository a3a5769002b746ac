package org.credence.server.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.credence.app.image.GeneratedBadge;
import org.credence.app.image.ImageUploads;

/**
 * The image part of the issuer and achievement forms: an uploaded PNG/SVG file ({@code imageFile})
 * wins; otherwise {@code imageAction} keeps the current image, removes it, or (achievements)
 * generates a badge from the name.
 */
final class ImageField {

    /**
     * The body limit of forms with an image: the 512 KiB image, the text fields and multipart
     * framing.
     */
    static final long MAX_BODY = 2L * 1024 * 1024;

    static final String FILE = "imageFile";
    static final String ACTION = "imageAction";

    private ImageField() {}

    /** The image to save, given the current one (empty when there is none). */
    static Optional<String> chosen(Context ctx, Optional<String> current, String name) {
        Optional<byte[]> upload = FormState.upload(ctx, FILE);
        if (upload.isPresent()) {
            return Optional.of(ImageUploads.dataUrl(FILE, upload.get()));
        }
        return switch (Forms.field(ctx, ACTION)) {
            case "remove" -> Optional.empty();
            case "generate" ->
                    Optional.of(GeneratedBadge.svgDataUrl(name.isBlank() ? "Badge" : name));
            default -> current;
        };
    }

    /** Whether an image may be shown inline: only stored data URLs (Credence never fetches). */
    static boolean inline(Optional<String> image) {
        return image.isPresent() && image.get().startsWith("data:image/");
    }
}
