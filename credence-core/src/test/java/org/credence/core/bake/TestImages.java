package org.credence.core.bake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Images and credentials for the baking tests. */
final class TestImages {

    static final Path VECTORS =
            Path.of(
                    "../credence-testing/src/main/resources/org/credence/testing/vectors/1edtech-validator");

    static final String JSON_CREDENTIAL =
            """
            {"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],\
            "name":"协作徽章 — شارة العمل الجماعي — Équipe réussie","credentialSubject":{"name":"Zoë Ñúñez"}}""";

    static final String JWS =
            "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZToxMjMifQ.c2lnbmF0dXJl";

    static final String SVG =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
            """;

    private TestImages() {}

    /** A 1x1 PNG written by ImageIO (writing is fine; we never read PNGs with ImageIO). */
    static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] vector(String name) {
        try {
            return Files.readAllBytes(VECTORS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
