package org.credence.cli.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.credence.core.Holder;
import org.credence.core.Issuer;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A presentation signed by Credence's {@link Holder}, carrying a credential signed by its {@link
 * Issuer}, verified by the reference {@code @digitalbazaar/vc} ({@code
 * interop/verify-presentation.mjs}): authentication proof, challenge and domain.
 */
class PresentationInteropTest {

    private static final String CHALLENGE = "5d1c9e0a-interop";
    private static final String DOMAIN = "verifier.example";

    @TempDir Path work;

    @Test
    void should_be_verified_by_the_reference_only_for_its_own_challenge() throws IOException {
        // GIVEN
        NodeHarness harness = NodeHarness.installed(work);
        KeyFile issuerKey = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        KeyFile holderKey = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        JsonObject credential = Issuer.of(issuerKey).sign(credential(issuerKey, holderKey));
        JsonObject presentation =
                Json.createObjectBuilder()
                        .add(
                                "@context",
                                Json.createArrayBuilder()
                                        .add("https://www.w3.org/ns/credentials/v2"))
                        .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                        .add("holder", holderKey.controller())
                        .add("verifiableCredential", Json.createArrayBuilder().add(credential))
                        .build();
        Path file = work.resolve("presentation.json");
        Files.writeString(
                file, Holder.of(holderKey).sign(presentation, CHALLENGE, DOMAIN).toString());

        // WHEN
        JsonObject answered = verify(harness, file, CHALLENGE);
        JsonObject replayed = verify(harness, file, "another-challenge");

        // THEN
        assertThat(answered.getBoolean("verified")).as(answered.toString()).isTrue();
        assertThat(answered.getJsonArray("credentialsVerified").toString()).isEqualTo("[true]");
        assertThat(replayed.getBoolean("verified")).as(replayed.toString()).isFalse();
        assertThat(replayed.getBoolean("presentationVerified")).isFalse();
    }

    private static JsonObject verify(NodeHarness harness, Path file, String challenge) {
        return NodeHarness.parse(
                harness.run(
                        "interop/verify-presentation.mjs",
                        "--challenge",
                        challenge,
                        "--domain",
                        DOMAIN,
                        file.toString()));
    }

    private static JsonObject credential(KeyFile issuer, KeyFile holder) {
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/credentials/v2")
                                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .add("id", "urn:uuid:7a0f3a52-1c9e-4d2b-8f61-2b7e9c0d4e15")
                .add(
                        "type",
                        Json.createArrayBuilder()
                                .add("VerifiableCredential")
                                .add("OpenBadgeCredential"))
                .add(
                        "issuer",
                        Json.createObjectBuilder()
                                .add("id", issuer.controller())
                                .add("type", Json.createArrayBuilder().add("Profile"))
                                .add("name", "Training centre"))
                .add("validFrom", "2026-01-01T00:00:00Z")
                .add("name", "Presented badge")
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", holder.controller())
                                .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                                .add(
                                        "achievement",
                                        Json.createObjectBuilder()
                                                .add("id", "https://issuer.example/achievements/1")
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder()
                                                                .add("Achievement"))
                                                .add("name", "Presented badge")
                                                .add("description", "Shown to an employer.")
                                                .add(
                                                        "criteria",
                                                        Json.createObjectBuilder()
                                                                .add("narrative", "Did it."))))
                .build();
    }
}
