package org.credence.app.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageUploadsTest {

    private static final String SVG_OPEN =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";

    @Test
    void should_store_a_png_as_a_data_url_when_it_decodes() throws IOException {
        // GIVEN
        byte[] png = png(16, 16);

        // WHEN
        String dataUrl = ImageUploads.dataUrl("image", png);

        // THEN
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(dataUrl.substring(22))).isEqualTo(png);
    }

    @Test
    void should_refuse_bytes_that_only_start_like_a_png() {
        byte[] fake =
                Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 64);

        assertThatThrownBy(() -> ImageUploads.dataUrl("image", fake))
                .isInstanceOf(AppException.class)
                .hasMessage("image: not a readable PNG image");
    }

    @Test
    void should_refuse_other_formats_and_oversized_files() {
        byte[] gif = "GIF89a................".getBytes(StandardCharsets.US_ASCII);
        byte[] large = new byte[ImageUploads.MAX_BYTES + 1];

        assertThatThrownBy(() -> ImageUploads.dataUrl("imageFile", gif))
                .hasMessage("imageFile: must be a PNG or SVG image");
        assertThatThrownBy(() -> ImageUploads.dataUrl("imageFile", large))
                .hasMessageStartingWith("imageFile: the image has 524289 bytes; at most 524288");
    }

    @Test
    void should_accept_a_plain_svg_with_local_references() {
        String svg =
                SVG_OPEN
                        + "<defs><linearGradient id=\"g\"/></defs>"
                        + "<style>circle { fill: url(#g) }</style>"
                        + "<circle r=\"5\" style=\"stroke: url('#g')\"/><use xlink:href=\"#g\"/>"
                        + "<text>5 &lt; 6</text></svg>";

        String dataUrl = ImageUploads.dataUrl("image", svg.getBytes(StandardCharsets.UTF_8));

        assertThat(dataUrl).startsWith("data:image/svg+xml;base64,");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<SCRIPT>alert(1)</SCRIPT>",
                "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
                "<circle onload=\"alert(1)\"/>",
                "<circle ONCLICK=\"alert(1)\"/>",
                "<a href=\"javascript:alert(1)\"><circle/></a>",
                "<a xlink:href=\"https://evil.example/\"><circle/></a>",
                "<image href=\"https://evil.example/track.png\"/>",
                "<use xlink:href=\"https://evil.example/sprite.svg#a\"/>",
                "<style>@import url(https://evil.example/a.css);</style>",
                "<style>circle { fill: url(https://evil.example/x) }</style>",
                "<circle style=\"fill: url(https://evil.example/x)\"/>",
                "<circle fill=\"url(https://evil.example/x)\"/>",
                "<set attributeName=\"onmouseover\" to=\"alert(1)\"/>",
                "<animate attributeName=\"href\" to=\"javascript:alert(1)\"/>",
                "<iframe src=\"https://evil.example/\"/>",
                "<?xml-stylesheet href=\"https://evil.example/a.css\"?><circle/>",
            })
    void should_refuse_an_svg_when_it_could_run_code_or_reach_out(String inner) {
        byte[] svg = (SVG_OPEN + inner + "</svg>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImageUploads.dataUrl("image", svg))
                .isInstanceOfSatisfying(
                        AppException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT))
                .hasMessageStartingWith("image: ");
    }

    @Test
    void should_refuse_an_svg_with_a_doctype_or_another_root() {
        String bomb =
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]>"
                        + SVG_OPEN
                        + "<text>&b;</text></svg>";
        String html = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>";

        assertThatThrownBy(
                        () -> ImageUploads.dataUrl("image", bomb.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("DOCTYPEs are not allowed");
        assertThatThrownBy(
                        () -> ImageUploads.dataUrl("image", html.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("image: not an SVG image (the root must be <svg>)");
    }

    @Test
    void should_check_data_urls_sent_to_the_api_like_uploads() {
        String hostile =
                "data:image/svg+xml;base64,"
                        + Base64.getEncoder()
                                .encodeToString(
                                        (SVG_OPEN + "<script>x()</script></svg>")
                                                .getBytes(StandardCharsets.UTF_8));
        String jpeg = "data:image/jpeg;base64,AAAA";

        assertThat(ImageUploads.reference("image", "https://example.org/badge.png"))
                .isEqualTo("https://example.org/badge.png");
        assertThatThrownBy(() -> ImageUploads.reference("image", hostile))
                .hasMessageContaining("<script> is not allowed");
        assertThatThrownBy(() -> ImageUploads.reference("image", jpeg))
                .hasMessageStartingWith("image: a data URL must be");
    }

    @Test
    void should_generate_a_badge_that_passes_its_own_checks_with_the_name_escaped() {
        String dataUrl =
                GeneratedBadge.svgDataUrl("First <aid> & rescue for the whole family at sea");
        byte[] svg =
                Base64.getDecoder()
                        .decode(dataUrl.substring("data:image/svg+xml;base64,".length()));

        assertThat(ImageUploads.dataUrl("image", svg)).isEqualTo(dataUrl);
        assertThat(new String(svg, StandardCharsets.UTF_8))
                .contains("&lt;aid&gt; &amp;")
                .doesNotContain("<aid>");
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }
}
