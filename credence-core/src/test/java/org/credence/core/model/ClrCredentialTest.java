package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class ClrCredentialTest {

    @Test
    void should_expose_credentials_achievements_and_associations_when_reading_a_clr() {
        // GIVEN
        JsonObject json = Vectors.read("1edtech-validator/clr20-simple.json");

        // WHEN
        ClrCredential clr = ClrCredential.of(json);

        // THEN
        ClrSubject subject = clr.credentialSubject();
        assertThat(subject.id()).contains("did:example:ebfeb1f712ebc6f1c276e12ec21");
        assertThat(subject.verifiableCredentials()).hasSize(1);
        JsonValue embedded = subject.verifiableCredentials().get(0);
        assertThat(OpenBadgeCredential.of(embedded.asJsonObject()).achievement().name())
                .isEqualTo("Teamwork");
        assertThat(subject.achievements())
                .extracting(Achievement::name)
                .containsExactly("Achievement 1", "Achievement 2");
        Association association = subject.associations().get(0);
        assertThat(association.associationType()).isEqualTo("isParentOf");
        assertThat(association.targetId())
                .isEqualTo("urn:uuid:dd887f0a-56cb-11ec-bf63-0242ac130002");
        assertThat(clr.contexts()).contains(ClrCredentialFactory.CLR_CONTEXT);
    }

    @Test
    void should_read_a_clr_as_such_when_reading_any_credential() {
        // GIVEN
        JsonObject json = Vectors.read("1edtech-validator/clr20-complex.json");

        // WHEN
        Credential credential = Credential.of(json);

        // THEN
        assertThat(credential).isInstanceOf(ClrCredential.class);
        ClrSubject subject = ((ClrCredential) credential).credentialSubject();
        assertThat(subject.associations()).hasSize(5);
        assertThat(subject.verifiableCredentials())
                .map(embedded -> OpenBadgeCredential.of(embedded.asJsonObject()))
                .map(badge -> badge.achievement().knownAchievementType().orElseThrow())
                .containsExactly(
                        AchievementType.DIPLOMA,
                        AchievementType.COURSE,
                        AchievementType.COURSE,
                        AchievementType.COURSE,
                        AchievementType.COURSE,
                        AchievementType.BADGE);
    }

    @Test
    void should_expose_the_endorsed_id_and_comment_when_reading_an_endorsement() {
        // GIVEN
        JsonObject json = Vectors.read("1edtech-validator/endorsement-valid.json");

        // WHEN
        EndorsementCredential endorsement = EndorsementCredential.of(json);

        // THEN
        assertThat(endorsement.credentialSubject().id()).isNotBlank();
        assertThat(endorsement.credentialSubject().endorsementComment()).isPresent();
        assertThat(endorsement.validUntil()).isPresent();
    }
}
