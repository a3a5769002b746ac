package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VectorViewsTest {

    /** Vectors that break the OB 3.0 data model (some on purpose); see the rejection test. */
    private static final Set<String> INVALID_MODEL =
            Set.of(
                    "1edtech-validator/simple-err-type.json",
                    "1edtech-validator/simple-err-context.json",
                    "1edtech-validator/simple-err-issuer.json",
                    "1edtech-validator/simple-err-issuer-type.json",
                    "1edtech-validator/simple-err-issuer-otheridentifier-type.json",
                    "1edtech-validator/simple-err-issuer-parentorg-type.json",
                    "1edtech-validator/simple-err-credential-subject-type.json",
                    "1edtech-validator/simple-err-credential-subject-identifier-type.json",
                    "1edtech-validator/simple-err-credential-subject-result-type.json",
                    "1edtech-validator/simple-err-credential-subject-achievement-result-description-type.json",
                    "1edtech-validator/simple-err-credential-subject-profile-type.json",
                    "1edtech-validator/simple-err-evidence-type.json",
                    "1edtech-validator/simple-err-issued.json",
                    "1edtech-validator/simple-noproof.json",
                    "1edtech-validator/complete_v1.json");

    static Stream<String> validModelVectors() {
        return Vectors.credentialFiles().filter(file -> !INVALID_MODEL.contains(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validModelVectors")
    void should_read_the_credential_and_keep_its_json_when_the_vector_is_valid(String file) {
        // GIVEN
        JsonObject json = Vectors.read(file);

        // WHEN
        Credential credential = Credential.of(json);

        // THEN
        assertThat(credential.json()).isEqualTo(json);
        assertThat(credential.issuer().id()).isNotBlank();
        assertThat(credential.validFrom()).isNotNull();
        assertThat(credential.withoutProof()).doesNotContainKey("proof");
        if (credential instanceof OpenBadgeCredential badge) {
            assertThat(badge.achievement().name()).isNotBlank();
            assertThat(badge.achievement().criteria().json()).isNotNull();
        }
        if (credential instanceof ClrCredential clr) {
            assertThat(clr.credentialSubject().verifiableCredentials()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "simple-err-type.json, MISSING_TYPE, type",
        "simple-err-context.json, INVALID_VALUE, @context",
        "simple-err-issuer.json, MISSING_PROPERTY, issuer",
        "simple-err-issuer-type.json, MISSING_TYPE, issuer.type",
        "simple-err-issuer-otheridentifier-type.json, MISSING_TYPE, issuer.otherIdentifier[1].type",
        "simple-err-issuer-parentorg-type.json, MISSING_TYPE, issuer.parentOrg.type",
        "simple-err-credential-subject-type.json, MISSING_TYPE, credentialSubject.type",
        "simple-err-credential-subject-identifier-type.json, MISSING_TYPE,"
                + " credentialSubject.identifier[0].type",
        "simple-err-credential-subject-result-type.json, MISSING_TYPE,"
                + " credentialSubject.result[1].type",
        "simple-err-credential-subject-achievement-result-description-type.json, MISSING_TYPE,"
                + " credentialSubject.achievement.resultDescription[2].type",
        "simple-err-credential-subject-profile-type.json, MISSING_TYPE,"
                + " credentialSubject.source.type",
        "simple-err-evidence-type.json, MISSING_TYPE, evidence[1].type",
        "simple-err-issued.json, MISSING_PROPERTY, credentialSubject.achievement",
        "simple-noproof.json, MISSING_PROPERTY, credentialSubject.achievement",
        "complete_v1.json, MISSING_PROPERTY, issuer.endorsement[0].id"
    })
    void should_name_the_broken_field_when_the_vector_breaks_the_data_model(
            String file, ModelProblem problem, String field) {
        // GIVEN
        JsonObject json = Vectors.read("1edtech-validator/" + file);

        // WHEN
        ModelException exception =
                catchThrowableOfType(() -> Credential.of(json), ModelException.class);

        // THEN
        assertThat(exception).isNotNull();
        assertThat(exception.problem()).isEqualTo(problem);
        assertThat(exception.field()).isEqualTo(field);
        assertThat(exception.getMessage()).startsWith(field + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validModelVectors")
    void should_keep_unknown_fields_when_a_credential_has_extensions(String file) {
        // GIVEN
        JsonObject unknown = Json.createReader(new StringReader("{\"a\":1.50}")).readObject();
        JsonObject json =
                Json.createObjectBuilder(Vectors.read(file)).add("ext:unknown", unknown).build();

        // WHEN
        Credential credential = Credential.of(json);

        // THEN
        assertThat(credential.json()).isEqualTo(json);
        assertThat(credential.json().getJsonObject("ext:unknown").toString())
                .isEqualTo("{\"a\":1.50}");
    }
}
