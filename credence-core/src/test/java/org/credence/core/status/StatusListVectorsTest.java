package org.credence.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StatusListVectorsTest {

    private static final String DCC_LIST = "dcc-status-e5WK8CbZ1GjycuPombrj.json";

    @Test
    void should_read_bit_8_only_when_decoding_the_harness_list() {
        // GIVEN
        JsonObject document = StatusVectors.fixtureDocument("harness-status-list-1.json");

        // WHEN
        PublishedStatusList published = StatusListCredentials.read(document);

        // THEN
        assertThat(published.purpose()).isEqualTo(StatusPurpose.REVOCATION);
        assertThat(published.list().length()).isEqualTo(131_072);
        assertThat(published.list().setIndexes().boxed()).containsExactly(8);
    }

    @Test
    void should_read_bits_2_6_and_8_when_decoding_the_dcc_list() {
        // GIVEN
        JsonObject document = StatusVectors.fixtureDocument(DCC_LIST);

        // WHEN
        PublishedStatusList published = StatusListCredentials.read(document);

        // THEN the DCC list is 100,000 bits, below the spec minimum, and still readable
        assertThat(published.credentialId())
                .isEqualTo("https://testing.dcconsortium.org/status/e5WK8CbZ1GjycuPombrj");
        assertThat(published.list().length()).isEqualTo(100_000);
        assertThat(published.list().meetsMinimumLength()).isFalse();
        assertThat(published.list().setIndexes().boxed()).containsExactly(2, 6, 8);
    }

    @Test
    void should_read_bit_23_only_when_decoding_the_1edtech_validator_list() {
        // GIVEN
        JsonObject document = StatusVectors.fixtureDocument("1edtech-validator-testlist.json");

        // WHEN
        PublishedStatusList published = StatusListCredentials.read(document);

        // THEN
        assertThat(published.list().setIndexes().boxed()).containsExactly(23);
    }

    static Stream<Path> credentialsOnTheDccList() throws IOException {
        try (Stream<Path> files = Files.list(StatusVectors.ROOT.resolve("dcc-verifier-core"))) {
            return files
                    .filter(StatusListVectorsTest::pointsAtTheDccList)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialsOnTheDccList")
    void should_read_revoked_only_when_the_credential_is_a_revoked_one(Path file) {
        // GIVEN
        JsonObject credential = StatusVectors.json("dcc-verifier-core/" + file.getFileName());
        PublishedStatusList published =
                StatusListCredentials.read(StatusVectors.fixtureDocument(DCC_LIST));
        boolean expectedRevoked = file.getFileName().toString().contains("Revoked");

        // WHEN
        List<StatusListEntry> entries = StatusListEntry.from(credential);

        // THEN
        assertThat(entries).hasSize(1);
        assertThat(published.statusOf(entries.get(0))).isEqualTo(expectedRevoked);
    }

    private static boolean pointsAtTheDccList(Path file) {
        try {
            return Files.readString(file).contains("status/e5WK8CbZ1GjycuPombrj\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
