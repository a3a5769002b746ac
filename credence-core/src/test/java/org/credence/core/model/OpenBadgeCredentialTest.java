package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenBadgeCredentialTest {

    @Test
    void should_expose_typed_values_when_the_credential_uses_every_part_of_the_model() {
        // GIVEN
        JsonObject json = Vectors.read("1edtech-validator/complete.json");

        // WHEN
        OpenBadgeCredential credential = OpenBadgeCredential.of(json);

        // THEN
        assertThat(credential.validUntil()).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(credential.issuer().email()).contains("registrar@1edtech.edu");
        assertThat(credential.issuer().image().flatMap(Image::caption))
                .contains("1EdTech University logo");
        assertThat(
                        credential
                                .issuer()
                                .endorsements()
                                .get(0)
                                .credentialSubject()
                                .endorsementComment())
                .contains("1EdTech University is in good standing");
        Achievement achievement = credential.achievement();
        assertThat(achievement.knownAchievementType()).contains(AchievementType.DEGREE);
        assertThat(achievement.creditsAvailable()).contains(new BigDecimal("36"));
        assertThat(achievement.fieldOfStudy()).contains("Research");
        assertThat(achievement.tags()).containsExactly("research", "computer science");
        assertThat(achievement.alignments().get(1).targetType()).contains("CTDL");
        assertThat(achievement.resultDescriptions().get(1).rubricCriterionLevels().get(0).level())
                .contains("Mastered");
        AchievementSubject subject = credential.credentialSubject();
        assertThat(subject.creditsEarned()).contains(new BigDecimal("42"));
        assertThat(subject.results().get(2).status()).contains("Completed");
        assertThat(subject.matchesEmail("student@1edtech.edu")).isTrue();
        assertThat(credential.evidence().get(0).genre()).contains("Research");
        assertThat(credential.credentialStatus()).isPresent();
        assertThat(credential.proofs()).hasSize(1);
    }

    @Test
    void should_read_a_reference_issuer_when_the_issuer_is_a_url() {
        // GIVEN
        JsonObject json = Vectors.read("dcc-verifier-core/v2__v2SimpleIssuerId.json");

        // WHEN
        Profile issuer = OpenBadgeCredential.of(json).issuer();

        // THEN
        assertThat(issuer.id()).isEqualTo(json.getString("issuer"));
        assertThat(issuer.isReference()).isTrue();
        assertThat(issuer.name()).isEmpty();
    }

    @Test
    void should_read_issuance_and_expiration_dates_when_the_credential_is_vc_1_1() {
        // GIVEN
        JsonObject json = Vectors.read("dcc-verifier-core/v1__v1Expired.json");

        // WHEN
        OpenBadgeCredential credential = OpenBadgeCredential.of(json);

        // THEN
        assertThat(credential.validFrom()).isEqualTo(Instant.parse(json.getString("issuanceDate")));
        assertThat(credential.validUntil())
                .contains(Instant.parse(json.getString("expirationDate")));
    }

    @Test
    void should_keep_everything_but_the_proof_when_asked_for_the_credential_without_proof() {
        // GIVEN
        JsonObject json = Vectors.read("1edtech-validator/simple.json");

        // WHEN
        JsonObject unsigned = OpenBadgeCredential.of(json).withoutProof();

        // THEN
        assertThat(unsigned).doesNotContainKey("proof").hasSize(json.size() - 1);
        assertThat(Json.createObjectBuilder(unsigned).add("proof", json.get("proof")).build())
                .isEqualTo(json);
    }

    @Test
    void should_name_the_missing_field_when_the_achievement_has_no_criteria() {
        // GIVEN
        JsonObject json = Vectors.read("1edtech-validator/simple.json");
        JsonObject subject = json.getJsonObject("credentialSubject");
        JsonObject broken =
                Json.createObjectBuilder(json)
                        .add(
                                "credentialSubject",
                                Json.createObjectBuilder(subject)
                                        .add(
                                                "achievement",
                                                Json.createObjectBuilder(
                                                                subject.getJsonObject(
                                                                        "achievement"))
                                                        .remove("criteria")))
                        .build();

        // WHEN
        ModelException exception =
                catchThrowableOfType(() -> OpenBadgeCredential.of(broken), ModelException.class);

        // THEN
        assertThat(exception.problem()).isEqualTo(ModelProblem.MISSING_PROPERTY);
        assertThat(exception.getMessage())
                .isEqualTo("credentialSubject.achievement.criteria: is required");
    }

    @Test
    void should_reject_the_date_when_valid_from_has_no_time_zone() {
        // GIVEN
        JsonObject json =
                Json.createObjectBuilder(Vectors.read("1edtech-validator/simple.json"))
                        .add("validFrom", "2010-01-01T00:00:00")
                        .build();

        // WHEN
        ModelException exception =
                catchThrowableOfType(() -> OpenBadgeCredential.of(json), ModelException.class);

        // THEN
        assertThat(exception.problem()).isEqualTo(ModelProblem.INVALID_DATE_TIME);
        assertThat(exception.field()).isEqualTo("validFrom");
    }
}
