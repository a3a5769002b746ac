package org.credence.server.web.verify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.credence.app.image.GeneratedBadge;
import org.credence.core.json.Jsons;
import org.junit.jupiter.api.Test;

/**
 * The verify result page shows a verified credential's images only after the upload checks: a PNG
 * declaring 100000×100000 pixels is left out (the generated badge stands in), never decoded.
 */
class CredentialFactsImagesTest {

    @Test
    void should_leave_out_a_decompression_bomb_and_keep_a_small_image() throws IOException {
        String bomb = "data:image/png;base64," + base64(withSize(png(8, 8), 100_000, 100_000));
        String small = "data:image/png;base64," + base64(png(16, 16));

        CredentialFacts hostile = CredentialFacts.of(Optional.of(credential(bomb, bomb)));
        CredentialFacts fine = CredentialFacts.of(Optional.of(credential(small, small)));

        assertThat(hostile.image()).isEqualTo(GeneratedBadge.svgDataUrl("Night shift"));
        assertThat(hostile.issuerImage()).isEmpty();
        assertThat(fine.image()).isEqualTo(small);
        assertThat(fine.issuerImage()).hasValue(small);
    }

    private static JsonObject credential(String achievementImage, String issuerImage) {
        var provider = Jsons.PROVIDER;
        return provider.createObjectBuilder()
                .add(
                        "issuer",
                        provider.createObjectBuilder()
                                .add("id", "did:example:issuer")
                                .add("name", "Issuer")
                                .add(
                                        "image",
                                        provider.createObjectBuilder()
                                                .add("id", issuerImage)
                                                .add("type", "Image")))
                .add(
                        "credentialSubject",
                        provider.createObjectBuilder()
                                .add(
                                        "achievement",
                                        provider.createObjectBuilder()
                                                .add("name", "Night shift")
                                                .add("image", achievementImage)))
                .build();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] withSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return copy;
    }
}
