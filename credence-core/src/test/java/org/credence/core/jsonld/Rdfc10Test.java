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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RDFC-1.0 against outputs of the reference implementation rdf-canonize 5.0.0: published vectors
 * through {@link Canonicalizer}, and small datasets fed to {@link Rdfc10} directly (expected
 * outputs computed with rdf-canonize on the same N-Quads).
 */
class Rdfc10Test {

    private static final Path RESOURCES =
            Path.of("../credence-testing/src/main/resources/org/credence/testing");
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    private static final WorkBudget QUADRATIC = new WorkBudget(2, 10_000, 100);

    private final Canonicalizer canonicalizer = Canonicalizer.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "vectors/1edtech-validator/complete.json, rdfc/complete-json.rdf-canonize.nq",
        "vectors/1edtech-spec/ob3-impl-guide-eddsa-rdfc-2022.json,"
                + " vectors/1edtech-spec/obv3p0-document-canon.txt",
        "vectors/1edtech-spec/clr2-impl-guide-eddsa-rdfc-2022.json,"
                + " vectors/1edtech-spec/clrv2p0-document-canon.txt",
        "vectors/w3c-vc-di-eddsa/unsigned.json,"
                + " vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022_canonDocDataInt.txt",
    })
    void should_equal_the_reference_byte_for_byte_when_canonicalizing_a_published_vector(
            String document, String expected) throws IOException {
        // GIVEN
        JsonObject unsigned = withoutProof(document);

        // WHEN
        String canonical = canonicalizer.canonicalize(unsigned);

        // THEN
        assertThat(canonical).isEqualTo(Files.readString(RESOURCES.resolve(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"poison-clique-4.json", "poison-clique-6.json", "poison-clique-8.json"})
    void should_reject_fast_when_the_graph_is_poison(String file) throws IOException {
        // GIVEN
        JsonObject poison = withoutProof("vectors/poison/" + file);
        Instant start = Instant.now();

        // WHEN / THEN
        assertThatThrownBy(() -> canonicalizer.canonicalize(poison))
                .isInstanceOfSatisfying(
                        JsonLdException.class,
                        e -> assertThat(e.problem()).isEqualTo(JsonLdProblem.WORK_LIMIT_EXCEEDED))
                .hasMessageContaining("runs of Hash N-Degree Quads");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void should_sort_lines_when_there_are_no_blank_nodes() {
        // GIVEN
        Rdfc10 rdfc = new Rdfc10(WorkBudget.DEFAULT);
        literal(rdfc, "http://ex/s2", "b", null);
        rdfc.quad("http://ex/s1", "http://ex/p", "http://ex/o", null, null, null, null);

        // WHEN / THEN
        assertThat(rdfc.canonicalNQuads())
                .isEqualTo(
                        "<http://ex/s1> <http://ex/p> <http://ex/o> .\n"
                                + "<http://ex/s2> <http://ex/p> \"b\" .\n");
    }

    @Test
    void should_label_c14n0_when_there_is_one_blank_node() {
        // GIVEN
        Rdfc10 rdfc = new Rdfc10(WorkBudget.DEFAULT);
        rdfc.quad("http://ex/s", "http://ex/p", "_:b7", null, null, null, null);
        literal(rdfc, "_:b7", "v", null);

        // WHEN / THEN
        assertThat(rdfc.canonicalNQuads())
                .isEqualTo(
                        "<http://ex/s> <http://ex/p> _:c14n0 .\n_:c14n0 <http://ex/p> \"v\" .\n");
    }

    @Test
    void should_tell_symmetric_blank_nodes_apart_when_the_work_factor_allows_n_degree_hashing() {
        // GIVEN
        Rdfc10 rdfc = symmetricPair(QUADRATIC);

        // WHEN / THEN
        assertThat(rdfc.canonicalNQuads())
                .isEqualTo(
                        "_:c14n0 <http://ex/knows> _:c14n1 .\n"
                                + "_:c14n0 <http://ex/p> \"n\" .\n"
                                + "_:c14n1 <http://ex/knows> _:c14n0 .\n"
                                + "_:c14n1 <http://ex/p> \"n\" .\n");
    }

    @Test
    void
            should_refuse_symmetric_blank_nodes_when_the_work_factor_is_the_default_like_the_reference() {
        // GIVEN: rdf-canonize 5.0.0 with maxWorkFactor 1 throws "Maximum deep iterations
        // exceeded (2)" on this dataset: two runs allowed, three needed.
        Rdfc10 rdfc = symmetricPair(WorkBudget.DEFAULT);

        // WHEN / THEN
        assertThatThrownBy(rdfc::canonicalNQuads)
                .isInstanceOfSatisfying(
                        WorkBudget.ExceededException.class,
                        e -> assertThat(e.limit()).isEqualTo("2 runs of Hash N-Degree Quads"));
    }

    @Test
    void should_label_graph_names_when_a_blank_node_names_a_graph() {
        // GIVEN
        Rdfc10 rdfc = new Rdfc10(WorkBudget.DEFAULT);
        literal(rdfc, "http://ex/s", "o", "_:proof");
        rdfc.quad("_:proof", "http://ex/signedBy", "http://ex/key", null, null, null, null);
        literal(rdfc, "_:other", "o", "_:proof");

        // WHEN / THEN
        assertThat(rdfc.canonicalNQuads())
                .isEqualTo(
                        "<http://ex/s> <http://ex/p> \"o\" _:c14n0 .\n"
                                + "_:c14n0 <http://ex/signedBy> <http://ex/key> .\n"
                                + "_:c14n1 <http://ex/p> \"o\" _:c14n0 .\n");
    }

    @Test
    void should_keep_one_quad_when_a_quad_is_repeated() {
        // GIVEN
        Rdfc10 rdfc = new Rdfc10(WorkBudget.DEFAULT);
        rdfc.quad("http://ex/s", "http://ex/p", "_:x", null, null, null, null);
        rdfc.quad("http://ex/s", "http://ex/p", "_:x", null, null, null, null);

        // WHEN / THEN
        assertThat(rdfc.canonicalNQuads()).isEqualTo("<http://ex/s> <http://ex/p> _:c14n0 .\n");
    }

    @Test
    void should_escape_like_the_reference_when_a_literal_holds_every_control_character() {
        // GIVEN
        StringBuilder value = new StringBuilder();
        for (char ch = 0; ch < 0x20; ch++) {
            value.append(ch);
        }
        Rdfc10 rdfc = new Rdfc10(WorkBudget.DEFAULT);
        literal(rdfc, "http://ex/s", value.append("\u007f\"\\").toString(), null);

        // WHEN / THEN
        assertThat(rdfc.canonicalNQuads())
                .isEqualTo(
                        "<http://ex/s> <http://ex/p> \"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005"
                                + "\\u0006\\u0007\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F\\u0010\\u0011"
                                + "\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001A"
                                + "\\u001B\\u001C\\u001D\\u001E\\u001F\\u007F\\\"\\\\\" .\n");
    }

    @Test
    void should_sort_by_code_point_when_a_supplementary_character_meets_the_end_of_the_bmp() {
        // GIVEN: U+1F393 is stored as surrogates (0xD83C...), below U+FFFD in UTF-16 order.
        // RDFC-1.0 sorts by code point; rdf-canonize 5.0.0 sorts by UTF-16 unit and would put
        // the graduation cap first.
        Rdfc10 rdfc = new Rdfc10(WorkBudget.DEFAULT);
        literal(rdfc, "http://ex/s", "\uD83C\uDF93", null);
        literal(rdfc, "http://ex/s", "\uFFFD", null);

        // WHEN / THEN
        assertThat(rdfc.canonicalNQuads())
                .isEqualTo(
                        "<http://ex/s> <http://ex/p> \"\uFFFD\" .\n"
                                + "<http://ex/s> <http://ex/p> \"\uD83C\uDF93\" .\n");
    }

    @Test
    void should_order_by_code_point_when_comparing_strings() {
        assertThat(CodePointOrder.INSTANCE.compare("\uD83C\uDF93", "\uFFFD")).isPositive();
        assertThat(CodePointOrder.INSTANCE.compare("\uE000", "\uD7FF")).isPositive();
        assertThat(CodePointOrder.INSTANCE.compare("\uD83C\uDF93", "\uD83C\uDF94")).isNegative();
        assertThat(CodePointOrder.INSTANCE.compare("ab", "abc")).isNegative();
        assertThat(CodePointOrder.INSTANCE.compare("abc", "abc")).isZero();
    }

    private static Rdfc10 symmetricPair(WorkBudget budget) {
        Rdfc10 rdfc = new Rdfc10(budget);
        rdfc.quad("_:x", "http://ex/knows", "_:y", null, null, null, null);
        rdfc.quad("_:y", "http://ex/knows", "_:x", null, null, null, null);
        literal(rdfc, "_:x", "n", null);
        literal(rdfc, "_:y", "n", null);
        return rdfc;
    }

    private static void literal(Rdfc10 rdfc, String subject, String value, String graph) {
        rdfc.quad(subject, "http://ex/p", value, XSD_STRING, null, null, graph);
    }

    private static JsonObject withoutProof(String document) throws IOException {
        JsonObject signed =
                JsonInput.DEFAULT.parseObject(Files.readString(RESOURCES.resolve(document)));
        return Json.createObjectBuilder(signed).remove("proof").build();
    }
}
