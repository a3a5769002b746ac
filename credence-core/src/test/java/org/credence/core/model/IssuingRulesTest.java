package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.credence.core.json.JsonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IssuingRulesTest {

    /** A valid VC 2.0 credential; each row below adds one member to it. */
    private static final JsonObject VALID =
            JsonInput.DEFAULT.parseObject(
                    """
                    {"@context": ["https://www.w3.org/ns/credentials/v2"],
                     "type": ["VerifiableCredential"],
                     "issuer": "did:example:issuer",
                     "validFrom": "2025-01-31T09:30:00Z",
                     "credentialSubject": {"id": "did:example:subject"}}
                    """);

    /** One forbidden shape per row: the member added, its value, the property named. */
    static Stream<Arguments> forbidden() {
        return Stream.of(
                row(
                        "evidence without type",
                        "evidence",
                        "{\"id\": \"https://e.example/1\"}",
                        "evidence.type"),
                row(
                        "second evidence without type",
                        "evidence",
                        "[{\"type\": \"Evidence\"}, {\"name\": \"x\"}]",
                        "evidence[1].type"),
                row("evidence type a number", "evidence", "{\"type\": 2}", "evidence.type"),
                row(
                        "evidence id not a URL",
                        "evidence",
                        "{\"type\": \"Evidence\", \"id\": \"not a url\"}",
                        "evidence.id"),
                row("evidence empty array", "evidence", "[]", "evidence"),
                row("evidence a string", "evidence", "\"https://e.example/1\"", "evidence"),
                row(
                        "termsOfUse without type",
                        "termsOfUse",
                        "{\"id\": \"https://t.example\"}",
                        "termsOfUse.type"),
                row(
                        "refreshService without type",
                        "refreshService",
                        "{\"id\": \"https://r.example\"}",
                        "refreshService.type"),
                row(
                        "credentialSchema without type",
                        "credentialSchema",
                        "{\"id\": \"https://s.example/schema.json\"}",
                        "credentialSchema.type"),
                row(
                        "credentialSchema without id",
                        "credentialSchema",
                        "{\"type\": \"JsonSchema\"}",
                        "credentialSchema.id"),
                row(
                        "credentialSchema id not a URL",
                        "credentialSchema",
                        "{\"type\": \"JsonSchema\", \"id\": \"https ://not-a-url.org/x\"}",
                        "credentialSchema.id"),
                row(
                        "credentialStatus without type",
                        "credentialStatus",
                        "{\"id\": \"did:example:status\"}",
                        "credentialStatus.type"),
                row(
                        "credentialStatus with two ids",
                        "credentialStatus",
                        "{\"type\": \"X\", \"id\": [\"did:example:1\", \"did:example:2\"]}",
                        "credentialStatus.id"),
                row(
                        "relatedResource without digest",
                        "relatedResource",
                        "{\"id\": \"https://r.example/a.png\"}",
                        "relatedResource"),
                row(
                        "relatedResource without id",
                        "relatedResource",
                        "{\"digestSRI\": \"sha384-x\"}",
                        "relatedResource.id"),
                row("empty subject", "credentialSubject", "{}", "credentialSubject"),
                row(
                        "empty extra subject",
                        "credentialSubject",
                        "[{\"id\": \"did:example:subject\"}, {}]",
                        "credentialSubject[1]"),
                row(
                        "validFrom not a dateTimeStamp",
                        "validFrom",
                        "\"Sat 25 Feb 2023 07:16:31 PM CST\"",
                        "validFrom"),
                row(
                        "validFrom without offset",
                        "validFrom",
                        "\"2025-01-31T09:30:00\"",
                        "validFrom"),
                row(
                        "validUntil not a dateTimeStamp",
                        "validUntil",
                        "\"Sun, 26 Feb 2023 01:22:14 +0000\"",
                        "validUntil"),
                row(
                        "validUntil before validFrom",
                        "validUntil",
                        "\"2024-01-31T09:30:00Z\"",
                        "validUntil"),
                row(
                        "name with an extra property",
                        "name",
                        "{\"@value\": \"Example\", \"@language\": \"en\", \"url\": \"did:ex:1\"}",
                        "name"),
                row("description a number", "description", "4", "description"),
                row(
                        "issuer name an object",
                        "issuer",
                        "{\"id\": \"did:example:issuer\", \"name\": {\"text\": \"Example\"}}",
                        "issuer.name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void should_name_the_property_when_the_credential_breaks_a_data_model_must(
            String name, JsonObject credential, String field) {
        // WHEN / THEN
        assertThat(IssuingRules.violations(credential))
                .extracting(IssuingRules.Violation::field)
                .containsExactly(field);
        assertThatThrownBy(() -> IssuingRules.require(credential))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(((ModelException) e).field()).isEqualTo(field));
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                row("typed evidence without id", "evidence", "{\"type\": \"Evidence\"}", ""),
                row(
                        "typed status without id",
                        "credentialStatus",
                        "{\"type\": \"CredentialStatusList2017\"}",
                        ""),
                row(
                        "schema with type and id",
                        "credentialSchema",
                        "[{\"type\": \"JsonSchema\", \"id\": \"did:example:schemas/1\"}]",
                        ""),
                row(
                        "subject without id",
                        "credentialSubject",
                        "{\"degree\": {\"name\": \"Bachelor of Science\"}}",
                        ""),
                row(
                        "two subjects",
                        "credentialSubject",
                        "[{\"id\": \"did:example:1\"}, {\"id\": \"did:example:2\"}]",
                        ""),
                row(
                        "validFrom with fraction and offset",
                        "validFrom",
                        "\"2023-02-25T19:10:39.250-06:00\"",
                        ""),
                row(
                        "names in three languages",
                        "name",
                        "[{\"@value\": \"Dog\", \"@language\": \"en\"},"
                                + " {\"@value\": \"Chien\", \"@language\": \"fr\", \"@direction\": \"ltr\"}]",
                        ""),
                row(
                        "issuer with a name",
                        "issuer",
                        "{\"id\": \"did:example:issuer\", \"name\": \"Example\"}",
                        ""),
                row(
                        "related resource with digest",
                        "relatedResource",
                        "{\"id\": \"https://r.example/a.png\", \"digestSRI\": \"sha384-x\"}",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void should_find_nothing_when_the_credential_keeps_the_rules(
            String name, JsonObject credential, String field) {
        assertThat(IssuingRules.violations(credential)).isEmpty();
    }

    @Test
    void should_find_nothing_when_the_credential_has_only_the_envelope() {
        assertThat(IssuingRules.violations(VALID)).isEmpty();
    }

    private static Arguments row(String name, String member, String json, String field) {
        JsonObject credential =
                Json.createObjectBuilder(VALID)
                        .add(
                                member,
                                JsonInput.DEFAULT
                                        .parseObject("{\"value\": " + json + "}")
                                        .get("value"))
                        .build();
        return Arguments.of(name, credential, field);
    }
}
