package org.credence.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.credence.core.json.JsonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalizerTest {

    private static final Path VECTORS =
            Path.of("../credence-testing/src/main/resources/org/credence/testing/vectors");

    private final Canonicalizer canonicalizer = Canonicalizer.standard();

    @Test
    void should_refuse_and_name_the_url_when_a_context_is_not_pinned() {
        // GIVEN
        JsonObject document =
                Json.createObjectBuilder()
                        .add("@context", "https://evil.example/context.jsonld")
                        .add("name", "x")
                        .build();

        // WHEN / THEN
        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOfSatisfying(
                        JsonLdException.class,
                        e -> assertThat(e.problem()).isEqualTo(JsonLdProblem.UNKNOWN_CONTEXT))
                .hasMessageContaining("https://evil.example/context.jsonld")
                .hasMessageContaining("never fetches");
    }

    @Test
    void should_refuse_when_a_term_is_undefined() {
        // GIVEN
        JsonObject document =
                Json.createObjectBuilder()
                        .add("@context", "https://www.w3.org/ns/credentials/v2")
                        .add("type", "VerifiableCredential")
                        .add("favouriteColour", "blue")
                        .build();

        // WHEN / THEN
        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOfSatisfying(
                        JsonLdException.class,
                        e -> assertThat(e.problem()).isEqualTo(JsonLdProblem.UNDEFINED_TERM));
    }

    @Test
    void should_refuse_when_a_type_is_a_relative_reference() {
        // GIVEN
        JsonObject document =
                Json.createObjectBuilder()
                        .add("@context", "https://www.w3.org/ns/credentials/v2")
                        .add(
                                "type",
                                Json.createArrayBuilder()
                                        .add("VerifiableCredential")
                                        .add("OtherCredential"))
                        .build();

        // WHEN / THEN
        assertThatThrownBy(() -> canonicalizer.canonicalize(document))
                .isInstanceOfSatisfying(
                        JsonLdException.class,
                        e -> assertThat(e.problem()).isEqualTo(JsonLdProblem.RELATIVE_IRI))
                .hasMessageContaining("OtherCredential");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"poison-clique-4.json", "poison-clique-6.json", "poison-clique-8.json"})
    void should_reject_a_poison_graph_in_under_a_second(String file) throws IOException {
        // GIVEN
        JsonObject poison =
                Json.createObjectBuilder(
                                JsonInput.DEFAULT.parseObject(
                                        Files.readString(VECTORS.resolve("poison").resolve(file))))
                        .remove("proof")
                        .build();
        Instant start = Instant.now();

        // WHEN / THEN
        assertThatThrownBy(() -> canonicalizer.canonicalize(poison))
                .isInstanceOfSatisfying(
                        JsonLdException.class,
                        e -> assertThat(e.problem()).isEqualTo(JsonLdProblem.WORK_LIMIT_EXCEEDED));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void should_reproduce_the_open_badges_implementation_guide_canonical_form() throws IOException {
        // GIVEN
        JsonObject signed =
                JsonInput.DEFAULT.parseObject(
                        Files.readString(
                                VECTORS.resolve(
                                        "1edtech-spec/ob3-impl-guide-eddsa-rdfc-2022.json")));
        JsonObject unsigned = Json.createObjectBuilder(signed).remove("proof").build();

        // WHEN
        String canonical = canonicalizer.canonicalize(unsigned);

        // THEN
        assertThat(canonical)
                .isEqualTo(
                        Files.readString(
                                VECTORS.resolve("1edtech-spec/obv3p0-document-canon.txt")));
    }
}
