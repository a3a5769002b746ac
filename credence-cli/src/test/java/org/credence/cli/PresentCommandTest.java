package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.credence.core.json.JsonInput;
import org.credence.core.json.JsonValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credence present}: a DID-authentication presentation that verifies for its challenge. */
class PresentCommandTest {

    @TempDir java.nio.file.Path directory;

    @Test
    void should_sign_a_presentation_of_the_key_did_that_verifies_only_with_its_challenge() {
        // GIVEN
        CliRunner cli = new CliRunner(directory);
        String did = cli.keyAndAchievement("unused");

        // WHEN
        CliRunner.Run present =
                cli.run(
                        "present",
                        "--key",
                        cli.file("key.json"),
                        "--challenge",
                        "c-7f3a",
                        "--domain",
                        "wallet.example",
                        "--out",
                        cli.file("vp.json"));
        CliRunner.Run answered =
                cli.run(
                        "verify",
                        cli.file("vp.json"),
                        "--challenge",
                        "c-7f3a",
                        "--domain",
                        "wallet.example");
        CliRunner.Run otherChallenge =
                cli.run(
                        "verify",
                        cli.file("vp.json"),
                        "--challenge",
                        "c-0000",
                        "--domain",
                        "wallet.example");
        CliRunner.Run otherDomain =
                cli.run(
                        "verify",
                        cli.file("vp.json"),
                        "--challenge",
                        "c-7f3a",
                        "--domain",
                        "evil.example");

        // THEN
        assertThat(present.exitCode()).as(present.err()).isZero();
        JsonObject vp = JsonInput.DEFAULT.parseObject(cli.read("vp.json"));
        assertThat(JsonValues.string(vp, "holder")).contains(did);
        assertThat(vp.getJsonObject("proof").getString("proofPurpose")).isEqualTo("authentication");
        assertThat(vp.getJsonObject("proof").getString("challenge")).isEqualTo("c-7f3a");
        assertThat(vp.getJsonObject("proof").getString("domain")).isEqualTo("wallet.example");
        assertThat(answered.exitCode()).as(answered.out()).isZero();
        assertThat(answered.out()).contains("VERIFIED", "holder binding");
        assertThat(otherChallenge.exitCode()).as(otherChallenge.out()).isEqualTo(1);
        assertThat(otherChallenge.out()).contains("INVALID_CHALLENGE");
        assertThat(otherDomain.exitCode()).as(otherDomain.out()).isEqualTo(1);
    }

    @Test
    void should_write_a_vp_jwt_to_stdout_when_asked_for_jwt() {
        // GIVEN
        CliRunner cli = new CliRunner(directory);
        cli.keyAndAchievement("unused");

        // WHEN
        CliRunner.Run present =
                cli.run(
                        "present",
                        "--key",
                        cli.file("key.json"),
                        "--challenge",
                        "n-1",
                        "--domain",
                        "wallet.example",
                        "--jwt");
        cli.write("vp.jwt", present.out().strip());
        CliRunner.Run answered =
                cli.run(
                        "verify",
                        cli.file("vp.jwt"),
                        "--challenge",
                        "n-1",
                        "--domain",
                        "wallet.example");

        // THEN
        assertThat(present.exitCode()).as(present.err()).isZero();
        assertThat(present.out().strip())
                .matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(answered.exitCode()).as(answered.out()).isZero();
        assertThat(answered.out()).contains("VERIFIED", "holder binding");
    }

    @Test
    void should_exit_2_with_a_reason_when_the_key_file_is_missing() {
        // GIVEN
        CliRunner cli = new CliRunner(directory);

        // WHEN
        CliRunner.Run present =
                cli.run(
                        "present",
                        "--key",
                        cli.file("missing.json"),
                        "--challenge",
                        "c",
                        "--domain",
                        "d");

        // THEN
        assertThat(present.exitCode()).isEqualTo(ExitCodes.COULD_NOT_CHECK_OR_INPUT_ERROR);
        assertThat(present.err()).contains("no such file");
        assertThat(present.out()).isEmpty();
    }
}
