package org.credence.core.jsonld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: proof configurations canonicalized through templates give exactly the general path's
 * canonical N-Quads (or the same error), for generated values including hostile ones.
 */
class ProofConfigTemplateTest {

    private static final String[] CONTEXTS = {
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://w3id.org/security/data-integrity/v2",
        "https://www.w3.org/2018/credentials/v1",
    };
    private static final String[] METHODS = {
        "did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
        "https://issuer.example/keys/1",
        "did:web:issuer.example:org:5#key-1",
        "urn:uuid:4f5c2a80-0000-4000-8000-000000000000",
        "xsd:notReally",
        "https://issuer.example/with space",
        "relative#key",
        "did:key:<angle>",
        "https://issuer.example/\"quote\"",
    };
    private static final String[] CREATED = {
        "2026-01-01T00:00:00Z", "2010-01-01T19:23:24Z", "not a date", "quote\"back\\slash",
        "line\nbreak", "bell\u0007", "数据 2026", "<https://x.example/y>",
        "\"0000-00-00T00:00:00Z-credence-placeholder\"",
    };

    private final Canonicalizer canonicalizer = Canonicalizer.standard();

    @Test
    void should_equal_the_general_path_when_proof_configurations_vary() {
        Random random = new Random(2022);
        for (int i = 0; i < 2_000; i++) {
            // GIVEN
            JsonObject config = config(random);

            // WHEN
            Object templated = outcome(() -> canonicalizer.canonicalize(config));
            Object general =
                    outcome(() -> canonicalizer.canonicalizeExpanded(canonicalizer.expand(config)));

            // THEN
            assertThat(templated).as("case %d: %s", i, config).isEqualTo(general);
        }
    }

    private static JsonObject config(Random random) {
        JsonArrayBuilder context = Json.createArrayBuilder().add(CONTEXTS[0]);
        if (random.nextBoolean()) {
            context.add(CONTEXTS[1 + random.nextInt(2)]);
        }
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        random.nextInt(10) == 0
                                ? Json.createArrayBuilder().add(CONTEXTS[3])
                                : context)
                .add(
                        "type",
                        random.nextInt(10) == 0 ? "Ed25519Signature2020" : "DataIntegrityProof")
                .add("cryptosuite", random.nextBoolean() ? "eddsa-rdfc-2022" : "ecdsa-rdfc-2019")
                .add("created", CREATED[random.nextInt(CREATED.length)])
                .add("verificationMethod", METHODS[random.nextInt(METHODS.length)])
                .add("proofPurpose", random.nextBoolean() ? "assertionMethod" : "authentication")
                .build();
    }

    private static Object outcome(java.util.function.Supplier<String> canonicalize) {
        Throwable error = catchThrowable(canonicalize::get);
        return error == null
                ? canonicalize.get()
                : error.getClass().getSimpleName() + ": " + ((JsonLdException) error).problem();
    }
}
