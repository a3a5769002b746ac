package org.credence.core.bake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BakedVectorsTest {

    private final BadgeBaker baker = new BadgeBaker();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "simple-json.png, PNG, JSON",
        "simple-json.svg, SVG, JSON",
        "simple-jwt.png, PNG, JWS",
        "simple-jwt.svg, SVG, JWS"
    })
    void should_extract_the_credential_when_reading_a_1edtech_baked_badge(
            String file, ImageFormat imageFormat, CredentialFormat credentialFormat) {
        // GIVEN
        byte[] image = TestImages.vector(file);

        // WHEN
        BakedCredential extracted = baker.extract(image);

        // THEN
        assertThat(extracted.format()).isEqualTo(imageFormat);
        assertThat(extracted.credentialFormat()).isEqualTo(credentialFormat);
        assertThat(extracted.credential())
                .startsWith(credentialFormat == CredentialFormat.JSON ? "{" : "eyJ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"simple-json.png", "simple-jwt.png"})
    void should_replace_the_vector_credential_when_rebaking_a_png(String file) {
        // GIVEN
        byte[] image = TestImages.vector(file);

        // WHEN
        byte[] rebaked = baker.bakePng(image, TestImages.JSON_CREDENTIAL);

        // THEN
        assertThat(baker.extract(rebaked).credential()).isEqualTo(TestImages.JSON_CREDENTIAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"simple-json.svg", "simple-jwt.svg"})
    void should_replace_the_vector_credential_when_rebaking_an_svg(String file) {
        // GIVEN
        String svg = new String(TestImages.vector(file), StandardCharsets.UTF_8);

        // WHEN
        String rebaked = baker.bakeSvg(svg, TestImages.JWS);

        // THEN
        assertThat(rebaked).contains("<!DOCTYPE svg PUBLIC").contains("<path");
        assertThat(baker.extract(rebaked.getBytes(StandardCharsets.UTF_8)).credential())
                .isEqualTo(TestImages.JWS);
    }
}
