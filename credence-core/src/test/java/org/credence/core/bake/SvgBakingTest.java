package org.credence.core.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SvgBakingTest {

    private final BadgeBaker baker = new BadgeBaker();

    @Test
    void should_round_trip_when_baking_a_json_credential_with_non_ascii_text() {
        // WHEN
        String baked = baker.bakeSvg(TestImages.SVG, TestImages.JSON_CREDENTIAL);

        // THEN
        assertThat(baker.extract(utf8(baked)))
                .isEqualTo(new BakedCredential(ImageFormat.SVG, TestImages.JSON_CREDENTIAL));
        assertThat(baked)
                .contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"")
                .contains("<openbadges:credential><![CDATA[")
                .contains("<circle");
    }

    @Test
    void should_put_a_jws_in_the_verify_attribute_when_baking_a_jws() {
        // WHEN
        String baked = baker.bakeSvg(TestImages.SVG, TestImages.JWS);

        // THEN
        assertThat(baked).contains("<openbadges:credential verify=\"" + TestImages.JWS + "\"");
        BakedCredential extracted = baker.extract(utf8(baked));
        assertThat(extracted.credential()).isEqualTo(TestImages.JWS);
        assertThat(extracted.credentialFormat()).isEqualTo(CredentialFormat.JWS);
    }

    @Test
    void should_place_the_credential_as_first_child_when_baking() {
        // WHEN
        String baked = baker.bakeSvg(TestImages.SVG, TestImages.JWS);

        // THEN
        assertThat(baked.indexOf("<openbadges:credential")).isLessThan(baked.indexOf("<circle"));
    }

    @Test
    void should_replace_the_credential_when_baking_twice() {
        // GIVEN
        String once = baker.bakeSvg(TestImages.SVG, TestImages.JSON_CREDENTIAL);

        // WHEN
        String twice = baker.bakeSvg(once, TestImages.JWS);

        // THEN
        assertThat(twice.split("<openbadges:credential", -1)).hasSize(2);
        assertThat(twice.split("xmlns:openbadges=", -1)).hasSize(2);
        assertThat(baker.extract(utf8(twice)).credential()).isEqualTo(TestImages.JWS);
    }

    @Test
    void should_round_trip_when_the_json_contains_a_cdata_terminator() {
        // GIVEN
        String credential = "{\"name\":\"a]]>b]]>\"}";

        // WHEN
        String baked = baker.bakeSvg(TestImages.SVG, credential);

        // THEN
        assertThat(baker.extract(utf8(baked)).credential()).isEqualTo(credential);
    }

    @Test
    void should_refuse_when_the_svg_has_no_credential() {
        assertFails(TestImages.SVG, BakingError.NO_CREDENTIAL);
    }

    @Test
    void should_refuse_when_the_xml_is_not_svg() {
        assertFails("<?xml version=\"1.0\"?><html><body/></html>", BakingError.NOT_AN_IMAGE);
    }

    @Test
    void should_refuse_when_the_xml_is_not_well_formed() {
        assertFails(
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", BakingError.MALFORMED_SVG);
    }

    @Test
    void should_refuse_when_the_doctype_declares_an_external_entity() {
        // GIVEN
        String svg =
                """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>
                """;

        // WHEN / THEN
        assertFails(svg, BakingError.UNSAFE_XML);
        assertThatThrownBy(() -> baker.bakeSvg(svg, TestImages.JWS))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.UNSAFE_XML));
    }

    @Test
    void should_refuse_when_the_doctype_is_a_billion_laughs() {
        // GIVEN
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append(
                    "<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
        }
        String svg =
                "<!DOCTYPE svg ["
                        + entities
                        + "]><svg xmlns=\"http://www.w3.org/2000/svg\">&lol9;</svg>";

        // WHEN / THEN
        assertFails(svg, BakingError.UNSAFE_XML);
    }

    @Test
    void should_refuse_when_a_parameter_entity_points_outside() {
        // GIVEN
        String svg =
                """
                <!DOCTYPE svg [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
                <svg xmlns="http://www.w3.org/2000/svg"/>
                """;

        // WHEN / THEN
        assertFails(svg, BakingError.UNSAFE_XML);
    }

    @Test
    void should_not_fetch_the_dtd_when_the_doctype_names_an_external_one() {
        // GIVEN an unreachable DTD: fetching it would fail the test
        String svg =
                baker.bakeSvg(TestImages.SVG, TestImages.JWS)
                        .replace(
                                "<svg",
                                "<!DOCTYPE svg SYSTEM \"http://127.0.0.1:9/svg11.dtd\"><svg");

        // WHEN
        BakedCredential extracted = baker.extract(utf8(svg));

        // THEN
        assertThat(extracted.credential()).isEqualTo(TestImages.JWS);
    }

    @Test
    void should_refuse_when_the_svg_has_two_credentials() {
        // GIVEN
        String element = "<openbadges:credential verify=\"" + TestImages.JWS + "\"/>";
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                        + element
                        + "<g>"
                        + element
                        + "</g></svg>";

        // WHEN / THEN
        assertFails(svg, BakingError.MULTIPLE_CREDENTIALS);
    }

    @Test
    void should_refuse_when_the_credential_element_is_huge() {
        // GIVEN
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                        + "<openbadges:credential>"
                        + "a".repeat(BadgeBaker.MAX_CREDENTIAL_BYTES + 1)
                        + "</openbadges:credential></svg>";

        // WHEN / THEN
        assertFails(svg, BakingError.TOO_LARGE);
    }

    @Test
    void should_refuse_when_the_credential_element_is_empty() {
        // GIVEN
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                        + "<openbadges:credential>  </openbadges:credential></svg>";

        // WHEN / THEN
        assertFails(svg, BakingError.NO_CREDENTIAL);
    }

    private void assertFails(String svg, BakingError expected) {
        assertThatThrownBy(() -> baker.extract(utf8(svg)))
                .isInstanceOfSatisfying(
                        BakingException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
