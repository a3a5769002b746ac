package org.credence.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    private static final int MIN = BitstringStatusList.MIN_LENGTH_BITS;

    @Test
    void should_round_trip_when_encoded_and_decoded() {
        // GIVEN
        BitstringStatusList list =
                BitstringStatusList.builder(MIN)
                        .set(0, true)
                        .set(42, true)
                        .set(MIN - 1, true)
                        .build();

        // WHEN
        BitstringStatusList decoded = BitstringStatusList.decode(list.encode());

        // THEN
        assertThat(decoded).isEqualTo(list);
        assertThat(decoded.setIndexes().boxed()).containsExactly(0, 42, MIN - 1);
        assertThat(decoded.length()).isEqualTo(MIN);
    }

    @Test
    void should_set_the_third_lowest_bit_of_byte_0_when_bit_5_is_set() {
        // GIVEN
        BitstringStatusList list = BitstringStatusList.create(MIN).with(5, true);

        // WHEN
        byte[] bytes = gunzip(list.encode());

        // THEN
        assertThat(bytes[0]).isEqualTo((byte) 0x04);
        assertThat(bytes).hasSize(MIN / 8);
    }

    @Test
    void should_encode_as_multibase_base64url_without_padding() {
        // GIVEN
        BitstringStatusList list = BitstringStatusList.create(MIN);

        // WHEN
        String encoded = list.encode();

        // THEN
        assertThat(encoded).startsWith("uH4sI").doesNotContain("=", "+", "/");
    }

    @Test
    void should_leave_the_original_unchanged_when_with_is_called() {
        // GIVEN
        BitstringStatusList original = BitstringStatusList.create(MIN);

        // WHEN
        BitstringStatusList revoked = original.with(7, true);

        // THEN
        assertThat(original.get(7)).isFalse();
        assertThat(revoked.get(7)).isTrue();
        assertThat(revoked.with(7, false)).isEqualTo(original);
    }

    @Test
    void should_refuse_when_created_below_the_minimum_length() {
        // WHEN / THEN
        assertThatThrownBy(() -> BitstringStatusList.create(MIN - 8))
                .isInstanceOfSatisfying(
                        StatusListException.class,
                        e ->
                                assertThat(e.error())
                                        .isEqualTo(StatusListError.STATUS_LIST_LENGTH_ERROR));
    }

    @Test
    void should_refuse_when_created_with_a_length_not_a_multiple_of_8() {
        // WHEN / THEN
        assertThatThrownBy(() -> BitstringStatusList.create(MIN + 3))
                .isInstanceOfSatisfying(
                        StatusListException.class,
                        e ->
                                assertThat(e.error())
                                        .isEqualTo(StatusListError.STATUS_LIST_LENGTH_ERROR));
    }

    @Test
    void should_raise_range_error_when_index_is_outside_the_list() {
        // GIVEN
        BitstringStatusList list = BitstringStatusList.create(MIN);

        // WHEN / THEN
        assertThatThrownBy(() -> list.get(MIN))
                .isInstanceOfSatisfying(
                        StatusListException.class,
                        e -> assertThat(e.error()).isEqualTo(StatusListError.RANGE_ERROR));
        assertThatThrownBy(() -> list.with(-1, true))
                .isInstanceOfSatisfying(
                        StatusListException.class,
                        e -> assertThat(e.error()).isEqualTo(StatusListError.RANGE_ERROR));
    }

    @Test
    void should_accept_a_list_below_the_minimum_when_decoding_a_published_list() {
        // GIVEN
        String encoded = "u" + base64url(gzip(new byte[12_500]));

        // WHEN
        BitstringStatusList list = BitstringStatusList.decode(encoded);

        // THEN
        assertThat(list.length()).isEqualTo(100_000);
        assertThat(list.meetsMinimumLength()).isFalse();
    }

    @Test
    void should_refuse_when_multibase_prefix_is_not_u() {
        // GIVEN
        String encoded = "z" + base64url(gzip(new byte[16]));

        // WHEN / THEN
        assertDecodeFails(encoded, StatusListError.INVALID_MULTIBASE_PREFIX);
        assertDecodeFails("", StatusListError.INVALID_MULTIBASE_PREFIX);
        assertDecodeFails(null, StatusListError.INVALID_MULTIBASE_PREFIX);
    }

    @Test
    void should_refuse_when_payload_is_not_base64url() {
        // GIVEN
        String encoded = "uH4sI+AAA/AAA";

        // WHEN / THEN
        assertDecodeFails(encoded, StatusListError.INVALID_BASE64);
    }

    @Test
    void should_refuse_when_payload_is_not_gzip() {
        // GIVEN
        String encoded = "u" + base64url(new byte[2048]);

        // WHEN / THEN
        assertDecodeFails(encoded, StatusListError.INVALID_GZIP);
    }

    @Test
    void should_refuse_when_gzip_stream_is_truncated() {
        // GIVEN
        byte[] compressed = gzip(new byte[MIN / 8]);
        byte[] truncated = Arrays.copyOf(compressed, compressed.length - 10);

        // WHEN / THEN
        assertDecodeFails("u" + base64url(truncated), StatusListError.INVALID_GZIP);
    }

    @Test
    void should_refuse_when_the_list_is_a_decompression_bomb() {
        // GIVEN 17 MB of zeros compress to about 17 KB
        String encoded = "u" + base64url(gzip(new byte[17 * 1024 * 1024]));

        // WHEN / THEN
        assertThat(encoded.length()).isLessThan(40_000);
        assertDecodeFails(encoded, StatusListError.DECOMPRESSED_TOO_LARGE);
    }

    @Test
    void should_refuse_when_the_decompressed_list_is_empty() {
        // GIVEN
        String encoded = "u" + base64url(gzip(new byte[0]));

        // WHEN / THEN
        assertDecodeFails(encoded, StatusListError.STATUS_LIST_LENGTH_ERROR);
    }

    private static void assertDecodeFails(String encoded, StatusListError expected) {
        assertThatThrownBy(() -> BitstringStatusList.decode(encoded))
                .isInstanceOfSatisfying(
                        StatusListException.class, e -> assertThat(e.error()).isEqualTo(expected))
                .hasMessageNotContaining("null");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(String encoded) {
        try (var in =
                new GZIPInputStream(
                        new ByteArrayInputStream(
                                Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
