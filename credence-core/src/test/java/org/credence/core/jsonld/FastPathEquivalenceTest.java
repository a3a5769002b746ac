package org.credence.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Property: the fast path (cached active contexts, scheme-only IRI checks, proof configuration
 * templates) yields exactly the canonical N-Quads of the general path (titanium's own expansion
 * with its full IRI checks, then RDFC-1.0), on thousands of generated credentials.
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

    /** Titanium's expansion from the document with its URI checks, then RDFC-1.0. */
    private static String generalPath(JsonObject credential, JsonLdOptions options)
            throws Exception {
        JsonArray expanded = ActiveContexts.general(credential, options);
        Rdfc10 canon = new Rdfc10(WorkBudget.DEFAULT);
        ToRdfProcessor.toRdf(canon, expanded, options);
        return canon.canonicalNQuads();
    }
}
