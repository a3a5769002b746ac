package org.credence.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.stream.Stream;
import org.credence.core.json.JsonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data model rules the W3C VC-API issuer and verifier suites probe with wrong value types
 * (w3c-ccg/vc-api-issuer-test-suite tests/10-issuer.js, vc-api-verifier-test-suite
 * tests/10-vc-di.js).
 */
class DataModelCheckTest {

    private static final String VALID =
            """
            {"@context": ["https://www.w3.org/ns/credentials/v2"],
             "type": ["VerifiableCredential", "AlumniCredential"],
             "issuer": "did:example:issuer",
             "credentialSubject": {"id": "did:example:abcdefgh"}}
            """;

    static Stream<Arguments> brokenMembers() {
        return Stream.of(
                Arguments.of("@context", "null", "first @context"),
                Arguments.of("@context", "4", "first @context"),
                Arguments.of("@context", "[]", "first @context"),
                Arguments.of("@context", "\"string\"", "first @context"),
                Arguments.of("@context", "{}", "first @context"),
                Arguments.of(
                        "@context",
                        "[\"https://www.w3.org/ns/credentials/v2\", 4]",
                        "every @context entry"),
                Arguments.of("type", "null", "VerifiableCredential"),
                Arguments.of("type", "true", "VerifiableCredential"),
                Arguments.of("type", "[]", "VerifiableCredential"),
                Arguments.of("type", "[\"VerifiableCredential\", 4]", "every type"),
                Arguments.of("issuer", "null", "issuer is missing"),
                Arguments.of("issuer", "true", "issuer is missing"),
                Arguments.of("issuer", "4", "issuer is missing"),
                Arguments.of("issuer", "[]", "issuer is missing"),
                Arguments.of("issuer", "{}", "issuer is missing"),
                Arguments.of("credentialSubject", "null", "credentialSubject is missing"),
                Arguments.of("credentialSubject", "[]", "credentialSubject is missing"),
                Arguments.of("credentialSubject", "true", "must be an object"),
                Arguments.of("credentialSubject", "4", "must be an object"),
                Arguments.of("credentialSubject", "\"did:example:1234\"", "must be an object"),
                Arguments.of("credentialSubject", "[{\"id\": \"did:example:1\"}, 4]", "object"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("brokenMembers")
    void should_name_the_broken_member_when_it_has_the_wrong_type(
            String member, String value, String problem) {
        // GIVEN
        JsonObject valid = JsonInput.DEFAULT.parseObject(VALID);
        JsonObject broken = Json.createObjectBuilder(valid).add(member, value(value)).build();

        // WHEN / THEN
        assertThat(DataModelCheck.problems(broken)).anyMatch(text -> text.contains(problem));
        assertThat(DataModelCheck.check(broken).status()).isEqualTo(CheckStatus.FAILED);
    }

    private static JsonValue value(String json) {
        return JsonInput.DEFAULT.parseObject("{\"value\": " + json + "}").get("value");
    }

    @Test
    void should_accept_a_minimal_credential_and_one_without_its_optional_members_typed_loosely() {
        JsonObject valid = JsonInput.DEFAULT.parseObject(VALID);
        JsonObject issuerObject =
                Json.createObjectBuilder(valid)
                        .add("issuer", Json.createObjectBuilder().add("id", "did:example:1"))
                        .add(
                                "credentialSubject",
                                Json.createArrayBuilder().add(Json.createObjectBuilder()))
                        .build();

        assertThat(DataModelCheck.problems(valid)).isEmpty();
        assertThat(DataModelCheck.problems(issuerObject)).isEmpty();
    }
}
