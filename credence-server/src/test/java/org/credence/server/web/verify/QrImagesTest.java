package org.credence.server.web.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    private static byte[] blank() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
