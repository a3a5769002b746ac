package org.credence.server.web.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.credence.app.AppException;
import org.credence.server.VerifyFixtures;
import org.junit.jupiter.api.Test;

class QrImagesTest {

    private static final String URL = "https://badges.example.edu/credentials/1b0a2c3d";

    private static byte[] as(String format, byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage rgb =
                new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(rgb, format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void should_read_the_text_when_the_picture_is_a_png_or_jpeg() throws IOException {
        // GIVEN
        byte[] png = VerifyFixtures.qrPng(URL);

        // WHEN / THEN
        assertThat(QrImages.text(png)).isEqualTo(URL);
        assertThat(QrImages.text(as("jpeg", png))).isEqualTo(URL);
    }

    @Test
    void should_refuse_other_formats_junk_and_pictures_without_a_code() throws IOException {
        byte[] png = VerifyFixtures.qrPng(URL);
        byte[] truncated = Arrays.copyOf(png, 40);

        assertThatThrownBy(() -> QrImages.text(as("gif", png)))
                .isInstanceOf(AppException.class)
                .hasMessageStartingWith("image: upload a PNG or JPEG");
        assertThatThrownBy(() -> QrImages.text("\n junk".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AppException.class)
                .hasMessageStartingWith("image: upload a PNG or JPEG");
        assertThatThrownBy(() -> QrImages.text(truncated))
                .isInstanceOf(AppException.class)
                .hasMessageStartingWith("image: the picture could not be read");
        byte[] blank = blank();
        assertThatThrownBy(() -> QrImages.text(blank))
                .isInstanceOf(AppException.class)
                .hasMessage("image: no QR code found in the image");
    }

    @Test
    void should_refuse_a_picture_claiming_huge_dimensions_from_its_header_alone() {
        // GIVEN a PNG signature and header claiming 100000×100000 pixels, and no pixel data
        byte[] claim = pngHeader(100_000, 100_000);

        // WHEN / THEN it is refused for its size (not for its missing pixels), without decoding
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () ->
                        assertThatThrownBy(() -> QrImages.text(claim))
                                .isInstanceOf(AppException.class)
                                .hasMessageStartingWith("image: the picture is too large")
                                .hasMessageContaining("100000×100000"));
    }

    @Test
    void should_read_a_code_in_a_photo_larger_than_the_decoded_size_by_subsampling()
            throws IOException {
        // GIVEN a 5000×3000 picture (larger than MAX_DECODED_SIDE) with a code in its middle
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(VerifyFixtures.qrPng(URL)));
        BufferedImage photo = new BufferedImage(5000, 3000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = photo.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 5000, 3000);
        graphics.drawImage(code, 1500, 500, 2000, 2000, null);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(photo, "png", out);

        // WHEN / THEN
        assertThat(QrImages.MAX_DECODED_SIDE).isLessThan(5000);
        assertThat(QrImages.text(out.toByteArray())).isEqualTo(URL);
    }

    /** A PNG signature and a well-formed IHDR chunk (8-bit RGB) claiming the given size. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
        ihdr.putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    private static byte[] blank() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
