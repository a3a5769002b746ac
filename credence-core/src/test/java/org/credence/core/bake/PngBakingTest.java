package org.credence.core.bake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PngBakingTest {

    private final BadgeBaker baker = new BadgeBaker();

    @Test
    void should_round_trip_when_baking_a_json_credential_with_non_ascii_text() {
        // GIVEN
        byte[] png = TestImages.png();

        // WHEN
        BakedCredential extracted = baker.extract(baker.bakePng(png, TestImages.JSON_CREDENTIAL));

        // THEN
        assertThat(extracted)
                .isEqualTo(new BakedCredential(ImageFormat.PNG, TestImages.JSON_CREDENTIAL));
        assertThat(extracted.credentialFormat()).isEqualTo(CredentialFormat.JSON);
    }

    @Test
    void should_round_trip_when_baking_a_jws() {
        // WHEN
        BakedCredential extracted = baker.extract(baker.bakePng(TestImages.png(), TestImages.JWS));

        // THEN
        assertThat(extracted.credential()).isEqualTo(TestImages.JWS);
        assertThat(extracted.credentialFormat()).isEqualTo(CredentialFormat.JWS);
    }

    @Test
    void should_write_the_spec_itxt_chunk_before_the_first_idat_when_baking() {
        // WHEN
        byte[] baked = baker.bakePng(TestImages.png(), TestImages.JWS);

        // THEN
        List<String> types = PngChunks.walk(baked).stream().map(PngChunks.Chunk::type).toList();
        assertThat(types.indexOf("iTXt")).isEqualTo(types.indexOf("IDAT") - 1);
        PngChunks.Chunk chunk = PngChunks.walk(baked).get(types.indexOf("iTXt"));
        byte[] data =
                Arrays.copyOfRange(baked, chunk.dataOffset(), chunk.dataOffset() + chunk.length());
        byte[] expected =
                ("openbadgecredential\0\0\0\0\0" + TestImages.JWS).getBytes(StandardCharsets.UTF_8);
        assertThat(data).isEqualTo(expected);
    }

    @Test
    void should_replace_the_credential_when_baking_twice() {
        // GIVEN
        byte[] once = baker.bakePng(TestImages.png(), TestImages.JSON_CREDENTIAL);

        // WHEN
        byte[] twice = baker.bakePng(once, TestImages.JWS);

        // THEN
        assertThat(PngChunks.walk(twice).stream().filter(c -> c.type().equals("iTXt"))).hasSize(1);
        assertThat(baker.extract(twice).credential()).isEqualTo(TestImages.JWS);
    }

    @Test
    void should_refuse_when_the_png_has_no_credential() {
        assertFails(TestImages.png(), BakingError.NO_CREDENTIAL);
    }

    @Test
    void should_refuse_when_the_bytes_are_not_an_image() {
        assertFails(
                "GIF89a not a png".getBytes(StandardCharsets.US_ASCII), BakingError.NOT_AN_IMAGE);
        assertFails(new byte[0], BakingError.NOT_AN_IMAGE);
        assertFails(Arrays.copyOf(PngChunks.SIGNATURE, 5), BakingError.NOT_AN_IMAGE);
    }

    @Test
    void should_refuse_when_the_png_is_truncated() {
        // GIVEN
        byte[] baked = baker.bakePng(TestImages.png(), TestImages.JWS);

        // WHEN / THEN
        for (int length : new int[] {8, 12, 20, 40, baked.length - 1}) {
            assertFails(Arrays.copyOf(baked, length), BakingError.MALFORMED_PNG);
        }
    }

    @Test
    void should_refuse_when_a_crc_is_wrong() {
        // GIVEN
        byte[] baked = baker.bakePng(TestImages.png(), TestImages.JWS);
        baked[baked.length - 20] ^= 0x01;

        // WHEN / THEN
        assertFails(baked, BakingError.CRC_MISMATCH);
    }

    @Test
    void should_refuse_when_a_chunk_length_runs_beyond_the_file() {
        // GIVEN the IHDR length claims 2 GB
        byte[] png = TestImages.png();
        png[8] = 0x7f;

        // WHEN / THEN
        assertFails(png, BakingError.MALFORMED_PNG);
        assertThatThrownBy(() -> baker.bakePng(png, TestImages.JWS))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.MALFORMED_PNG));
    }

    @Test
    void should_refuse_when_the_credential_chunk_is_huge() {
        // GIVEN
        byte[] huge = new byte[BadgeBaker.MAX_CREDENTIAL_BYTES + 1];
        Arrays.fill(huge, (byte) 'a');
        byte[] png = withChunkBeforeIend(TestImages.png(), itxt(0, huge));

        // WHEN / THEN
        assertFails(png, BakingError.TOO_LARGE);
    }

    @Test
    void should_refuse_when_baking_a_credential_above_the_cap() {
        // GIVEN
        String huge = "{\"a\":\"" + "é".repeat(BadgeBaker.MAX_CREDENTIAL_BYTES / 2) + "\"}";

        // WHEN / THEN
        assertThatThrownBy(() -> baker.bakePng(TestImages.png(), huge))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.TOO_LARGE));
    }

    @Test
    void should_refuse_when_the_credential_chunk_is_compressed() {
        // GIVEN
        byte[] png =
                withChunkBeforeIend(
                        TestImages.png(), itxt(1, new byte[] {0x78, (byte) 0x9c, 3, 0}));

        // WHEN / THEN
        assertFails(png, BakingError.COMPRESSED_CREDENTIAL);
    }

    @Test
    void should_refuse_when_the_credential_chunk_lacks_separators() {
        // GIVEN
        byte[] data =
                "openbadgecredential\0\0\0no-more-nulls".getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = withChunkBeforeIend(TestImages.png(), PngChunks.build("iTXt", data));

        // WHEN / THEN
        assertFails(png, BakingError.MALFORMED_PNG);
    }

    @Test
    void should_refuse_when_the_png_has_two_credentials() {
        // GIVEN
        byte[] baked = baker.bakePng(TestImages.png(), TestImages.JWS);
        byte[] png =
                withChunkBeforeIend(
                        baked, itxt(0, TestImages.JWS.getBytes(StandardCharsets.UTF_8)));

        // WHEN / THEN
        assertFails(png, BakingError.MULTIPLE_CREDENTIALS);
    }

    @Test
    void should_refuse_when_baking_text_that_is_no_credential() {
        assertThatThrownBy(() -> baker.bakePng(TestImages.png(), "hello"))
                .isInstanceOfSatisfying(
                        BakingException.class,
                        e -> assertThat(e.error()).isEqualTo(BakingError.INVALID_CREDENTIAL));
    }

    private void assertFails(byte[] image, BakingError expected) {
        assertThatThrownBy(() -> baker.extract(image))
                .isInstanceOfSatisfying(
                        BakingException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static byte[] itxt(int compressionFlag, byte[] text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("openbadgecredential\0".getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {(byte) compressionFlag, 0, 0, 0});
        data.writeBytes(text);
        return PngChunks.build("iTXt", data.toByteArray());
    }

    private static byte[] withChunkBeforeIend(byte[] png, byte[] chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        out.writeBytes(chunk);
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }
}
