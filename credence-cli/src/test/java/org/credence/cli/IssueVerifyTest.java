package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IssueVerifyTest {

    @TempDir Path directory;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(directory);
    }

    @Test
    void should_print_did_key_and_write_private_key_file_when_keygen() throws Exception {
        // GIVEN
        Path key = cli.path("key.json");

        // WHEN
        CliRunner.Run run = cli.run("keygen", "--out", key.toString());

        // THEN
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).startsWith("did:key:z6Mk");
        assertThat(Files.readString(key)).contains("secretKeyMultibase");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
    }

    @Test
    void should_refuse_to_overwrite_key_when_file_exists() {
        // GIVEN
        cli.run("keygen", "--out", cli.file("key.json"));

        // WHEN
        CliRunner.Run run = cli.run("keygen", "--out", cli.file("key.json"));

        // THEN
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("already exists");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "jwt"})
    void should_verify_with_exit_0_when_issued_credential_round_trips(String format) {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        CliRunner.Run issue = issue("--format", format, "--out", cli.file("credential"));

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("credential"), "--json");

        // THEN
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("\"verdict\": \"VERIFIED\"");
        assertThat(verify.out()).contains("\"format\": \"" + format + "\"");
    }

    @Test
    void should_print_human_report_when_verifying_without_json() {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        issue("--out", cli.file("credential.json"));

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("credential.json"));

        // THEN
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).startsWith("VERIFIED (json)");
        assertThat(verify.out()).contains("✓ proof [OK]", "– recipient [NOT_APPLICABLE]");
    }

    @Test
    void should_verify_from_stdin_when_file_is_dash() {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        CliRunner.Run issue = issue();

        // WHEN
        CliRunner.Run verify =
                cli.runWithStdin(
                        issue.out().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "verify",
                        "-");

        // THEN
        assertThat(verify.exitCode()).as(verify.err()).isZero();
    }

    @Test
    void should_fail_with_invalid_proof_when_credential_is_tampered() {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        String credential = issue().out().replace("Data literacy", "Brain surgery");
        cli.write("tampered.json", credential);

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("tampered.json"), "--json");

        // THEN
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("\"verdict\": \"FAILED\"", "INVALID_PROOF");
    }

    @Test
    void should_verify_when_recipient_email_matches() {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        cli.write("credential.json", issue().out());

        // WHEN
        CliRunner.Run verify =
                cli.run(
                        "verify",
                        cli.file("credential.json"),
                        "--recipient-email",
                        "Learner@Example.org");

        // THEN
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).contains("✓ recipient [OK]");
    }

    @Test
    void should_fail_with_recipient_mismatch_when_email_differs() {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        cli.write("credential.json", issue().out());

        // WHEN
        CliRunner.Run verify =
                cli.run(
                        "verify",
                        cli.file("credential.json"),
                        "--recipient-email",
                        "someone.else@example.org");

        // THEN
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("✗ recipient [RECIPIENT_MISMATCH]");
    }

    @Test
    void should_fail_validity_when_verified_after_valid_until() {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        cli.write("credential.json", issue("--valid-until", "2025-06-01T00:00:00Z").out());

        // WHEN
        CliRunner.Run verify =
                cli.run("verify", cli.file("credential.json"), "--at", "2026-01-01T00:00:00Z");

        // THEN
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("✗ validity dates");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"数据素养与公共卫生报告", "محو الأمية في البيانات", "Médecine générale"})
    void should_round_trip_names_when_they_are_not_ascii(String name) {
        // GIVEN
        cli.keyAndAchievement(name);
        CliRunner.Run issue =
                issue("--issuer-name", "Université " + name, "--out", cli.file("c.json"));

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("c.json"));

        // THEN
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(cli.read("c.json")).contains("\"name\": \"" + name + "\"");
        assertThat(cli.read("c.json")).contains("Université " + name);
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @Test
    void should_issue_with_subject_id_when_recipient_id_given() {
        // GIVEN
        cli.keyAndAchievement("Data literacy");

        // WHEN
        CliRunner.Run issue =
                cli.run(
                        "issue",
                        "--key",
                        cli.file("key.json"),
                        "--achievement",
                        cli.file("achievement.json"),
                        "--recipient-id",
                        "did:example:learner");

        // THEN
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(issue.out()).contains("\"id\": \"did:example:learner\"");
        assertThat(issue.out()).doesNotContain("identifier");
    }

    private CliRunner.Run issue(String... extra) {
        String[] base = {
            "issue",
            "--key",
            cli.file("key.json"),
            "--achievement",
            cli.file("achievement.json"),
            "--recipient-email",
            "learner@example.org"
        };
        String[] arguments = new String[base.length + extra.length];
        System.arraycopy(base, 0, arguments, 0, base.length);
        System.arraycopy(extra, 0, arguments, base.length, extra.length);
        return cli.run(arguments);
    }
}
