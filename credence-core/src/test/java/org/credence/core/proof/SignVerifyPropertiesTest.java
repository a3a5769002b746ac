package org.credence.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.did.DidKeyResolver;
import org.credence.core.jsonld.Canonicalizer;
import org.credence.core.jsonld.GeneratedCredentials;
import org.credence.core.jsonld.JsonLdException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of Data Integrity proofs over generated credentials: what is signed verifies, and
 * changing any single value afterwards (any string, number or boolean anywhere outside the proof
 * and the contexts) makes verification fail.
 */
class SignVerifyPropertiesTest {

    private static final KeyFile KEY = KeyFile.generate(KeyType.ED25519, new SecureRandom());
    private static final DataIntegrity DATA_INTEGRITY = new DataIntegrity(Canonicalizer.standard());
    private static final DidKeyResolver RESOLVER = new DidKeyResolver();

    static Stream<Long> seeds() {
        return LongStream.range(0, 150).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void should_verify_when_signed_and_fail_when_any_single_value_changes(long seed) {
        // GIVEN
        JsonObject signed = sign(GeneratedCredentials.credential(seed, KEY.controller()));

        // WHEN
        List<ProofResult> results = DATA_INTEGRITY.verify(signed, RESOLVER);

        // THEN
        assertThat(results).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
        Random random = new Random(seed);
        List<String> leaves = new ArrayList<>();
        collectLeaves(signed, "", leaves);
        for (int i = 0; i < 5; i++) {
            String pointer = leaves.get(random.nextInt(leaves.size()));
            JsonObject tampered = change(signed, pointer);
            assertThat(verifies(tampered)).as("seed %d, changed %s", seed, pointer).isFalse();
        }
    }

    private static JsonObject sign(JsonObject credential) {
        return DATA_INTEGRITY.sign(
                credential,
                KEY.signingKey(),
                ProofOptions.assertion(
                        KEY.verificationMethodId(), Instant.parse("2026-01-01T00:00:00Z")));
    }

    private static boolean verifies(JsonObject credential) {
        try {
            return DATA_INTEGRITY.verify(credential, RESOLVER).stream()
                    .allMatch(ProofResult::passed);
        } catch (JsonLdException e) {
            return false;
        }
    }

    private static JsonObject change(JsonObject document, String pointer) {
        JsonPointer at = Json.createPointer(pointer);
        JsonValue value = at.getValue(document);
        JsonValue changed =
                switch (value.getValueType()) {
                    case STRING -> Json.createValue(((JsonString) value).getString() + "x");
                    case NUMBER -> Json.createValue(value.toString().equals("7") ? 8 : 7);
                    case TRUE -> JsonValue.FALSE;
                    case FALSE -> JsonValue.TRUE;
                    default -> throw new IllegalStateException("not a leaf: " + pointer);
                };
        return at.replace(document, changed);
    }

    private static void collectLeaves(JsonValue value, String pointer, List<String> leaves) {
        if (value instanceof JsonObject object) {
            object.forEach(
                    (key, child) -> {
                        if (!key.equals("@context") && !key.equals("proof")) {
                            collectLeaves(child, pointer + "/" + escape(key), leaves);
                        }
                    });
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                collectLeaves(array.get(i), pointer + "/" + i, leaves);
            }
        } else if (value.getValueType() != JsonValue.ValueType.NULL) {
            leaves.add(pointer);
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
