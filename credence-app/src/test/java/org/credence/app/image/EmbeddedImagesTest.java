package org.credence.app.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Images inside credentials someone else made (issuer logos, achievement images as {@code data:}
 * URLs) pass the upload checks before a page or a PDF uses them; a hostile one is dropped with a
 * reason, never thrown or decoded at full size.
 */
class EmbeddedImagesTest {

    @Test
    void should_keep_a_small_png() throws IOException {
        String url = "data:image/png;base64," + base64(png(32, 32));

        EmbeddedImage image = ImageUploads.embedded(url);

        assertThat(image.dataUrl()).hasValue(url);
        assertThat(image.dropped()).isEmpty();
    }

    @Test
    void should_drop_a_png_that_declares_100000_pixels_a_side_without_decoding_it()
            throws IOException {
        byte[] bomb = withSize(png(8, 8), 100_000, 100_000);

        EmbeddedImage image = ImageUploads.embedded("data:image/png;base64," + base64(bomb));

        assertThat(image.dataUrl()).isEmpty();
        assertThat(image.dropped()).hasValueSatisfying(why -> assertThat(why).contains("pixels"));
    }

    @Test
    void should_drop_a_truncated_png_an_svg_with_a_script_and_an_oversized_url()
            throws IOException {
        byte[] whole = png(64, 64);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        String script = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";

        assertThat(ImageUploads.embedded("data:image/png;base64," + base64(truncated)).dataUrl())
                .isEmpty();
        assertThat(
                        ImageUploads.embedded(
                                        "data:image/svg+xml;base64,"
                                                + base64(script.getBytes(StandardCharsets.UTF_8)))
                                .dataUrl())
                .isEmpty();
        assertThat(
                        ImageUploads.embedded(
                                        "data:image/png;base64," + "A".repeat(4 * 1024 * 1024))
                                .dropped())
                .hasValueSatisfying(why -> assertThat(why).contains("bytes"));
        assertThat(ImageUploads.embedded("data:image/gif;base64,R0lGOD").dataUrl()).isEmpty();
        assertThat(ImageUploads.embedded("data:image/png;base64,%%%").dataUrl()).isEmpty();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    /** The PNG with its IHDR declaring another size (and a correct CRC, so readers believe it). */
    private static byte[] withSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17); // "IHDR" and its 13 data bytes
        buffer.putInt(29, (int) crc.getValue());
        return copy;
    }
}
