package org.credence.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Credence's N-Quads writer against titanium's, quad by quad, in the order toRdf emits them. */
class CanonicalNQuadsWriterTest {

    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

    private final Canonicalizer canonicalizer = Canonicalizer.standard();
    private final JsonLdOptions options = new JsonLdOptions(PinnedContexts.bundled());

    @Test
    void should_write_what_titanium_writes_when_writing_generated_credentials() throws Exception {
        for (long seed = 0; seed < 500; seed++) {
            // GIVEN
            JsonArray expanded =
                    canonicalizer.expand(GeneratedCredentials.credential(seed, "did:example:i"));
            StringWriter titanium = new StringWriter();
            CanonicalNQuadsWriter credence = new CanonicalNQuadsWriter(4096);

            // WHEN
            ToRdfProcessor.toRdf(new NQuadsWriter(titanium), expanded, options);
            ToRdfProcessor.toRdf(credence, expanded, options);

            // THEN
            assertThat(credence.toString()).as("seed %d", seed).isEqualTo(titanium.toString());
        }
    }

    @Test
    void should_write_what_titanium_writes_when_a_literal_holds_every_control_character()
            throws Exception {
        // GIVEN
        StringBuilder value = new StringBuilder();
        for (char ch = 0; ch < 0x20; ch++) {
            value.append(ch);
        }
        value.append("\u007f\"\\ \uD83C\uDF93");
        StringWriter titanium = new StringWriter();
        CanonicalNQuadsWriter credence = new CanonicalNQuadsWriter(256);

        // WHEN
        new NQuadsWriter(titanium)
                .quad("_:b0", "http://ex/p", value.toString(), XSD_STRING, null, null, "_:g");
        credence.quad("_:b0", "http://ex/p", value.toString(), XSD_STRING, null, null, "_:g");

        // THEN
        assertThat(credence.toString()).isEqualTo(titanium.toString());
    }
}
