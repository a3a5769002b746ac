package org.credence.core.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.credence.core.Verifier;
import org.credence.core.verify.Verdict;
import org.credence.core.verify.VerificationReport;
import org.credence.core.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/** Badge images baked with Open Badges 2.0 assertions, through the {@link Verifier}. */
class Ob2BakedVerificationTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    /** A 1x1 PNG with an uncompressed {@code iTXt openbadges} chunk after IHDR (Baking 1.0). */
    private static byte[] bakedPng(String text) throws IOException {
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB), "png", image);
        byte[] png = image.toByteArray();
        int ihdrEnd = 8 + 4 + 4 + 13 + 4;
        byte[] data = ("openbadges\0\0\0\0\0" + text).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream baked = new ByteArrayOutputStream();
        baked.write(png, 0, ihdrEnd);
        baked.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeAndData =
                ByteBuffer.allocate(4 + data.length)
                        .put("iTXt".getBytes(StandardCharsets.US_ASCII))
                        .put(data)
                        .array();
        baked.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        baked.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        baked.write(png, ihdrEnd, png.length - ihdrEnd);
        return baked.toByteArray();
    }

    private static VerificationReport verify(Ob2Badges.Web web, byte[] image) {
        return Verifier.builder()
                .fetcher(web)
                .clock(CLOCK)
                .build()
                .verify(image, VerifyOptions.DEFAULT);
    }

    @Test
    void should_verify_a_png_baked_with_a_hosted_assertion() throws IOException {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();

        // WHEN
        VerificationReport report =
                verify(Ob2Badges.Web.hosting(assertion), bakedPng(assertion.toString()));

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.format()).isEqualTo(Ob2Verifier.HOSTED);
    }

    @Test
    void should_verify_a_png_baked_with_the_url_of_a_hosted_assertion() throws IOException {
        // GIVEN
        JsonObject assertion = Ob2Badges.hostedAssertion();

        // WHEN
        VerificationReport report =
                verify(Ob2Badges.Web.hosting(assertion), bakedPng(Ob2Badges.ASSERTION));

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void should_verify_a_png_baked_with_a_signed_assertion() throws IOException {
        // GIVEN
        KeyPair keys = Ob2Badges.rsaKeyPair();
        Ob2Badges.Web web =
                new Ob2Badges.Web()
                        .serve(
                                Ob2Badges.ISSUER,
                                Ob2Badges.issuer().add("publicKey", Ob2Badges.KEY).build())
                        .serve(Ob2Badges.BADGE, Ob2Badges.badgeClass().build())
                        .serve(Ob2Badges.KEY, Ob2Badges.keyDocument(keys, Ob2Badges.ISSUER));
        String jws = Ob2Badges.sign(Ob2Badges.signedAssertion(), keys);

        // WHEN
        VerificationReport report = verify(web, bakedPng(jws));

        // THEN
        assertThat(report.verdict()).as(report.problems().toString()).isEqualTo(Verdict.VERIFIED);
        assertThat(report.format()).isEqualTo(Ob2Verifier.SIGNED);
    }

    @Test
    void should_fail_a_baked_png_whose_assertion_differs_from_the_hosted_one() throws IOException {
        // GIVEN
        JsonObject hosted = Ob2Badges.hostedAssertion();
        JsonObject baked =
                jakarta.json.Json.createObjectBuilder(hosted)
                        .add("issuedOn", "2020-01-01T00:00:00Z")
                        .build();

        // WHEN
        VerificationReport report =
                verify(Ob2Badges.Web.hosting(hosted), bakedPng(baked.toString()));

        // THEN
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }
}
