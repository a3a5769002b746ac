package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class IdentityObjectTest {

    @Test
    void should_match_the_email_when_it_was_hashed_with_the_salt() {
        // GIVEN
        IdentityObject identity = IdentityObject.hashedEmail("Ana.Lopez@Example.org", "s4lt");

        // WHEN
        boolean matches = identity.matchesEmail("ana.lopez@example.org");

        // THEN
        assertThat(matches).isTrue();
        assertThat(identity.identityHash())
                .isEqualTo(IdentityHash.sha256("ana.lopez@example.org", "s4lt"))
                .startsWith("sha256$");
        assertThat(identity.matchesEmail("Ana.Lopez@Example.org")).isTrue();
    }

    @Test
    void should_not_match_when_the_email_is_someone_elses() {
        // GIVEN
        IdentityObject identity = IdentityObject.hashedEmail("ana@example.org", "s4lt");

        // WHEN
        boolean matches = identity.matchesEmail("bob@example.org");

        // THEN
        assertThat(matches).isFalse();
    }

    @Test
    void should_report_the_field_when_hashed_is_not_a_boolean() {
        // GIVEN
        var json =
                Json.createObjectBuilder()
                        .add("type", "IdentityObject")
                        .add("identityHash", "ana@example.org")
                        .add("identityType", "emailAddress")
                        .add("hashed", "false")
                        .build();

        // WHEN
        ModelException exception =
                catchThrowableOfType(() -> IdentityObject.of(json), ModelException.class);

        // THEN
        assertThat(exception.problem()).isEqualTo(ModelProblem.WRONG_JSON_TYPE);
        assertThat(exception.getMessage()).isEqualTo("hashed: must be a boolean");
    }
}
