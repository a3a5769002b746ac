package org.credence.core.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Extraction of Open Badges 2.0 baked badges (Baking 1.0), beside the 3.0 ones. */
class Ob2BakingTest {

    private static final String ASSERTION =
            "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
                    + "\"id\":\"https://example.org/assertions/123\"}";
    private static final String URL = "https://example.org/assertions/123";

    private final BadgeBaker baker = new BadgeBaker();

    /** {@code png} with one more chunk right after IHDR. */
    static byte[] withChunk(byte[] png, String type, String keyword, byte[] afterKeyword) {
        PngChunks.Chunk ihdr = PngChunks.walk(png).get(0);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes((keyword + '\0').getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(afterKeyword);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, ihdr.end());
        out.writeBytes(PngChunks.build(type, data.toByteArray()));
        out.write(png, ihdr.end(), png.length - ihdr.end());
        return out.toByteArray();
    }

    static byte[] itxt(String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[] {0, 0, 0, 0});
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    @Test
    void should_extract_the_assertion_when_a_png_has_an_openbadges_itxt_chunk() {
        // GIVEN
        byte[] png = withChunk(TestImages.png(), "iTXt", "openbadges", itxt(ASSERTION));

        // WHEN
        BakedCredential extracted = baker.extract(png);

        // THEN
        assertThat(extracted)
                .isEqualTo(
                        new BakedCredential(
                                ImageFormat.PNG, ASSERTION, BadgeVersion.OPEN_BADGES_2));
    }

    @Test
    void should_extract_the_url_when_a_legacy_png_has_an_openbadges_text_chunk() {
        // GIVEN
        byte[] png =
                withChunk(
                        TestImages.png(),
                        "tEXt",
                        "openbadges",
                        URL.getBytes(StandardCharsets.ISO_8859_1));

        // WHEN
        BakedCredential extracted = baker.extract(png);

        // THEN
        assertThat(extracted.credential()).isEqualTo(URL);
        assertThat(extracted.version()).isEqualTo(BadgeVersion.OPEN_BADGES_2);
    }

    @Test
    void should_prefer_the_open_badges_3_credential_when_a_png_has_both() {
        // GIVEN
        byte[] both =
                withChunk(
                        baker.bakePng(TestImages.png(), TestImages.JSON_CREDENTIAL),
                        "iTXt",
                        "openbadges",
                        itxt(ASSERTION));

        // WHEN
        BakedCredential extracted = baker.extract(both);

        // THEN
        assertThat(extracted)
                .isEqualTo(new BakedCredential(ImageFormat.PNG, TestImages.JSON_CREDENTIAL));
    }

    @Test
    void should_refuse_when_a_png_has_two_openbadges_chunks() {
        // GIVEN
        byte[] once = withChunk(TestImages.png(), "iTXt", "openbadges", itxt(ASSERTION));
        byte[] twice = withChunk(once, "iTXt", "openbadges", itxt(ASSERTION));

        // WHEN / THEN
        assertThatThrownBy(() -> baker.extract(twice))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.MULTIPLE_CREDENTIALS));
    }

    @Test
    void should_refuse_when_the_openbadges_chunk_is_compressed() {
        // GIVEN
        byte[] compressed = itxt(ASSERTION);
        compressed[0] = 1;
        byte[] png = withChunk(TestImages.png(), "iTXt", "openbadges", compressed);

        // WHEN / THEN
        assertThatThrownBy(() -> baker.extract(png))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.COMPRESSED_CREDENTIAL));
    }

    @Test
    void should_extract_the_json_body_when_an_svg_has_a_hosted_assertion() {
        // GIVEN the Baking 1.0 example: verify="URL" and the JSON in CDATA
        String svg =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" viewBox="0 0 512 512">
                  <openbadges:assertion verify="%s">
                    <![CDATA[ %s ]]>
                  </openbadges:assertion>
                  <circle cx="5" cy="5" r="4"/>
                </svg>
                """
                        .formatted(URL, ASSERTION);

        // WHEN
        BakedCredential extracted = baker.extract(svg.getBytes(StandardCharsets.UTF_8));

        // THEN
        assertThat(extracted)
                .isEqualTo(
                        new BakedCredential(
                                ImageFormat.SVG, ASSERTION, BadgeVersion.OPEN_BADGES_2));
    }

    @Test
    void should_extract_the_jws_when_an_svg_assertion_has_only_a_verify_attribute() {
        // GIVEN
        String svg =
                """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
                  <openbadges:assertion verify="%s"/>
                </svg>
                """
                        .formatted(TestImages.JWS);

        // WHEN
        BakedCredential extracted = baker.extract(svg.getBytes(StandardCharsets.UTF_8));

        // THEN
        assertThat(extracted.credential()).isEqualTo(TestImages.JWS);
        assertThat(extracted.version()).isEqualTo(BadgeVersion.OPEN_BADGES_2);
    }

    @Test
    void should_still_refuse_an_image_without_any_badge() {
        // WHEN / THEN
        assertThatThrownBy(() -> baker.extract(TestImages.png()))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.NO_CREDENTIAL));
        assertThatThrownBy(() -> baker.extract(TestImages.SVG.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.NO_CREDENTIAL));
    }
}
