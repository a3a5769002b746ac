package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OpenBadgeCredentialFactoryTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2025-03-14T09:26:53.589Z"), ZoneOffset.UTC);

    private final OpenBadgeCredentialFactory factory =
            new OpenBadgeCredentialFactory(CLOCK, seededRandom());

    static SecureRandom seededRandom() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42L);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Achievement achievement(String name) {
        return AchievementBuilder.achievement("https://example.edu/achievements/data-101")
                .name(name)
                .description("Foundations of data analysis.")
                .criteriaNarrative("Pass the final assessment.")
                .achievementType(AchievementType.MICRO_CREDENTIAL)
                .build();
    }

    static Profile issuer() {
        return Profile.named("https://example.edu/issuers/1", "Université de Montréal");
    }

    @Test
    void should_write_the_required_fields_when_issuing_to_an_email() {
        // GIVEN
        CredentialRequest request =
                CredentialRequest.of(
                        "urn:uuid:2f0e2a4c-9a59-4c1e-8a58-1d2a3b4c5d6e",
                        issuer(),
                        achievement("Data 101"),
                        Recipient.ofEmail("ana@example.org"));

        // WHEN
        JsonObject credential = factory.unsigned(request);

        // THEN
        assertThat(
                        credential
                                .getJsonArray("@context")
                                .getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(credential.getJsonArray("type").toString())
                .isEqualTo("[\"VerifiableCredential\",\"OpenBadgeCredential\"]");
        assertThat(credential.getString("validFrom")).isEqualTo("2025-03-14T09:26:53Z");
        assertThat(credential.getString("name")).isEqualTo("Data 101");
        assertThat(credential).doesNotContainKeys("proof", "validUntil");
        OpenBadgeCredential badge = OpenBadgeCredential.of(credential);
        assertThat(badge.issuer().json().getJsonArray("type").getString(0)).isEqualTo("Profile");
        assertThat(badge.credentialSubject().json().getJsonArray("type").getString(0))
                .isEqualTo("AchievementSubject");
        assertThat(badge.credentialSubject().id()).isEmpty();
    }

    @Test
    void should_hash_the_email_with_a_fresh_salt_when_the_recipient_has_an_email() {
        // GIVEN
        CredentialRequest request =
                CredentialRequest.of(
                        "urn:uuid:2f0e2a4c-9a59-4c1e-8a58-1d2a3b4c5d6e",
                        issuer(),
                        achievement("Data 101"),
                        Recipient.ofEmail("Ana@Example.org").withName("Ana López"));

        // WHEN
        AchievementSubject first =
                OpenBadgeCredential.of(factory.unsigned(request)).credentialSubject();
        AchievementSubject second =
                OpenBadgeCredential.of(factory.unsigned(request)).credentialSubject();

        // THEN
        IdentityObject email = first.identifiers().get(0);
        assertThat(email.identityType()).isEqualTo("emailAddress");
        assertThat(email.hashed()).isTrue();
        assertThat(email.salt()).hasValueSatisfying(salt -> assertThat(salt).hasSize(32));
        assertThat(email.json().toString()).doesNotContain("Ana@Example.org", "ana@example.org");
        assertThat(
                        IdentityHash.matches(
                                email.identityHash(), "ana@example.org", email.salt().get()))
                .isTrue();
        assertThat(first.matchesEmail("ana@example.org")).isTrue();
        assertThat(first.matchesEmail("bob@example.org")).isFalse();
        assertThat(second.identifiers().get(0).salt()).isNotEqualTo(email.salt());
        assertThat(first.identifiers().get(1).identityHash()).isEqualTo("Ana López");
    }

    @Test
    void should_keep_non_ascii_text_when_the_credential_is_written_and_read_back() {
        // GIVEN
        String[] names = {"数据科学基础", "أساسيات علم البيانات", "Économie — Ça va"};
        for (String name : names) {
            CredentialRequest request =
                    CredentialRequest.of(
                                    "urn:uuid:2f0e2a4c-9a59-4c1e-8a58-1d2a3b4c5d6e",
                                    issuer(),
                                    achievement(name),
                                    Recipient.ofId("did:example:ebfeb1f712ebc6f1c276e12ec21"))
                            .withName(name + " (2025)");

            // WHEN
            String written = factory.unsigned(request).toString();
            OpenBadgeCredential reread =
                    OpenBadgeCredential.of(
                            Json.createReader(new StringReader(written)).readObject());

            // THEN
            assertThat(reread.name()).contains(name + " (2025)");
            assertThat(reread.achievement().name()).isEqualTo(name);
            assertThat(reread.issuer().name()).contains("Université de Montréal");
            assertThat(reread.credentialSubject().id())
                    .contains("did:example:ebfeb1f712ebc6f1c276e12ec21");
        }
    }

    @Test
    void should_write_the_optional_parts_when_the_request_has_them() {
        // GIVEN
        JsonObject status =
                Json.createObjectBuilder()
                        .add("id", "https://example.edu/status/1#94567")
                        .add("type", "BitstringStatusListEntry")
                        .build();
        Evidence evidence =
                Evidence.of(
                        Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("Evidence"))
                                .add("narrative", "Final project")
                                .build());
        Result result =
                Result.of(
                        Json.createObjectBuilder()
                                .add("type", Json.createArrayBuilder().add("Result"))
                                .add("status", "Completed")
                                .build());
        CredentialRequest request =
                CredentialRequest.of(
                                "urn:uuid:2f0e2a4c-9a59-4c1e-8a58-1d2a3b4c5d6e",
                                issuer().json(),
                                achievement("Data 101"),
                                Recipient.ofId("did:example:123"))
                        .withValidFrom(Instant.parse("2025-01-01T00:00:00Z"))
                        .withValidUntil(Instant.parse("2030-01-01T00:00:00Z"))
                        .withEvidence(java.util.List.of(evidence))
                        .withResults(java.util.List.of(result))
                        .withCreditsEarned(new BigDecimal("2.5"))
                        .withCredentialStatus(status);

        // WHEN
        OpenBadgeCredential badge = OpenBadgeCredential.of(factory.unsigned(request));

        // THEN
        assertThat(badge.validFrom()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(badge.validUntil()).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(badge.evidence()).containsExactly(evidence);
        assertThat(badge.credentialSubject().results()).containsExactly(result);
        assertThat(badge.credentialSubject().creditsEarned()).contains(new BigDecimal("2.5"));
        assertThat(badge.credentialStatus()).contains(status);
    }

    @Test
    void should_refuse_the_request_when_the_credential_id_is_not_an_absolute_uri() {
        // GIVEN
        Recipient recipient = Recipient.ofId("did:example:123");

        // WHEN
        ModelException exception =
                catchThrowableOfType(
                        () -> CredentialRequest.of("3527", issuer(), achievement("x"), recipient),
                        ModelException.class);

        // THEN
        assertThat(exception.problem()).isEqualTo(ModelProblem.INVALID_VALUE);
        assertThat(exception.field()).isEqualTo("id");
    }
}
