package org.credence.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringWriter;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Property: the fast path (cached active contexts, scheme-only IRI checks, Credence's own N-Quads
 * writer) yields exactly the canonical N-Quads of titanium's general path, on thousands of
 * generated credentials.
 */
class FastPathEquivalenceTest {

    private static final int CASES = 3_000;
    private final Canonicalizer fast = Canonicalizer.standard();

    @Test
    void should_give_the_general_paths_canonical_nquads_when_canonicalizing_generated_credentials()
            throws Exception {
        // GIVEN
        JsonLdOptions general = new JsonLdOptions(PinnedContexts.bundled());
        int compared = 0;
        for (long seed : LongStream.range(0, CASES).toArray()) {
            JsonObject credential = GeneratedCredentials.credential(seed, "did:example:issuer");

            // WHEN
            String fastNQuads = fast.canonicalize(credential);
            String generalNQuads = generalPath(credential, general);

            // THEN
            assertThat(fastNQuads).as("seed %d", seed).isEqualTo(generalNQuads);
            compared++;
        }
        assertThat(compared).isEqualTo(CASES);
    }

    /** Titanium alone: its expansion from the document, its URI checks, its N-Quads writer. */
    private static String generalPath(JsonObject credential, JsonLdOptions options)
            throws Exception {
        JsonArray expanded = ActiveContexts.general(credential, options);
        RdfCanon canon = RdfCanon.create("SHA-256");
        ToRdfProcessor.toRdf(canon, expanded, options);
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }
}
