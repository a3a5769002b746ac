package org.credence.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClrCredentialFactoryTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2025-03-14T09:26:53Z"), ZoneOffset.UTC);

    private final ClrCredentialFactory factory =
            new ClrCredentialFactory(CLOCK, OpenBadgeCredentialFactoryTest.seededRandom());

    @Test
    void should_bundle_the_credentials_intact_and_summarise_their_achievements() {
        // GIVEN
        JsonObject simple = Vectors.read("1edtech-validator/simple.json");
        JsonObject complete = Vectors.read("1edtech-validator/complete.json");
        JsonValue jwt = Json.createValue("eyJhbGciOiJFZERTQSJ9.e30.c2ln");
        ClrRequest request =
                ClrRequest.of(
                                "urn:uuid:5b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                                OpenBadgeCredentialFactoryTest.issuer(),
                                "学习记录 — Relevé de notes",
                                Recipient.ofId("did:example:ebfeb1f712ebc6f1c276e12ec21")
                                        .withEmail("student@1edtech.edu"),
                                List.of(simple, complete, jwt))
                        .withAssociations(
                                List.of(
                                        Association.between(
                                                "https://example.com/achievements/21st-century-skills/teamwork",
                                                "isChildOf",
                                                "https://1edtech.edu/achievements/degree")));

        // WHEN
        JsonObject json = factory.unsigned(request);

        // THEN
        assertThat(json.getJsonArray("@context").getValuesAs(JsonString::getString))
                .containsExactly(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(json.getJsonArray("type").toString())
                .isEqualTo("[\"VerifiableCredential\",\"ClrCredential\"]");
        assertThat(json.getString("validFrom")).isEqualTo("2025-03-14T09:26:53Z");
        ClrCredential clr = ClrCredential.of(json);
        assertThat(clr.name()).contains("学习记录 — Relevé de notes");
        ClrSubject subject = clr.credentialSubject();
        assertThat(subject.json().getJsonArray("type").getString(0)).isEqualTo("ClrSubject");
        assertThat(subject.verifiableCredentials()).containsExactly(simple, complete, jwt);
        assertThat(subject.achievements())
                .extracting(Achievement::id)
                .containsExactly(
                        "https://example.com/achievements/21st-century-skills/teamwork",
                        "https://1edtech.edu/achievements/degree");
        assertThat(subject.associations()).hasSize(1);
        assertThat(subject.identifiers().get(0).matchesEmail("student@1edtech.edu")).isTrue();
    }
}
