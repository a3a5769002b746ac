package org.credence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    @TempDir Path directory;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(directory);
    }

    @Test
    void should_exit_2_with_clear_message_when_credential_is_malformed_json() {
        // GIVEN
        cli.write("bad.json", "{\"type\": [\"VerifiableCredential\",");

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("bad.json"));

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.out()).isEmpty();
        assertThat(verify.err()).contains("cannot read", "Malformed JSON");
        assertNoStackTrace(verify);
    }

    @Test
    void should_exit_2_cleanly_when_json_is_5_mb() {
        // GIVEN
        String big = "{\"padding\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        cli.write("big.json", big);

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("big.json"));

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.err()).contains("at most");
        assertNoStackTrace(verify);
    }

    @Test
    void should_exit_2_cleanly_when_json_nests_10000_deep() {
        // GIVEN
        String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        cli.write("deep.json", deep);

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("deep.json"));

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.err()).contains("nests deeper than 100 levels");
        assertNoStackTrace(verify);
    }

    @Test
    void should_exit_2_when_input_is_neither_json_nor_jwt_nor_image() {
        // GIVEN
        cli.write("note.txt", "hello");

        // WHEN
        CliRunner.Run verify = cli.run("verify", cli.file("note.txt"));

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.err()).contains("Not a JSON credential");
    }

    @Test
    void should_exit_2_when_file_does_not_exist() {
        // GIVEN
        String missing = cli.file("missing.json");

        // WHEN
        CliRunner.Run verify = cli.run("verify", missing);

        // THEN
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.err()).contains("no such file");
    }

    @Test
    void should_exit_2_and_print_nothing_when_achievement_has_no_name() {
        // GIVEN
        cli.keyAndAchievement("unused");
        cli.write(
                "achievement.json",
                "{\"id\": \"https://example.org/a/1\", \"type\": [\"Achievement\"],"
                        + " \"description\": \"d\", \"criteria\": {\"narrative\": \"n\"}}");

        // WHEN
        CliRunner.Run issue = issue();

        // THEN
        assertThat(issue.exitCode()).isEqualTo(2);
        assertThat(issue.out()).isEmpty();
        assertThat(issue.err()).contains("\"name\" must be a non-empty string");
    }

    @Test
    void should_exit_2_when_achievement_is_malformed_json() {
        // GIVEN
        cli.keyAndAchievement("unused");
        cli.write("achievement.json", "{\"name\": ");

        // WHEN
        CliRunner.Run issue = issue();

        // THEN
        assertThat(issue.exitCode()).isEqualTo(2);
        assertThat(issue.out()).isEmpty();
        assertThat(issue.err()).contains("achievement", "Malformed JSON");
    }

    @Test
    void should_exit_2_with_json_ld_message_when_achievement_uses_undefined_term() {
        // GIVEN
        cli.keyAndAchievement("unused");
        cli.write(
                "achievement.json",
                CliRunner.achievement("Data literacy")
                        .replace("\"id\"", "\"favouriteColour\": \"blue\", \"id\""));

        // WHEN
        CliRunner.Run issue = issue();

        // THEN
        assertThat(issue.exitCode()).isEqualTo(2);
        assertThat(issue.out()).isEmpty();
        assertThat(issue.err()).contains("favouriteColour");
        assertNoStackTrace(issue);
    }

    @Test
    void should_exit_2_when_key_controller_is_not_the_issuer() throws Exception {
        // GIVEN
        cli.keyAndAchievement("Data literacy");
        String key = Files.readString(cli.path("key.json"));
        cli.write("key.json", key.replaceFirst("\"controller\":\"[^\"]+\"", "\"controller\":\"\""));

        // WHEN
        CliRunner.Run issue = issue();

        // THEN
        assertThat(issue.exitCode()).isEqualTo(2);
        assertThat(issue.out()).isEmpty();
    }

    @Test
    void should_exit_2_with_usage_when_option_is_unknown() {
        // GIVEN
        String unknown = "--frobnicate";

        // WHEN
        CliRunner.Run run = cli.run("verify", unknown, "x.json");

        // THEN
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option");
    }

    @Test
    void should_document_exit_codes_when_help_is_asked() {
        // GIVEN
        String help = "--help";

        // WHEN
        CliRunner.Run run = cli.run("verify", help);

        // THEN
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:", "VERIFIED", "FAILED", "COULD NOT CHECK");
    }

    private CliRunner.Run issue() {
        return cli.run(
                "issue",
                "--key",
                cli.file("key.json"),
                "--achievement",
                cli.file("achievement.json"),
                "--recipient-email",
                "learner@example.org");
    }

    private static void assertNoStackTrace(CliRunner.Run run) {
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }
}
