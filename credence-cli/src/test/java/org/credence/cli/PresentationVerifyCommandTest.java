package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import org.credence.core.Holder;
import org.credence.core.crypto.KeyFile;
import org.credence.core.crypto.KeyType;
import org.credence.core.json.JsonInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credence verify} on a presentation of a credential the CLI issued. */
class PresentationVerifyCommandTest {

    @TempDir java.nio.file.Path directory;

    @Test
    void should_verify_a_presentation_only_for_the_challenge_it_answers() {
        // GIVEN
        CliRunner cli = new CliRunner(directory);
        cli.keyAndAchievement("Data literacy");
        CliRunner.Run issue =
                cli.run(
                        "issue",
                        "--key",
                        cli.file("key.json"),
                        "--achievement",
                        cli.file("achievement.json"),
                        "--recipient-email",
                        "learner@example.org",
                        "--out",
                        cli.file("credential.json"));
        KeyFile holderKey = KeyFile.generate(KeyType.ED25519, new SecureRandom());
        JsonObject presentation =
                Json.createObjectBuilder()
                        .add(
                                "@context",
                                Json.createArrayBuilder()
                                        .add("https://www.w3.org/ns/credentials/v2"))
                        .add("type", Json.createArrayBuilder().add("VerifiablePresentation"))
                        .add("holder", holderKey.controller())
                        .add(
                                "verifiableCredential",
                                Json.createArrayBuilder()
                                        .add(
                                                JsonInput.DEFAULT.parseObject(
                                                        cli.read("credential.json"))))
                        .build();
        cli.write(
                "presentation.json",
                Holder.of(holderKey).sign(presentation, "c-42", "hr.example").toString());

        // WHEN
        CliRunner.Run answered =
                cli.run(
                        "verify",
                        cli.file("presentation.json"),
                        "--challenge",
                        "c-42",
                        "--domain",
                        "hr.example");
        CliRunner.Run replayed =
                cli.run("verify", cli.file("presentation.json"), "--challenge", "c-43");

        // THEN
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(answered.exitCode()).as(answered.out()).isZero();
        assertThat(answered.out()).contains("VERIFIED", "holder binding", "nested credentials");
        assertThat(replayed.exitCode()).as(replayed.out()).isEqualTo(1);
        assertThat(replayed.out()).contains("INVALID_CHALLENGE");
    }
}
