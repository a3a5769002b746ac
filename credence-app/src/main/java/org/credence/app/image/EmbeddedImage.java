package org.credence.app.image;

import java.util.Objects;
import java.util.Optional;

/**
 * An image embedded in a credential someone else made, after the upload checks: the checked {@code
 * data:} URL, or why it was left out (to tell the reader plainly).
 *
 * @param dataUrl the image, when it passed
 * @param dropped why it was left out, when it did not
 */
public record EmbeddedImage(Optional<String> dataUrl, Optional<String> dropped) {

    public EmbeddedImage {
        Objects.requireNonNull(dataUrl, "dataUrl");
        Objects.requireNonNull(dropped, "dropped");
        if (dataUrl.isPresent() == dropped.isPresent()) {
            throw new IllegalArgumentException("either an image or why it was dropped");
        }
    }

    static EmbeddedImage kept(String dataUrl) {
        return new EmbeddedImage(Optional.of(dataUrl), Optional.empty());
    }

    static EmbeddedImage dropped(String why) {
        return new EmbeddedImage(Optional.empty(), Optional.of(why));
    }
}
