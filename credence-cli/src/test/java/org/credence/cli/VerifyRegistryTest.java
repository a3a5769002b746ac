package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.credence.core.crypto.KeyFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyRegistryTest {

    @TempDir Path directory;

    private CliRunner cli;
    private String issuerDid;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(directory);
        cli.keyAndAchievement("Data literacy");
        issuerDid = KeyFile.read(Files.readString(cli.path("key.json"))).controller();
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
        assertThat(issue.exitCode()).as(issue.err()).isZero();
    }

    @Test
    void should_name_the_known_issuer_when_the_registry_lists_it() {
        // GIVEN
        cli.write(
                "members.json",
                "{\"meta\":{},\"registry\":{\"" + issuerDid + "\":{\"name\":\"Data School\"}}}");

        // WHEN
        CliRunner.Run verify =
                cli.run(
                        "verify",
                        cli.file("credential.json"),
                        "--registry",
                        cli.file("members.json"));

        // THEN
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out())
                .contains("✓ issuer trust [OK] Known issuer: Data School (registry members)");
    }

    @Test
    void should_warn_and_still_verify_when_the_issuer_is_unknown() {
        // GIVEN
        cli.write("members.json", "{\"meta\":{},\"registry\":{}}");

        // WHEN
        CliRunner.Run verify =
                cli.run(
                        "verify",
                        cli.file("credential.json"),
                        "--registry",
                        cli.file("members.json"));

        // THEN
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("VERIFIED").contains("! issuer trust [UNKNOWN_ISSUER]");
    }

    @Test
    void should_not_apply_issuer_trust_without_a_registry() {
        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("credential.json"));

        // THEN
        assertThat(verify.out()).contains("– issuer trust [NOT_APPLICABLE]");
    }

    @Test
    void should_fail_with_input_error_when_the_registry_file_is_not_a_registry() {
        // GIVEN
        cli.write("bad.json", "{\"issuers\":[]}");

        // WHEN
        CliRunner.Run verify =
                cli.run("verify", cli.file("credential.json"), "--registry", cli.file("bad.json"));

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.err()).contains("not a DCC issuer registry");
    }
}
